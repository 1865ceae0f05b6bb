import { type FormEvent, useEffect, useState } from "react";
import { EXIT_REASONS } from "../../../src/domain/codes.ts";
import { apiSend } from "../api.ts";

export interface GroupSetDto {
  id: number;
  name: string;
  groups: { name: string; reasons: string[] }[];
}

/**
 * Edit the outcome-group sets (seed 003's "udfaldsgrupper"): a set's name, its groups, and which
 * group each exit reason belongs to (at most one, so the choice is one select per reason).
 */
export function GroupSetEditor({
  sets,
  onSaved,
}: {
  sets: GroupSetDto[];
  /** after a save or delete: the name now to use ("" when deleted) */
  onSaved: (name: string) => void;
}) {
  const [editing, setEditing] = useState<string>(""); // "" = a new set
  const [name, setName] = useState("");
  const [groups, setGroups] = useState<string[]>(["Job og uddannelse"]);
  const [assigned, setAssigned] = useState<Record<string, number>>({});
  const [error, setError] = useState("");
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const set = sets.find((s) => s.name === editing);
    setError("");
    if (!set) {
      setName("");
      setGroups(["Job og uddannelse"]);
      setAssigned({});
      return;
    }
    setName(set.name);
    setGroups(set.groups.map((g) => g.name));
    const a: Record<string, number> = {};
    set.groups.forEach((g, i) => {
      for (const r of g.reasons) a[r] = i;
    });
    setAssigned(a);
  }, [editing, sets]);

  const removeGroup = (i: number) => {
    setGroups(groups.filter((_, j) => j !== i));
    const a: Record<string, number> = {};
    for (const [r, g] of Object.entries(assigned)) {
      if (g < i) a[r] = g;
      else if (g > i) a[r] = g - 1;
    }
    setAssigned(a);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError("");
    setMessage("");
    const trimmed = groups.map((g) => g.trim());
    if (!name.trim()) return setError("Skriv et navn til grupperingen");
    if (trimmed.length === 0) return setError("Grupperingen skal have mindst én gruppe");
    const empty = trimmed.findIndex((g) => g === "");
    if (empty >= 0) return setError(`Gruppe ${empty + 1} mangler et navn`);
    const dup = trimmed.find((g, i) => trimmed.indexOf(g) !== i);
    if (dup) return setError(`Gruppen «${dup}» står to gange; giv grupperne forskellige navne`);
    const body = {
      name: name.trim(),
      groups: trimmed.map((g, i) => ({
        name: g,
        reasons: EXIT_REASONS.filter((r) => assigned[r.code] === i).map((r) => r.code),
      })),
    };
    setBusy(true);
    try {
      await apiSend("PUT", "/outcome-group-sets", body);
      // a renamed set is saved under the new name; the old one goes
      if (editing && editing !== body.name) {
        await apiSend("DELETE", `/outcome-group-sets/${encodeURIComponent(editing)}`);
      }
      setMessage(`Grupperingen «${body.name}» er gemt.`);
      setEditing(body.name);
      onSaved(body.name);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!editing) return;
    if (!window.confirm(`Slet grupperingen «${editing}»?`)) return;
    setBusy(true);
    setError("");
    try {
      await apiSend("DELETE", `/outcome-group-sets/${encodeURIComponent(editing)}`);
      setMessage(`Grupperingen «${editing}» er slettet.`);
      setEditing("");
      onSaved("");
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="card">
      <summary>Redigér grupperinger i udfald</summary>
      <form onSubmit={save} aria-label="Redigér en gruppering">
        <div className="form-grid">
          <div className="field">
            <label htmlFor="gs-edit">Gruppering at redigere</label>
            <select id="gs-edit" value={editing} onChange={(e) => setEditing(e.target.value)}>
              <option value="">Ny gruppering</option>
              {sets.map((s) => (
                <option key={s.id} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="gs-name">Navn</label>
            <input id="gs-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
          </div>
        </div>
        <fieldset>
          <legend>Grupper</legend>
          {groups.map((g, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: groups are edited in place by position
            <div className="toolbar" key={i}>
              <label htmlFor={`gs-group-${i}`}>Gruppe {i + 1}</label>
              <input
                id={`gs-group-${i}`}
                value={g}
                onChange={(e) => setGroups(groups.map((x, j) => (j === i ? e.target.value : x)))}
              />
              <button type="button" className="secondary" onClick={() => removeGroup(i)}>
                Fjern<span className="visually-hidden"> gruppe {i + 1}</span>
              </button>
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => setGroups([...groups, ""])}>
            Tilføj gruppe
          </button>
        </fieldset>
        <fieldset>
          <legend>Afslutningsårsager (hver årsag i højst én gruppe)</legend>
          <div className="desc-grid">
            {EXIT_REASONS.map((r) => (
              <div className="field" key={r.code}>
                <label htmlFor={`gs-reason-${r.code}`}>{r.label}</label>
                <select
                  id={`gs-reason-${r.code}`}
                  value={assigned[r.code] ?? -1}
                  onChange={(e) => {
                    const v = Number(e.target.value);
                    const a = { ...assigned };
                    if (v < 0) delete a[r.code];
                    else a[r.code] = v;
                    setAssigned(a);
                  }}
                >
                  <option value={-1}>Uden for grupperne</option>
                  {groups.map((g, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the value is the group's position
                    <option key={i} value={i}>
                      {g.trim() || `Gruppe ${i + 1}`}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="toolbar">
          <button type="submit" disabled={busy}>
            Gem grupperingen
          </button>
          {editing && (
            <button type="button" className="secondary" onClick={remove} disabled={busy}>
              Slet grupperingen
            </button>
          )}
        </div>
        <div aria-live="polite">{message && <p role="status">{message}</p>}</div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}
