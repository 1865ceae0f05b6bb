import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router";
import { benefitName } from "../../../../src/domain/economics/prices.ts";
import { formatKroner, formatNumber, formatPercent, monthLabel } from "../../../../src/domain/format.ts";
import { apiGet } from "../../api.ts";
import { Chart, type ChartOption } from "../../components/Chart.tsx";
import { DataTable } from "../../components/DataTable.tsx";
import { BusinessCaseEditor } from "./BusinessCaseEditor.tsx";
import type { BusinessCaseDto, ProjectEconomicsDto, ProjectSummaryDto } from "./types.ts";

const kr = (v: number | null | undefined) => (v === null || v === undefined ? "–" : formatKroner(v));
const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? "–" : formatPercent(v, 1, true);
const payback = (p: { index: number; month: string } | null | undefined) =>
  p ? `${monthLabel(p.month)} (måned ${p.index})` : "Ikke inden for perioden";

type YearRow = NonNullable<BusinessCaseDto["result"]>["years"][number];
type SensRow = NonNullable<BusinessCaseDto["result"]>["sensitivity"][number];
type EffectRow = NonNullable<BusinessCaseDto["result"]>["effects"][number];
type RealMonth = ProjectEconomicsDto["realized"]["months"][number];

function BusinessCaseView({ bc }: { bc: BusinessCaseDto }) {
  if (!bc.result || !bc.model) {
    return (
      <p className="error" role="alert">
        {bc.name}: {bc.error ?? "business casen kan ikke beregnes"}
      </p>
    );
  }
  const r = bc.result;
  return (
    <section aria-labelledby={`bc-${bc.id}`}>
      <h3 id={`bc-${bc.id}`}>Business case: {bc.name}</h3>
      <p>
        Forventet nettoresultat <strong>{kr(r.totals.net)}</strong> af en investering på{" "}
        {kr(r.totals.investment)} (besparelse {kr(r.totals.savings)}); afkast af investeringen {pct(r.roiPct)}
        ; tilbagebetalt {payback(r.payback)}; potentiale ved fuld effekt {kr(bc.potentialTotal)} om året.
      </p>
      <DataTable<YearRow>
        caption={`Investering og besparelse pr. år – ${bc.name}`}
        rows={r.years}
        rowKey={(y) => String(y.year)}
        columns={[
          {
            key: "y",
            header: "År",
            rowHeader: true,
            text: (y) => `År ${y.year} (${monthLabel(y.fromMonth)} – ${monthLabel(y.toMonth)})`,
          },
          { key: "i", header: "Investering", numeric: true, text: (y) => kr(y.investment) },
          {
            key: "f",
            header: "Sparede fuldtidspersoner",
            numeric: true,
            text: (y) => formatNumber(y.fte, 1, true),
          },
          { key: "s", header: "Besparelse", numeric: true, text: (y) => kr(y.savings) },
          { key: "n", header: "Nettoresultat", numeric: true, text: (y) => kr(y.net) },
          { key: "c", header: "Akkumuleret", numeric: true, text: (y) => kr(y.cumulative) },
        ]}
      />
      <DataTable<EffectRow>
        caption={`Forventede effekter – ${bc.name}`}
        rows={r.effects}
        rowKey={(e) => `${e.benefit}-${e.label}`}
        columns={[
          { key: "l", header: "Effekt", rowHeader: true, text: (e) => e.label },
          { key: "b", header: "Ydelse", text: (e) => benefitName(e.benefit) },
          {
            key: "p",
            header: "Nettopris pr. fuldtidsperson",
            numeric: true,
            text: (e) => kr(e.netPerFteYear),
          },
          ...r.years.map((y, i) => ({
            key: `f${i}`,
            header: `Fuldtidspersoner år ${y.year}`,
            numeric: true,
            text: (e: EffectRow) => formatNumber(e.ftePerYear[i] ?? 0, 1, true),
          })),
        ]}
      />
      <DataTable<SensRow>
        caption={`Følsomhed for effektens størrelse – ${bc.name}`}
        rows={r.sensitivity}
        rowKey={(s) => String(s.factorPct)}
        columns={[
          { key: "f", header: "Effekt", rowHeader: true, text: (s) => `${s.factorPct} pct.` },
          { key: "s", header: "Besparelse", numeric: true, text: (s) => kr(s.savings) },
          { key: "n", header: "Nettoresultat", numeric: true, text: (s) => kr(s.net) },
          { key: "r", header: "Afkast", numeric: true, text: (s) => pct(s.roiPct) },
          { key: "p", header: "Tilbagebetalt", text: (s) => payback(s.payback) },
        ]}
      />
      {bc.model.notes.length > 0 && (
        <>
          <h4>Antagelser</h4>
          <ul>
            {bc.model.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ProjectDetail({ projectId, onSaved }: { projectId: number; onSaved: () => void }) {
  const [e, setE] = useState<ProjectEconomicsDto | null>(null);
  const [error, setError] = useState("");
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    void version;
    apiGet<ProjectEconomicsDto>(`/economics/projects/${projectId}`)
      .then(setE)
      .catch((err) => setError(err instanceof Error ? err.message : String(err)));
  }, [projectId, version]);

  const option = useMemo<ChartOption | null>(() => {
    if (!e || e.gainChart.length === 0) return null;
    return {
      tooltip: {
        trigger: "axis",
        valueFormatter: (v) => (v === null || v === undefined ? "Ingen data" : formatKroner(Number(v))),
      },
      legend: { top: 0 },
      grid: { left: 90, right: 20, top: 40, bottom: 30 },
      xAxis: { type: "category", data: e.gainChart.map((m) => monthLabel(m.month)) },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => formatNumber(v) } },
      series: [
        {
          type: "line",
          name: "Forventet akkumuleret besparelse",
          showSymbol: false,
          data: e.gainChart.map((m) => m.expectedCumulativeSavings),
        },
        {
          type: "line",
          name: "Forventet akkumuleret nettoresultat",
          showSymbol: false,
          lineStyle: { type: "dashed" },
          data: e.gainChart.map((m) => m.expectedCumulativeNet),
        },
        {
          type: "line",
          name: "Realiseret akkumuleret gevinst",
          data: e.gainChart.map((m) => m.realizedCumulative),
        },
      ],
    };
  }, [e]);

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!e) return <p>Indlæser …</p>;
  const realizedTotal = e.realized.hasData ? formatKroner(e.realized.total) : "Ingen data";
  return (
    <section aria-labelledby="projekt-oekonomi" className="card">
      <h2 id="projekt-oekonomi">{e.project.name}</h2>
      {e.businessCases.length === 0 && <p>Projektet har ingen business case.</p>}
      {e.businessCases.map((bc) => (
        <BusinessCaseView key={bc.id} bc={bc} />
      ))}
      <button
        type="button"
        className="secondary"
        aria-expanded={editing}
        onClick={() => setEditing(!editing)}
      >
        {e.businessCases.length ? "Ret business casen" : "Opret business case"}
      </button>
      {editing && (
        <BusinessCaseEditor
          key={`${e.businessCases[0]?.id ?? "ny"}-${e.businessCases[0]?.updatedAt ?? ""}`}
          projectId={e.project.id}
          existing={e.businessCases[0]}
          onSaved={() => {
            setVersion((v) => v + 1);
            onSaved();
          }}
        />
      )}
      <h3>Forventet og realiseret gevinst</h3>
      <p>
        Realiseret gevinst indtil nu: <strong>{realizedTotal}</strong>
        {e.realized.hasData ? " (målte fuldtidspersoner mod startmålingen × nettopris)." : "."}
      </p>
      <MeasuredEffect e={e} />
      {option && (
        <figure className="chart-card">
          <Chart
            option={option}
            label={`Forventet og realiseret akkumuleret gevinst for ${e.project.name}; realiseret i alt ${realizedTotal}`}
            height={320}
          />
          <figcaption>
            Forventet akkumuleret besparelse og nettoresultat mod realiseret akkumuleret gevinst, kr.
          </figcaption>
        </figure>
      )}
      {e.realized.indicators.length === 0 && (
        <p>
          Ingen data: projektet har ingen beregnede fuldtidspersoner (fte-indikator), så den realiserede
          gevinst kan ikke opgøres endnu.
        </p>
      )}
      {e.realized.indicators.map((ind) =>
        ind.series ? (
          <DataTable<NonNullable<typeof ind.series>["months"][number]>
            key={ind.indicatorId}
            caption={`Realiseret gevinst måned for måned – ${ind.name} (startmåling ${formatNumber(ind.baselineFte ?? 0, 1, true)} fuldtidspersoner${ind.baselineSource === "data" && ind.baselineMonth ? `, målt ${monthLabel(ind.baselineMonth)}` : ""})`}
            rows={ind.series.months}
            rowKey={(m) => m.month}
            columns={[
              { key: "m", header: "Måned", rowHeader: true, text: (m) => monthLabel(m.month) },
              {
                key: "f",
                header: "Målte fuldtidspersoner",
                numeric: true,
                text: (m) => (m.measuredFte === null ? "Ingen data" : formatNumber(m.measuredFte, 1, true)),
              },
              {
                key: "r",
                header: "Færre end startmåling",
                numeric: true,
                text: (m) => (m.reducedFte === null ? "–" : formatNumber(m.reducedFte, 1, true)),
              },
              { key: "p", header: "Nettopris pr. år", numeric: true, text: (m) => kr(m.netPerFteYear) },
              { key: "g", header: "Gevinst", numeric: true, text: (m) => kr(m.gain) },
              { key: "c", header: "Akkumuleret", numeric: true, text: (m) => kr(m.cumulative) },
            ]}
          />
        ) : (
          <p key={ind.indicatorId}>
            {ind.name}: {ind.note ?? "Ingen data"}
          </p>
        ),
      )}
      {e.realized.months.length > 0 && e.realized.indicators.length > 1 && (
        <DataTable<RealMonth>
          caption="Realiseret gevinst i alt pr. måned"
          rows={e.realized.months}
          rowKey={(m) => m.month}
          columns={[
            { key: "m", header: "Måned", rowHeader: true, text: (m) => monthLabel(m.month) },
            {
              key: "g",
              header: "Gevinst",
              numeric: true,
              text: (m) => (m.gain === null ? "Ingen data" : formatKroner(m.gain)),
            },
            { key: "c", header: "Akkumuleret", numeric: true, text: (m) => formatKroner(m.cumulative) },
          ]}
        />
      )}
    </section>
  );
}

