import { type FormEvent, useCallback, useEffect, useMemo, useState } from "react";
import type {
  BenchmarkView,
  FetchResult,
  ImportResult,
  OwnVsJobindsats,
} from "../../../src/api/contract/jobindsats.ts";
import { formatNumber } from "../../../src/domain/format.ts";
import { COMPARISON_LABELS, type ComparisonKind } from "../../../src/domain/jobindsats.ts";
import { apiGet, apiSend } from "../api.ts";
import { Chart, type ChartOption } from "../components/Chart.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { OwnVsJobindsatsTable } from "../components/OwnVsJobindsatsTable.tsx";
import { Can, useCan } from "../session.tsx";

type Area = BenchmarkView["areas"][number];
interface Settings {
  municipality: string;
  comparison: ComparisonKind;
  chosen: string[];
}

const show = (v: number | null | undefined) =>
  v === null || v === undefined
    ? "–"
    : formatNumber(v, Math.abs(v) < 10 ? 2 : Math.abs(v) < 100 ? 1 : 0, true);

const seriesKey = (s: { tableId: string; measure: string; dimensionKey: string }) =>
  `${s.tableId}|${s.measure}|${s.dimensionKey}`;

/**
 * Benchmark med jobindsats.dk (issue 14): the municipality's line beside its comparison set (chart
 * and table, Danish periods), its rank in the newest period and the sentence that answers
 * "laveste i RAR Østjylland?"; fetching with the server's token or importing a downloaded table;
 * Effektspor's own full-time persons beside jobindsats'.
 */
