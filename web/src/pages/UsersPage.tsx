import { type FormEvent, useCallback, useState } from "react";
import type { UserDto } from "../../../src/api/contract/access.ts";
import { ROLE_LABELS, ROLES, type Role } from "../../../src/domain/access.ts";
import { apiGet, apiSend } from "../api.ts";
import { ActionMessageLine, useLoadAndAct } from "../components/admin-actions.tsx";

/** The administrator's users: create, change role, borgerdata and projects, disable, new password. */
export default function UsersPage() {
  const [users, setUsers] = useState<UserDto[]>([]);
  const load = useCallback(async () => setUsers((await apiGet<{ users: UserDto[] }>("/users")).users), []);
  const { message, act } = useLoadAndAct(load);

  const [draft, setDraft] = useState({ username: "", name: "", role: "laeser" as Role, password: "" });
  function create(e: FormEvent) {
    e.preventDefault();
    act(() => apiSend("POST", "/users", draft), `Brugeren ${draft.username} er oprettet`).then(() =>
      setDraft({ username: "", name: "", role: "laeser", password: "" }),
    );
  }

  return (
    <div className="page">
      <h1>Brugere</h1>
      <ActionMessageLine message={message} />
      <section className="card" aria-labelledby="users-heading">
        <h2 id="users-heading">Alle brugere</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Brugernavn</th>
              <th scope="col">Navn</th>
              <th scope="col">Rolle</th>
              <th scope="col">Borgerdata</th>
              <th scope="col">Leder projekt</th>
              <th scope="col">Status</th>
              <th scope="col">Handlinger</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td>{u.name}</td>
                <td>
                  <select
                    aria-label={`Rolle for ${u.username}`}
                    value={u.role}
                    onChange={(e) =>
                      act(
                        () => apiSend("PATCH", `/users/${u.username}`, { role: e.target.value }),
                        "Rollen er ændret",
                      )
                    }
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Borgerdata for ${u.username}`}
                    checked={u.personLevel}
                    onChange={(e) =>
                      act(
                        () => apiSend("PATCH", `/users/${u.username}`, { personLevel: e.target.checked }),
                        "Borgerdata er ændret",
                      )
                    }
                  />
                </td>
                <td>
                  <input
                    aria-label={`Projekter, ${u.username} leder (numre adskilt af komma)`}
                    defaultValue={u.leads.join(", ")}
                    onBlur={(e) => {
                      const leads = e.target.value
                        .split(",")
                        .map((s) => Number(s.trim()))
                        .filter((n) => n > 0);
                      if (leads.join(",") !== u.leads.join(","))
                        act(() => apiSend("PATCH", `/users/${u.username}`, { leads }), "Projekterne er gemt");
                    }}
                  />
                </td>
                <td>{u.active ? "Aktiv" : "Deaktiveret"}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      act(
                        () => apiSend("PATCH", `/users/${u.username}`, { active: !u.active }),
                        u.active ? `${u.username} er deaktiveret` : `${u.username} er aktiv igen`,
                      )
                    }
                  >
                    {u.active ? "Deaktivér" : "Aktivér"}
                  </button>{" "}
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      const password = window.prompt(`Ny adgangskode til ${u.username} (mindst 12 tegn)`);
                      if (password)
                        act(
                          () => apiSend("PUT", `/users/${u.username}/password`, { password }),
                          "Adgangskoden er skiftet",
                        );
                    }}
                  >
                    Ny adgangskode
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <form className="card" onSubmit={create} aria-labelledby="new-user-heading">
        <h2 id="new-user-heading">Opret bruger</h2>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="nu-username">Brugernavn</label>
            <input
              id="nu-username"
              value={draft.username}
              onChange={(e) => setDraft({ ...draft, username: e.target.value })}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="nu-name">Navn</label>
            <input
              id="nu-name"
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="nu-role">Rolle</label>
            <select
              id="nu-role"
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="nu-password">Adgangskode (mindst 12 tegn)</label>
            <input
              id="nu-password"
              type="password"
              autoComplete="new-password"
              value={draft.password}
              onChange={(e) => setDraft({ ...draft, password: e.target.value })}
              required
            />
          </div>
        </div>
        <button type="submit">Opret</button>
      </form>
    </div>
  );
}
