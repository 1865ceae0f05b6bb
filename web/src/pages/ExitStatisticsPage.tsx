import { type FormEvent, useEffect, useMemo, useState } from "react";
import type { ExitStatisticsReport, OutcomeGroupSetDto } from "../../../src/api/contract/engine.ts";
import { BENEFITS } from "../../../src/domain/codes.ts";
import { formatDate, formatDecimal, formatNumber } from "../../../src/domain/format.ts";
import { apiGet } from "../api.ts";
import { Chart, type ChartOption } from "../components/Chart.tsx";
import { DataTable } from "../components/DataTable.tsx";

type GroupSet = OutcomeGroupSetDto;

type Row = ExitStatisticsReport["rows"][number];
type Group = ExitStatisticsReport["groups"][number];

const pct = (p: number | null) => (p === null ? "" : formatDecimal(p, 1));

function thisYear(): number {
  return new Date().getFullYear();
}

/**
 * Afgangsstatistik (seed 003): ended forløb of the chosen benefits by exit reason, counts and
 * percentages (one decimal) per year side by side, outcome groups from a configurable mapping,
 * a chart of the groups, and an XLSX export.
 */
export default function ExitStatisticsPage() {
  const [benefits, setBenefits] = useState<string[]>(["kontanthjaelp"]);
  const [from, setFrom] = useState(`${thisYear() - 2}-01`);
  const [to, setTo] = useState(`${thisYear()}-12`);
  const [groupSet, setGroupSet] = useState("");
  const [groupSets, setGroupSets] = useState<GroupSet[]>([]);
  const [report, setReport] = useState<ExitStatisticsReport | null>(null);
  const [error, setError] = useState("");
  const [loading, setLoading] = useState(false);

  const query = useMemo(() => {
    const q = new URLSearchParams({ benefits: benefits.join(","), from, to });
    if (groupSet) q.set("groupSet", groupSet);
    return q.toString();
  }, [benefits, from, to, groupSet]);

  const load = async (queryString = query) => {
    setError("");
    if (benefits.length === 0) {
      setError("Vælg mindst én ydelse");
      return;
    }
    setLoading(true);
    try {
      setReport(await apiGet<ExitStatisticsReport>(`/exit-statistics?${queryString}`));
    } catch (e) {
      setReport(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once on arrival; later on "Vis"
  useEffect(() => {
    document.title = "Afgangsstatistik – Effektspor";
    // the first report already uses the preselected outcome grouping, so the groups show on arrival
    apiGet<{ groupSets: GroupSet[] }>("/outcome-group-sets")
      .then((r) => {
        setGroupSets(r.groupSets);
        const first = groupSet || r.groupSets[0]?.name || "";
        if (first) setGroupSet(first);
        const q = new URLSearchParams(query);
        if (first) q.set("groupSet", first);
        return load(q.toString());
      })
      .catch(() => {
        setGroupSets([]);
        return load();
      });
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    load();
  };

  const columns = report?.columns ?? [];
  const chart: ChartOption | null = useMemo(() => {
    if (!report || report.groups.length === 0) return null;
    return {
      tooltip: { trigger: "axis", valueFormatter: (v) => `${formatDecimal(Number(v), 1)} pct.` },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 64 },
      xAxis: { type: "category", data: report.columns },
      yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value} %" } },
      series: report.groups.map((g) => ({
        name: g.name,
        type: "bar",
        stack: "grupper",
        data: g.byColumn.map((s) => (s.percent === null ? 0 : Number(s.percent.toFixed(1)))),
      })),
    };
  }, [report]);

  return (
    <section>
      <h1>Afgangsstatistik</h1>
      <p className="muted">
        Afsluttede forløb pr. afslutningsårsag og år. Et forløb er en kæde af ydelsesforløb på samme ydelse
        uden ophold; det tælles i det år, det slutter, med årsagen fra det sidst afsluttede ydelsesforløb.
      </p>
      <form onSubmit={submit} className="card">
        <fieldset>
          <legend>Ydelser</legend>
          {BENEFITS.map((b) => (
            <label key={b.code} className="check">
              <input
                type="checkbox"
                checked={benefits.includes(b.code)}
                onChange={(e) =>
                  setBenefits(e.target.checked ? [...benefits, b.code] : benefits.filter((x) => x !== b.code))
                }
              />{" "}
              {b.label}
            </label>
          ))}
        </fieldset>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="es-from">Afsluttet fra (måned)</label>
            <input
              id="es-from"
              type="month"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="es-to">Afsluttet til og med (måned)</label>
            <input id="es-to" type="month" value={to} onChange={(e) => setTo(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="es-groups">Gruppering i udfald</label>
            <select id="es-groups" value={groupSet} onChange={(e) => setGroupSet(e.target.value)}>
              <option value="">Ingen gruppering</option>
              {groupSets.map((g) => (
                <option key={g.id} value={g.name}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="toolbar">
          <button type="submit" disabled={loading}>
            {loading ? "Henter …" : "Vis"}
          </button>
          {report && (
            <a className="button-link secondary" href={`/api/exit-statistics.xlsx?${query}`} download>
              Hent som Excel
            </a>
          )}
        </div>
      </form>

      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      {report && (
        <>
          <p className="muted small">
            {formatNumber(report.total)} afsluttede forløb
            {report.snapshot
              ? ` · snapshot ${report.snapshot.id}${report.snapshot.extractionDate ? ` (udtræk ${formatDate(report.snapshot.extractionDate)})` : ""}`
              : ""}
            {report.periods.some((p) => !p.from.endsWith("-01") || !p.to.endsWith("-12"))
              ? ` · ${report.periods.map((p) => `${p.column}: ${p.from} – ${p.to}`).join(", ")}`
              : ""}
          </p>
          <DataTable<Row>
            caption="Afsluttede forløb pr. afslutningsårsag"
            rows={report.rows}
            rowKey={(r) => r.label}
            empty="Ingen afsluttede forløb i perioden"
            columns={[
              {
                key: "reason",
                header: "Afslutningsårsag",
                rowHeader: true,
                text: (r) => report.labels[r.label] ?? r.label,
              },
              ...columns.flatMap((c, j) => [
                {
                  key: `n${j}`,
                  header: `Antal ${c}`,
                  numeric: true,
                  text: (r: Row) => (r.counts[j] === null ? "" : formatNumber(r.counts[j] ?? 0)),
                },
                {
                  key: `p${j}`,
                  header: `Pct. ${c}`,
                  numeric: true,
                  text: (r: Row) => pct(r.byColumn[j]?.percentRounded ?? null),
                },
              ]),
            ]}
          />
          <p className="small">
            <strong>I alt:</strong>{" "}
            {columns.map((c, j) => `${c}: ${formatNumber(report.columnTotals[j] ?? 0)}`).join(" · ")}
          </p>
          {report.totalMismatches.map((m) => (
            <p key={m.column} className="error">
              {m.message}
            </p>
          ))}

          {report.groups.length > 0 && (
            <>
              <h2>Udfaldsgrupper{report.groupSet ? `: ${report.groupSet}` : ""}</h2>
              <DataTable<Group>
                caption="Afsluttede forløb pr. udfaldsgruppe"
                rows={report.groups}
                rowKey={(g) => g.name}
                columns={[
                  { key: "group", header: "Gruppe", rowHeader: true, text: (g) => g.name },
                  ...columns.flatMap((c, j) => [
                    {
                      key: `n${j}`,
                      header: `Antal ${c}`,
                      numeric: true,
                      text: (g: Group) => formatNumber(g.byColumn[j]?.count ?? 0),
                    },
                    {
                      key: `p${j}`,
                      header: `Pct. ${c}`,
                      numeric: true,
                      text: (g: Group) => pct(g.byColumn[j]?.percentRounded ?? null),
                    },
                    {
                      key: `s${j}`,
                      header: `Sum af afrundede ${c}`,
                      numeric: true,
                      text: (g: Group) => pct(g.byColumn[j]?.percentSumOfRounded ?? null),
                    },
                  ]),
                ]}
              />
              <p className="muted small">{report.note}</p>
              {report.ungrouped.length > 0 && (
                <p className="muted small">
                  Uden for grupperne: {report.ungrouped.map((r) => report.labels[r] ?? r).join(", ")}.
                </p>
              )}
              {chart && (
                <figure className="chart-card">
                  <Chart
                    option={chart}
                    label={`Udfaldsgrupper i procent pr. år: ${report.groups
                      .map(
                        (g) =>
                          `${g.name} ${g.byColumn.map((s, j) => `${columns[j]} ${pct(s.percentRounded)} pct.`).join(", ")}`,
                      )
                      .join("; ")}`}
                  />
                  <figcaption>Udfaldsgruppernes andel af de afsluttede forløb pr. år (pct.)</figcaption>
                </figure>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