/** Per project: potential, business case and realized gain; choose a project for the details. */
export function ProjectEconomicsView({ initialProjectId }: { initialProjectId?: number }) {
  const [projects, setProjects] = useState<ProjectSummaryDto[] | null>(null);
  const [selected, setSelected] = useState<number | undefined>(initialProjectId);
  const [error, setError] = useState("");
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void version;
    apiGet<{ projects: ProjectSummaryDto[] }>("/economics/projects")
      .then((r) => {
        setProjects(r.projects);
        setSelected((s) => s ?? r.projects.find((p) => p.businessCaseId !== null)?.projectId);
      })
      .catch((e) => setError(e instanceof Error ? e.message : String(e)));
  }, [version]);
  return (
    <section aria-labelledby="projekter-oekonomi">
      <h2 id="projekter-oekonomi">Potentiale og business case pr. projekt</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {projects && (
        <DataTable<ProjectSummaryDto>
          caption="Projekternes forventede og realiserede økonomi"
          rows={projects}
          rowKey={(p) => String(p.projectId)}
          columns={[
            {
              key: "n",
              header: "Projekt",
              rowHeader: true,
              text: (p) => p.name,
              render: (p) => (
                <button
                  type="button"
                  className="link"
                  aria-pressed={selected === p.projectId}
                  onClick={() => setSelected(p.projectId)}
                >
                  {p.name}
                </button>
              ),
            },
            { key: "p", header: "Potentiale pr. år", numeric: true, text: (p) => kr(p.potential) },
            { key: "i", header: "Investering", numeric: true, text: (p) => kr(p.investment) },
            { key: "s", header: "Forventet besparelse", numeric: true, text: (p) => kr(p.expectedSavings) },
            { key: "e", header: "Forventet nettoresultat", numeric: true, text: (p) => kr(p.expectedNet) },
            { key: "r", header: "Afkast", numeric: true, text: (p) => pct(p.roiPct) },
            {
              key: "b",
              header: "Tilbagebetalt",
              text: (p) => (p.businessCaseId === null ? "–" : payback(p.payback)),
            },
            {
              key: "g",
              header: "Realiseret gevinst",
              numeric: true,
              text: (p) =>
                p.realized === null
                  ? "Ingen data"
                  : `${formatKroner(p.realized)} (til ${monthLabel(p.realizedThrough ?? "")})`,
            },
          ]}
        />
      )}
      {selected !== undefined && (
        <ProjectDetail projectId={selected} onSaved={() => setVersion((v) => v + 1)} />
      )}
    </section>
  );
}