export default function BenchmarkPage() {
  const [view, setView] = useState<BenchmarkView | null>(null);
  const [choice, setChoice] = useState("");
  const [settings, setSettings] = useState<Settings | null>(null);
  /** the chosen municipalities as typed (commas kept while typing) */
  const [chosenText, setChosenText] = useState("");
  const [tokenConfigured, setTokenConfigured] = useState(false);
  const [own, setOwn] = useState<OwnVsJobindsats | null>(null);
  const [error, setError] = useState("");
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const canAdmin = useCan("admin");

  const load = useCallback(async (key: string) => {
    setError("");
    try {
      const q = new URLSearchParams();
      if (key) {
        const [tableId, measure, dimensionKey] = key.split("|");
        q.set("tableId", tableId ?? "");
        q.set("measure", measure ?? "");
        q.set("dimensionKey", dimensionKey ?? "");
      }
      const r = await apiGet<{ benchmark: BenchmarkView }>(`/jobindsats/benchmark?${q}`);
      setView(r.benchmark);
      if (r.benchmark.series) setChoice(seriesKey(r.benchmark.series));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  const loadOwn = useCallback(async () => {
    try {
      setOwn((await apiGet<{ comparison: OwnVsJobindsats }>("/jobindsats/own-vs-jobindsats")).comparison);
    } catch (e) {
      setOwn({
        municipality: "",
        snapshotId: null,
        threshold: 0,
        rows: [],
        benefits: [],
        note: e instanceof Error ? e.message : String(e),
      });
    }
  }, []);

  useEffect(() => {
    void load("");
    void loadOwn();
    apiGet<{ settings: Settings; tokenConfigured: boolean }>("/jobindsats/settings").then(
      (r) => {
        setSettings(r.settings);
        setChosenText(r.settings.chosen.join(", "));
        setTokenConfigured(r.tokenConfigured);
      },
      () => {},
    );
  }, [load, loadOwn]);

  const chart = useMemo<ChartOption | null>(() => {
    if (!view || view.periods.length === 0) return null;
    return {
      tooltip: { trigger: "axis", valueFormatter: (v) => show(typeof v === "number" ? v : null) },
      legend: { type: "scroll", bottom: 0 },
      grid: { left: 56, right: 16, top: 16, bottom: 64 },
      xAxis: { type: "category", data: view.periods.map((p) => p.label) },
      yAxis: { type: "value", scale: true, axisLabel: { formatter: (v: number) => show(v) } },
      series: view.areas.map((a) => ({
        name: a.area,
        type: "line" as const,
        data: a.values,
        connectNulls: false,
        symbol: a.role === "own" ? "circle" : "none",
        z: a.role === "own" ? 10 : 1,
        // the own municipality in one strong colour no other line has; references dark and dashed
        ...(a.role === "own"
          ? { color: "#b91c1c" }
          : a.role === "reference"
            ? { color: a.area === view.setName ? "#374151" : "#6b7280" }
            : {}),
        lineStyle:
          a.role === "own"
            ? { width: 4 }
            : a.role === "reference"
              ? { width: 2, type: "dashed" as const }
              : { width: 1, opacity: 0.55 },
      })),
    };
  }, [view]);

  const ranks = useMemo(() => new Map(view?.latest?.ranked.map((r) => [r.area, r.rank]) ?? []), [view]);
  // the newest periods fit beside the ranks without scrolling; the chart shows them all
  const shownPeriods = view ? view.periods.slice(-6) : [];
  const offset = view ? view.periods.length - shownPeriods.length : 0;

  async function saveSettings(e: FormEvent) {
    e.preventDefault();
    if (!settings) return;
    setError("");
    setMessage("");
    try {
      const chosen = chosenText
        .split(",")
        .map((c) => c.trim())
        .filter(Boolean);
      const r = await apiSend<{ settings: Settings }>("PUT", "/jobindsats/settings", { ...settings, chosen });
      setSettings(r.settings);
      setMessage("Sammenligningsgrundlaget er gemt.");
      await load(choice);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  async function fetchNow() {
    setBusy(true);
    setError("");
    setMessage("");
    try {
      const { result } = await apiSend<{ result: FetchResult }>("POST", "/jobindsats/fetch", {});
      const failed = result.tables.filter((t) => t.error);
      setMessage(`Hentet ${formatNumber(result.values)} værdier fra jobindsats.dk.`);
      if (failed.length > 0) setError(failed.map((t) => `${t.tableId.toUpperCase()}: ${t.error}`).join("\n"));
      await load(choice);
      await loadOwn();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  async function importFile(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const input = form.elements.namedItem("file") as HTMLInputElement | null;
    const file = input?.files?.[0];
    if (!file) {
      setError("Vælg en fil downloadet fra jobindsats.dk");
      return;
    }
    setBusy(true);
    setError("");
    setMessage("");
    try {
      const body = new FormData();
      body.set("file", file);
      const res = await fetch("/api/jobindsats/import", { method: "POST", body });
      const json = (await res.json()) as { result?: ImportResult; error?: { message: string } };
      if (!res.ok || !json.result) throw new Error(json.error?.message ?? `Serveren svarede ${res.status}`);
      setMessage(
        `${file.name}: ${formatNumber(json.result.values)} værdier fra ${json.result.tableId.toUpperCase()} ${json.result.tableName}.`,
      );
      form.reset();
      await load(choice);
      await loadOwn();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page benchmark-page">
      <h1>Benchmark med jobindsats.dk</h1>
      {view?.demo && (
        <p className="notice" data-testid="demo-label">
          <strong>Demodata:</strong> tallene er syntetiske og ikke hentet fra jobindsats.dk.
        </p>
      )}
      {error && (
        <p className="error" role="alert" style={{ whiteSpace: "pre-line" }}>
          {error}
        </p>
      )}
      {message && (
        <p className="success" role="status">
          {message}
        </p>
      )}

      {view && view.choices.length > 0 && (
        <div className="field">
          <label htmlFor="bm-series">Måling</label>
          <select
            id="bm-series"
            value={choice}
            onChange={(e) => {
              setChoice(e.target.value);
              void load(e.target.value);
            }}
          >
            {view.choices.map((c) => (
              <option key={seriesKey(c)} value={seriesKey(c)}>
                {c.tableId.toUpperCase()} {c.label}
                {c.dimensionKey ? ` (${c.dimensionKey.replaceAll("|", ", ")})` : ""}
              </option>
            ))}
          </select>
        </div>
      )}

      {view?.latest && (
        <p className="benchmark-sentence" data-testid="benchmark-sentence">
          <strong>{view.latest.sentence}</strong>
        </p>
      )}
      {view && view.choices.length === 0 && (
        <p className="muted">
          Der er ingen tal fra jobindsats.dk endnu. Hent dem med adgangsnøglen, eller importér en tabel
          downloadet fra jobindsats.dk.
        </p>
      )}

      {chart && view && (
        <figure className="chart-card">
          <Chart
            option={chart}
            height={340}
            label={`${view.series?.label ?? ""}: ${view.areas
              .filter((a) => a.role !== "set")
              .map((a) => `${a.area} ${show(a.values.at(-1))}`)
              .join(", ")} i ${view.periods.at(-1)?.label ?? ""}`}
          />
          <figcaption>
            {view.series?.label} – {view.settings.municipality} (tyk linje) ved siden af {view.setName}
            {view.areas.some((a) => a.role === "reference") ? "; stiplet: RAR-området og hele landet" : ""}
          </figcaption>
        </figure>
      )}

      {view && view.areas.length > 0 && (
        <DataTable<Area>
          caption={`${view.series?.label ?? ""} pr. område, de seneste ${shownPeriods.length} perioder`}
          rows={view.areas}
          rowKey={(a) => a.area}
          columns={[
            {
              key: "area",
              header: "Område",
              rowHeader: true,
              text: (a) => (a.role === "own" ? `${a.area} (egen kommune)` : a.area),
            },
            {
              key: "rank",
              header: `Placering ${view.latest?.label ?? ""}`,
              numeric: true,
              text: (a) => {
                const r = ranks.get(a.area);
                return r === undefined ? "" : `${r} af ${view.latest?.ranked.length ?? 0}`;
              },
            },
            ...shownPeriods.map((p, j) => ({
              key: p.code,
              header: p.label,
              numeric: true,
              text: (a: Area) => show(a.values[offset + j]),
            })),
          ]}
        />
      )}
      {view && view.sources.length > 0 && <p className="muted small">Kilde: {view.sources.join(", ")}.</p>}

      <h2>Egne tal mod jobindsats.dk</h2>
      <p className="muted small">
        Effektspors egne fuldtidspersoner (hele snapshottet på ydelsen) ved siden af jobindsats.dk's for{" "}
        {own?.municipality || settings?.municipality || "kommunen"} i de samme måneder.
      </p>
      {own?.note && <p className="muted">{own.note}</p>}
      {own && own.rows.length > 0 && <OwnVsJobindsatsTable own={own} />}

      <Can action="import">
        <h2>Hent og importér</h2>
        <div className="toolbar">
          <button type="button" onClick={fetchNow} disabled={busy || !tokenConfigured}>
            {busy ? "Henter …" : "Hent fra jobindsats.dk"}
          </button>
          {!tokenConfigured && (
            <span className="muted small">
              Serveren har ingen adgangsnøgle (EFFEKTSPOR_JOBINDSATS_TOKEN).
            </span>
          )}
        </div>
        <form onSubmit={importFile} className="toolbar">
          <label htmlFor="bm-file">Tabel downloadet fra jobindsats.dk (.csv eller .xlsx)</label>
          <input id="bm-file" name="file" type="file" accept=".csv,.xlsx" />
          <button type="submit" disabled={busy}>
            Importér
          </button>
        </form>
      </Can>

      {settings && !canAdmin && (
        <>
          <h2>Sammenligningsgrundlag</h2>
          <p>
            {settings.municipality} sammenlignes med {view?.setName ?? settings.comparison}
            {settings.comparison === "chosen" && settings.chosen.length > 0
              ? ` (${settings.chosen.join(", ")})`
              : ""}
            . En administrator kan ændre det.
          </p>
        </>
      )}
      {settings && canAdmin && (
        <form onSubmit={saveSettings}>
          <h2>Sammenligningsgrundlag</h2>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="bm-municipality">Kommune</label>
              <input
                id="bm-municipality"
                value={settings.municipality}
                onChange={(e) => setSettings({ ...settings, municipality: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="bm-comparison">Sammenlign med</label>
              <select
                id="bm-comparison"
                value={settings.comparison}
                onChange={(e) => setSettings({ ...settings, comparison: e.target.value as ComparisonKind })}
              >
                {(Object.keys(COMPARISON_LABELS) as ComparisonKind[]).map((k) => (
                  <option key={k} value={k}>
                    {k === "rar"
                      ? COMPARISON_LABELS[k]
                      : COMPARISON_LABELS[k][0]!.toUpperCase() + COMPARISON_LABELS[k].slice(1)}
                  </option>
                ))}
              </select>
            </div>
            {settings.comparison === "chosen" && (
              <div className="field">
                <label htmlFor="bm-chosen">Sammenlignelige kommuner (adskilt med komma)</label>
                <input id="bm-chosen" value={chosenText} onChange={(e) => setChosenText(e.target.value)} />
              </div>
            )}
          </div>
          <button type="submit">Gem sammenligningsgrundlag</button>
        </form>
      )}
    </section>
  );
}
