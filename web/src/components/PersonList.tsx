import { useEffect, useState } from "react";
import type { z } from "zod";
import type { responses } from "../../../src/api/contract/engine.ts";
import { codeLabel } from "../../../src/domain/codes.ts";
import { countText, formatNumber, monthLabelLong } from "../../../src/domain/format.ts";
import { ApiRequestError, apiGet } from "../api.ts";
import { DataTable } from "./DataTable.tsx";

type PersonsResponse = z.infer<typeof responses.persons>;
type PersonRow = PersonsResponse["persons"][number];

const labels = (list: "benefit" | "category" | "activity", text: string | null) =>
  text
    ? text
        .split(", ")
        .map((c) => codeLabel(list, c))
        .join(", ")
    : "";

/**
 * Borgeroverblik: the persons behind a number (pseudonymous key, age, benefit, category, duration,
 * current activity). Only for users with person-level permission when the installation has person
 * lists switched on; the server refuses otherwise (the Danish reason is shown) and logs every view.
 */
export function PersonList({ indicatorId, period }: { indicatorId: number; period: string }) {
  const [state, setState] = useState<
    { kind: "loading" } | { kind: "refused" | "error"; message: string } | { kind: "ok"; r: PersonsResponse }
  >({ kind: "loading" });

  useEffect(() => {
    setState({ kind: "loading" });
    apiGet<PersonsResponse>(`/indicators/${indicatorId}/values/${period}/persons`)
      .then((r) => setState({ kind: "ok", r }))
      .catch((e) => {
        const message = e instanceof Error ? e.message : String(e);
        setState({ kind: e instanceof ApiRequestError && e.status === 403 ? "refused" : "error", message });
      });
  }, [indicatorId, period]);

  if (state.kind === "loading") return <p>Henter personlisten …</p>;
  if (state.kind === "refused") return <p className="muted">{state.message}</p>;
  if (state.kind !== "ok") {
    return (
      <p className="error" role="alert">
        {state.message}
      </p>
    );
  }
  const { r } = state;
  return (
    <section aria-labelledby="personlist-title">
      <h3 id="personlist-title">Borgeroverblik</h3>
      <p className="muted small">
        {countText(r.count, "person", "personer")} den 1. {monthLabelLong(r.period)} (snapshot {r.snapshotId}
        ). Personerne vises med pseudonym nøgle; visningen er skrevet i revisionsloggen.
      </p>
      <DataTable<PersonRow>
        caption={`Personer bag ${r.indicator.name}, ${monthLabelLong(r.period)}`}
        hideCaption
        rows={r.persons}
        rowKey={(p) => p.personKey}
        columns={[
          {
            key: "key",
            header: "Personnøgle",
            rowHeader: true,
            text: (p) => p.personKey,
            render: (p) => <code title={p.personKey}>{p.personKey.slice(0, 12)}…</code>,
          },
          { key: "age", header: "Alder", numeric: true, text: (p) => (p.age === null ? "" : String(p.age)) },
          { key: "benefit", header: "Ydelse", text: (p) => labels("benefit", p.benefit) },
          { key: "category", header: "Kategori", text: (p) => labels("category", p.category) },
          {
            key: "duration",
            header: "Varighed (dage)",
            numeric: true,
            text: (p) => formatNumber(p.durationDays),
          },
          {
            key: "activity",
            header: "Aktuelt tilbud",
            text: (p) => labels("activity", p.activity) || "Intet tilbud",
          },
        ]}
        empty="Ingen personer i målgruppen denne måned"
      />
    </section>
  );
}