/**
 * "Målt effekt" (DESIGN 9.1): each effect definition's days difference × matched referred × the
 * benefit's net price per day, set against the investment, beside the before/after realized gain,
 * with the sentence on which of the two to trust.
 */
function MeasuredEffect({ e }: { e: ProjectEconomicsDto }) {
  const m = e.measured;
  return (
    <div className="measured-effect" data-testid="measured-effect">
      <h4>Målt effekt mod sammenligningsgruppe</h4>
      {m.effects.length === 0 ? (
        <p>
          Projektet har ingen effektdefinition.{" "}
          <Link to={`/projekter/${e.project.id}/effekt`}>Opret en på siden Effekt</Link>.
        </p>
      ) : (
        <ul>
          {m.effects.map((x) => (
            <li key={x.code}>
              {x.name}:{" "}
              {x.kroner ? (
                <>
                  <strong>{formatKroner(x.kroner.kroner)}</strong> de første {x.kroner.horizon} måneder (95
                  %-interval {formatKroner(x.kroner.kronerLow)} til {formatKroner(x.kroner.kronerHigh)}) ={" "}
                  {formatNumber(-x.kroner.daysDifference, 1)} færre dage × {formatNumber(x.kroner.matched)}{" "}
                  matchede henviste × {formatNumber(x.kroner.pricePerDay, 0)} kr. pr. dag (nettopris{" "}
                  {x.priceYear} ÷ 365)
                  {m.investment !== null ? `, mod en investering på ${formatKroner(m.investment)}` : ""}.
                </>
              ) : (
                (x.note ?? "ingen estimat")
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="trust">{m.trust}</p>
    </div>
  );
}
