import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import type { EffectRowDto, EffectsResponse, EffectView } from "../../../src/api/contract/effects.ts";
import { BENEFITS, CATEGORIES } from "../../../src/domain/codes.ts";
import { MIN_MATCHED } from "../../../src/domain/effect.ts";
import { formatDecimal, formatNumber } from "../../../src/domain/format.ts";
import { apiGet, apiSend } from "../api.ts";
import { Chart, type ChartOption } from "../components/Chart.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { EffectDefinitionEditor } from "../components/EffectDefinitionEditor.tsx";

const dec = (v: number | null, d = 1) => (v === null ? "–" : formatDecimal(v, d));
const interval = (lo: number | null, hi: number | null) =>
  lo === null || hi === null ? "–" : `${formatDecimal(lo, 1)} til ${formatDecimal(hi, 1)}`;
const horizonText = (h: number) => (h < 0 ? `${h} mdr. (før)` : `${h} mdr.`);

const COVARIATES: Record<string, { label: string; value: (v: string) => string }> = {
  ydelse: {
    label: "Ydelse og kategori",
    value: (v) => {
      const [b = "", c = ""] = v.split("/");
      const name = (list: readonly { code: string; label: string }[], code: string) =>
        list.find((x) => x.code === code)?.label ?? code;
      return c ? `${name(BENEFITS, b)} – ${name(CATEGORIES, c).toLowerCase()}` : name(BENEFITS, b);
    },
  },
  varighed: {
    label: "Varighed på ydelse",
    value: (v) =>
      ["under 91 dage", "91–181 dage", "182–364 dage", "365–729 dage", "730 dage og derover"][Number(v)] ??
      "ukendt",
  },
  alder: {
    label: "Alder",
    value: (v) =>
      ["under 25 år", "25–29 år", "30–39 år", "40–49 år", "50–59 år", "60 år og derover"][Number(v)] ??
      "ukendt",
  },
  koen: { label: "Køn", value: (v) => (v === "M" ? "Mand" : v === "K" ? "Kvinde" : "ukendt") },
  forsorg: {
    label: "Forsørgelse det seneste år",
    value: (v) => ["ingen dage", "1–182 dage", "183 dage og derover"][Number(v)] ?? "ukendt",
  },
};

const horizonColumns: Column<EffectRowDto>[] = [
  { key: "h", header: "Horisont", rowHeader: true, text: (r) => horizonText(r.horizon) },
  { key: "t", header: "Henviste", numeric: true, text: (r) => formatNumber(r.treated) },
  { key: "m", header: "Matchede", numeric: true, text: (r) => formatNumber(r.matched) },
  { key: "u", header: "Umatchede", numeric: true, text: (r) => formatNumber(r.unmatched) },
  { key: "c", header: "Kontroller", numeric: true, text: (r) => formatNumber(r.controls) },
  { key: "st", header: "Andel på ydelse, henviste (pct.)", numeric: true, text: (r) => dec(r.share_treated) },
  {
    key: "sc",
    header: "Andel på ydelse, sammenligning (pct.)",
    numeric: true,
    text: (r) => dec(r.share_control),
  },
  { key: "sd", header: "Forskel (pct.-point)", numeric: true, text: (r) => dec(r.share_difference) },
  {
    key: "si",
    header: "95 %-interval (pct.-point)",
    numeric: true,
    text: (r) => interval(r.share_ci_low, r.share_ci_high),
  },
  { key: "dt", header: "Dage på ydelse, henviste", numeric: true, text: (r) => dec(r.days_treated) },
  { key: "dc", header: "Dage på ydelse, sammenligning", numeric: true, text: (r) => dec(r.days_control) },
  { key: "dd", header: "Forskel (dage)", numeric: true, text: (r) => dec(r.days_difference) },
  {
    key: "di",
    header: "95 %-interval (dage)",
    numeric: true,
    text: (r) => interval(r.days_ci_low, r.days_ci_high),
  },
  {
    key: "n",
    header: "Bemærkning",
    text: (r) =>
      r.matched === 0
        ? "ingen matchede"
        : r.matched < MIN_MATCHED
          ? "for usikkert"
          : r.horizon < 0
            ? "tjek før henvisning"
            : "",
  },
];

interface BalanceRowView {
  key: string;
  covariate: string;
  value: string;
  treated: number;
  control: number;
}

