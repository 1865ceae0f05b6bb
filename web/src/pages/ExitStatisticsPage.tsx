import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import type { ExitStatisticsReport } from "../../../src/api/contract/engine.ts";
import { BENEFITS } from "../../../src/domain/codes.ts";
import { formatDate, formatDecimal, formatNumber } from "../../../src/domain/format.ts";
import { apiGet } from "../api.ts";
import { Chart, type ChartOption } from "../components/Chart.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { CheckboxGroup } from "../components/forms.tsx";
import { type GroupSetDto, GroupSetEditor } from "../components/GroupSetEditor.tsx";

type GroupSet = GroupSetDto;

type Row = ExitStatisticsReport["rows"][number];
type Group = ExitStatisticsReport["groups"][number];

const pct = (p: number | null) => (p === null ? "" : formatDecimal(p, 1));

function thisYear(): number {
  return new Date().getFullYear();
}

/**
 * Afgangsstatistik (seed 003): ended forløb of the chosen benefits by exit reason, counts and
 * percentages (one decimal) per year side by side, outcome groups from a configurable mapping,
 * a chart of the groups, and an XLSX export. The groupings are edited here too.
 *
 * Only the answer to the latest request is shown: an older report arriving late is ignored (and
 * its request aborted), and the grouping preselected on arrival never overrides one the user has
 * chosen meanwhile.
 */
export default function ExitStatisticsPage() {
  const [benefits, setBenefits] = useState<string[]>(["kontanthjaelp"]);
  const [from, setFrom] = useState(`${thisYear() - 2}-01`);
  const [to, setTo] = useState(`${thisYear()}-12`);
  const [groupSet, setGroupSet] = useState("");
  const [groupSets, setGroupSets] = useState<GroupSet[]>([]);
  const [report, setReport] = useState<ExitStatisticsReport | null>(null);
  /** the query of the report shown (the Excel link exports exactly that) */
  const [shownQuery, setShownQuery] = useState("");
  const [error, setError] = useState("");
  const [loading, setLoading] = useState(false);
  /** the latest request: only its answer is shown (a late, older answer is ignored and aborted) */
  const latestRequest = useRef<{ seq: number; abort: AbortController } | null>(null);
  const seq = useRef(0);
  /** the user has asked for a report or chosen a grouping: the arrival defaults no longer apply */
  const userActed = useRef(false);

  const query = useMemo(() => {
    const q = new URLSearchParams({ benefits: benefits.join(","), from, to });
    if (groupSet) q.set("groupSet", groupSet);
    return q.toString();
  }, [benefits, from, to, groupSet]);

  const load = async (queryString: string) => {
    setError("");
    if (new URLSearchParams(queryString).get("benefits") === "") {
      setError("Vælg mindst én ydelse");
      return;
    }
    latestRequest.current?.abort.abort();
    const mine = { seq: ++seq.current, abort: new AbortController() };
    latestRequest.current = mine;
    setLoading(true);
    try {
      const r = await apiGet<ExitStatisticsReport>(`/exit-statistics?${queryString}`, {
        signal: mine.abort.signal,
      });
      if (latestRequest.current !== mine) return;
      setReport(r);
      setShownQuery(queryString);
    } catch (e) {
      if (latestRequest.current !== mine) return;
      setReport(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (latestRequest.current === mine) setLoading(false);
    }
  };

  const loadGroupSets = async () => {
    const r = await apiGet<{ groupSets: GroupSet[] }>("/outcome-group-sets");
    setGroupSets(r.groupSets);
    return r.groupSets;
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once on arrival; later on "Vis"
  useEffect(() => {
    document.title = "Afgangsstatistik – Effektspor";
    const initial = query;
    // the first report already uses the preselected outcome grouping, so the groups show on arrival;
    // a user who has chosen or asked meanwhile keeps their choice
    loadGroupSets()
      .then((sets) => {
        if (userActed.current) return;
        const first = sets[0]?.name ?? "";
        if (first) setGroupSet(first);
        const q = new URLSearchParams(initial);
        if (first) q.set("groupSet", first);
        return load(q.toString());
      })
      .catch(() => {
        setGroupSets([]);
        if (!userActed.current) return load(initial);
      });
    return () => latestRequest.current?.abort.abort();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    userActed.current = true;
    load(query);
  };

  const onGroupSetsSaved = async (name: string) => {
    await loadGroupSets().catch(() => setGroupSets([]));
    userActed.current = true;
    const q = new URLSearchParams(query);
    if (name) q.set("groupSet", name);
    else q.delete("groupSet");
    setGroupSet(name);
    await load(q.toString());
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
        <CheckboxGroup legend="Ydelser" options={BENEFITS} value={benefits} onChange={setBenefits} />
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
            <select
              id="es-groups"
              value={groupSet}
              onChange={(e) => {
                userActed.current = true;
                setGroupSet(e.target.value);
              }}
            >
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
            <a className="button-link secondary" href={`/api/exit-statistics.xlsx?${shownQuery}`} download>
              Hent som Excel
            </a>
          )}
        </div>
      </form>

      <GroupSetEditor sets={groupSets} onSaved={onGroupSetsSaved} />

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
