import { useEffect, useState } from "react";
import { Link } from "react-router";
import { MAALTAL_KIND_LABELS } from "../../../src/domain/economics/maaltal.ts";
import { formatNumber, monthLabel } from "../../../src/domain/format.ts";
import { apiGet } from "../api.ts";
import { ScrollRegion } from "../components/ScrollRegion.tsx";
import type { MaaltalReportDto } from "./economics/types.ts";

type Group = MaaltalReportDto["groups"][number];

const fte = (v: number) => formatNumber(v, 1, true);

function GroupTable({ g }: { g: Group }) {
  return (
    <div className="table-block">
      <ScrollRegion label={`Måltal: ${g.group}`}>
        <table>
          <caption>{g.group}</caption>
          <thead>
            <tr>
              <th scope="col">Linje</th>
              <th scope="col" className="num">
                Antal fuldtidspersoner
              </th>
              <th scope="col">Type</th>
              <th scope="col">Projekt</th>
            </tr>
          </thead>
          <tbody>
            {g.lines.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.label}</th>
                <td className="num">{fte(l.fte)}</td>
                <td>{MAALTAL_KIND_LABELS[l.kind]}</td>
                <td>{l.projectId ? <Link to={`/projekter/${l.projectId}`}>{l.projectName}</Link> : ""}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">I alt</th>
              <td className="num">
                <strong>{fte(g.total)}</strong>
              </td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </div>
  );
}

function FollowUpTable({ report }: { report: MaaltalReportDto }) {
  const months = report.months.filter((m) =>
    report.groups.some((g) => g.followUp.some((f) => f.month === m && f.measured !== null)),
  );
  if (!report.hasData) {
    return (
      <p>
        Ingen data: der er endnu ingen beregnede fuldtidspersoner (fte-indikatorer for hele ydelsen) at følge
        måltallene op imod.
      </p>
    );
  }
  return (
    <div className="table-block">
      <ScrollRegion label="Opfølgning på måltal pr. måned">
        <table>
          <caption>Målte fuldtidspersoner mod måltal pr. måned (forskel i parentes)</caption>
          <thead>
            <tr>
              <th scope="col">Ydelsesgruppe</th>
              <th scope="col" className="num">
                Måltal
              </th>
              {months.map((m) => (
                <th key={m} scope="col" className="num">
                  {monthLabel(m)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{g.group}</th>
                <td className="num">{fte(g.total)}</td>
                {months.map((m) => {
                  const f = g.followUp.find((x) => x.month === m);
                  return (
                    <td key={m} className="num">
                      {f?.measured == null
                        ? "Ingen data"
                        : `${fte(f.measured)} (${f.difference! > 0 ? "+" : ""}${fte(f.difference!)})`}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

/** Måltal: the FTE target table per benefit group with each adjustment, totals and monthly follow-up. */
export default function MaaltalPage() {
  const [periods, setPeriods] = useState<string[]>([]);
  const [period, setPeriod] = useState<string | undefined>();
  const [report, setReport] = useState<MaaltalReportDto | null>(null);
  const [error, setError] = useState("");

  useEffect(() => {
    document.title = "Måltal – Effektspor";
  }, []);
  useEffect(() => {
    apiGet<{ periods: string[]; report: MaaltalReportDto | null }>(
      `/economics/maaltal${period ? `?period=${period}` : ""}`,
    )
      .then((r) => {
        setPeriods(r.periods);
        setReport(r.report);
      })
      .catch((e) => setError(e instanceof Error ? e.message : String(e)));
  }, [period]);

  return (
    <section>
      <h1>Måltal</h1>
      <p className="muted">
        Budgetterede fuldtidspersoner pr. ydelsesgruppe med investeringsprojekternes og budgetforligets
        justeringer.
      </p>
      <div className="toolbar">
        {periods.length > 1 && (
          <label>
            Budgetperiode{" "}
            <select value={report?.budgetPeriod ?? ""} onChange={(e) => setPeriod(e.target.value)}>
              {periods.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
        )}
        {report && (
          <a
            className="button-link secondary"
            href={`/api/economics/maaltal.xlsx?period=${report.budgetPeriod}`}
            download
          >
            Hent som Excel (XLSX)
          </a>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!report && !error && <p>Ingen måltalstabel endnu.</p>}
      {report && (
        <>
          <h2>Måltal. Investeringsprojekter i Udvalget for Beskæftigelse – {report.budgetPeriod}</h2>
          {report.groups.map((g) => (
            <GroupTable key={g.group} g={g} />
          ))}
          <p>
            Måltal i alt: <strong>{fte(report.grandTotal)}</strong> fuldtidspersoner.
          </p>
          <h2>Månedlig opfølgning</h2>
          <FollowUpTable report={report} />
        </>
      )}
    </section>
  );
}