const balanceColumns: Column<BalanceRowView>[] = [
  { key: "c", header: "Kendetegn", rowHeader: true, text: (r) => r.covariate },
  { key: "v", header: "Gruppe", text: (r) => r.value },
  { key: "t", header: "Henviste (pct.)", numeric: true, text: (r) => formatDecimal(r.treated, 1) },
  {
    key: "w",
    header: "Vægtet sammenligning (pct.)",
    numeric: true,
    text: (r) => formatDecimal(r.control, 1),
  },
  {
    key: "d",
    header: "Forskel (pct.-point)",
    numeric: true,
    text: (r) => formatDecimal(r.treated - r.control, 1),
  },
];

function CurveChart({ effect }: { effect: EffectView }) {
  const curve = effect.result?.details.curve ?? [];
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 48, right: 16, top: 32, bottom: 40 },
      legend: { top: 0 },
      tooltip: { trigger: "axis" },
      xAxis: {
        type: "category",
        name: "måneder fra henvisning",
        nameLocation: "middle",
        nameGap: 26,
        data: curve.map((p) => String(p.month)),
      },
      yAxis: { type: "value", min: 0, max: 100, name: "pct. på ydelse" },
      series: [
        {
          name: "Henviste",
          type: "line",
          data: curve.map((p) => (p.share_treated === null ? null : Math.round(p.share_treated * 10) / 10)),
          markLine: { symbol: "none", data: [{ xAxis: "0" }], label: { formatter: "henvisning" } },
        },
        {
          name: "Vægtet sammenligningsgruppe",
          type: "line",
          lineStyle: { type: "dashed" },
          data: curve.map((p) => (p.share_control === null ? null : Math.round(p.share_control * 10) / 10)),
        },
      ],
    }),
    [curve],
  );
  const at = (m: number) => curve.find((p) => p.month === m);
  const label = `Andel på ydelse måned for måned fra 12 måneder før til 24 måneder efter henvisningen, henviste mod vægtet sammenligningsgruppe. ${[
    6, 12,
  ]
    .map((m) => {
      const p = at(m);
      return p && p.share_treated !== null && p.share_control !== null
        ? `Efter ${m} måneder: henviste ${formatDecimal(p.share_treated, 1)} pct., sammenligning ${formatDecimal(p.share_control, 1)} pct.`
        : "";
    })
    .filter(Boolean)
    .join(". ")}`;
  return (
    <figure className="effect-chart" data-testid="effect-chart" data-months={curve.length}>
      <Chart option={option} label={label} height={300} />
      <figcaption className="muted small">
        Måned 0 er henvisningsmåneden. Senere måneder tæller kun henviste, hvis måned ligger før
        udtræksdatoen.
      </figcaption>
    </figure>
  );
}

