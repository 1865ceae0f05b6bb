import { type FormEvent, useState } from "react";
import { ROLE_LABELS } from "../../../src/domain/access.ts";
import { ApiRequestError, apiSend } from "../api.ts";
import { useSession } from "../session.tsx";

/** «Log ind»: user name and password, single sign-on when configured, the demo's accounts in demo mode. */
export default function SignInPage() {
  const { session, refresh } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiSend("POST", "/session", { username, password });
      await refresh();
    } catch (err) {
      setError(err instanceof ApiRequestError ? err.message : "Login mislykkedes");
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="indhold" className="sign-in">
      <h1>Log ind i Effektspor</h1>
      {session?.noUsers && (
        <p className="notice" role="status">
          Der er endnu ingen brugere. Opret den første administrator på serveren:{" "}
          <code>./bin/effektspor users add --username NAVN --role administrator</code>
        </p>
      )}
      <form className="card" onSubmit={submit} aria-labelledby="sign-in-heading">
        <h2 id="sign-in-heading">Brugernavn og adgangskode</h2>
        <div className="field">
          <label htmlFor="sign-in-username">Brugernavn</label>
          <input
            id="sign-in-username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">Adgangskode</label>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Log ind
        </button>
      </form>
      {session?.oidc.enabled && (
        <p>
          <a className="button-link" href="/api/oidc/login">
            {session.oidc.label}
          </a>
        </p>
      )}
      {session && session.demoAccounts.length > 0 && (
        <section className="card" aria-labelledby="demo-accounts-heading">
          <h2 id="demo-accounts-heading">Demoens brugere</h2>
          <p>Dette er en demoinstallation. Log ind som en af demoens brugere (én pr. rolle):</p>
          <table>
            <thead>
              <tr>
                <th scope="col">Brugernavn</th>
                <th scope="col">Rolle</th>
                <th scope="col">Adgangskode</th>
              </tr>
            </thead>
            <tbody>
              {session.demoAccounts.map((a) => (
                <tr key={a.username}>
                  <td>{a.username}</td>
                  <td>{ROLE_LABELS[a.role]}</td>
                  <td>
                    <code>{a.password}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </main>
  );
}