function EffectSection({ effect, onEdit }: { effect: EffectView; onEdit: () => void }) {
  const r = effect.result;
  const headline = r?.estimates.find((e) => e.horizon === effect.headlineHorizon);
  const uncertain = headline !== undefined && headline.matched < MIN_MATCHED;
  const balance: BalanceRowView[] = (r?.details.balance ?? []).map((b) => ({
    key: `${b.covariate}:${b.value}`,
    covariate: COVARIATES[b.covariate]?.label ?? b.covariate,
    value: COVARIATES[b.covariate]?.value(b.value) ?? b.value,
    treated: b.treated,
    control: b.control,
  }));
  const m = r?.details.matching;
  return (
    <section
      className="effect"
      aria-labelledby={`effect-${effect.definition.id}`}
      data-effect={effect.definition.code}
    >
      <h2 id={`effect-${effect.definition.id}`}>{effect.definition.name}</h2>
      <p className="effect-sentence" data-testid="effect-sentence">
        {effect.sentence}
      </p>
      {uncertain && (
        <p className="warning" role="note">
          Færre end {MIN_MATCHED} matchede henviste: for usikkert at konkludere på.
        </p>
      )}
      {r && (
        <p className="muted small">
          Snapshot {r.snapshotId ?? "(ukendt)"} · definition version {r.definitionVersion}
          {r.outdated ? ` (definitionen er ændret siden: version ${effect.definition.version})` : ""} ·
          beregnet {new Date(r.computedAt).toLocaleString("da-DK")}
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="secondary" onClick={onEdit}>
          Ret definitionen
        </button>
      </div>
      {r && (
        <>
          <h3>Matchning</h3>
          <p data-testid="matching-rate">{effect.matchingText}</p>
          {m && (
            <p className="muted small">
              Matchet på alle kendetegn: {formatNumber(m.level0)}; uden køn og forsørgelse:{" "}
              {formatNumber(m.level1)}; kun ydelse, kategori og varighed: {formatNumber(m.level2)}.
              Sammenligningsgruppen: {formatNumber(m.weightedControls)} af {formatNumber(m.controlUnits)}{" "}
              borgermåneder uden henvisning.
            </p>
          )}
          <DataTable
            caption="Effekt pr. horisont"
            columns={horizonColumns}
            rows={r.estimates}
            rowKey={(row) => String(row.horizon)}
          />
          <h3>Andel på ydelse omkring henvisningen</h3>
          <CurveChart effect={effect} />
          <h3>Før henvisningen</h3>
          <p
            className={effect.check.passed ? "ok" : "warning"}
            data-testid="before-check"
            data-passed={effect.check.passed}
          >
            {effect.check.text}
          </p>
          <h3>Balance</h3>
          <p className="muted small">
            Hvordan de matchede henviste og den vægtede sammenligningsgruppe fordeler sig på de kendetegn, der
            matches på.
          </p>
          <DataTable
            caption="Balance: henviste mod vægtet sammenligningsgruppe"
            columns={balanceColumns}
            rows={balance}
            rowKey={(b) => b.key}
          />
          <h3>Forbehold</h3>
          <ul className="caveats">
            {effect.caveats.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Effekt: did the project work? The effect against a matched comparison group (DESIGN 9.1). */
export default function EffectPage() {
  const { id } = useParams();
  const projectId = Number(id);
  const [data, setData] = useState<EffectsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<"new" | number | null>(null);
  const [computing, setComputing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(() => {
    apiGet<EffectsResponse>(`/projects/${projectId}/effects`)
      .then((d) => {
        setData(d);
        document.title = `Effekt – ${d.project.name} – Effektspor`;
      })
      .catch((e: Error) => setError(e.message));
  }, [projectId]);
  useEffect(load, [load]);

  const compute = async () => {
    setComputing(true);
    setMessage(null);
    try {
      const r = await apiSend<{ snapshotId: string; effects: number }>(
        "POST",
        `/projects/${projectId}/effects/compute`,
      );
      setMessage(
        `Beregnet ${formatNumber(r.effects)} effekt${r.effects === 1 ? "" : "er"} på snapshot ${r.snapshotId}.`,
      );
      load();
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setComputing(false);
    }
  };

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!data) return <p aria-live="polite">Henter effekten …</p>;
  const editingEffect =
    typeof editing === "number" ? data.effects.find((e) => e.definition.id === editing) : undefined;
  return (
    <article>
      <p className="muted small">
        <Link to="/">Overblik</Link> › <Link to={`/projekter/${data.project.id}`}>{data.project.name}</Link> ›
        Effekt
      </p>
      <h1>Effekt: {data.project.name}</h1>
      <p className="muted">
        Havde de henviste borgere færre dage på ydelse end sammenlignelige borgere, der ikke var henvist? Hver
        henvist sammenlignes med borgere, der samme måned havde samme ydelse, kategori, varighed, alder, køn
        og tidligere forsørgelse.
      </p>
      <div className="toolbar">
        <button type="button" onClick={compute} disabled={computing}>
          {computing ? "Beregner …" : "Beregn effekten nu"}
        </button>
        <button type="button" className="secondary" onClick={() => setEditing("new")}>
          Ny effektdefinition
        </button>
        <Link className="button-link secondary" to={`/oekonomi?projekt=${data.project.id}`}>
          Økonomi: målt effekt i kroner
        </Link>
      </div>
      {message && <p aria-live="polite">{message}</p>}
      {editing !== null && (
        <EffectDefinitionEditor
          key={String(editing)}
          projectId={data.project.id}
          projectCode={data.project.code}
          existing={
            editingEffect
              ? { id: editingEffect.definition.id, definition: editingEffect.definition.definition }
              : undefined
          }
          onSaved={() => {
            setEditing(null);
            load();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {data.effects.length === 0 && (
        <p>
          Projektet har ingen effektdefinitioner endnu. Opret en for at måle effekten mod en
          sammenligningsgruppe.
        </p>
      )}
      {data.effects.map((e) => (
        <EffectSection key={e.definition.id} effect={e} onEdit={() => setEditing(e.definition.id)} />
      ))}
    </article>
  );
}
