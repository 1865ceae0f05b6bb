import { useEffect, useMemo, useState } from "react";
import { BENEFIT_NAMES } from "../../../../src/domain/economics/prices.ts";
import {
  formatKroner,
  formatNumber,
  formatPercent,
  parseDanishNumber,
} from "../../../../src/domain/format.ts";
import { apiGet } from "../../api.ts";
import { Chart, type ChartOption } from "../../components/Chart.tsx";
import { DataTable } from "../../components/DataTable.tsx";
import { Field } from "../../components/forms.tsx";
import { BenefitField } from "./BenefitField.tsx";
import type { CourseAverage, StaircaseDto } from "./types.ts";

const KEY_WEEKS = [4, 5, 13, 26, 27, 52, 53, 78, 104];

/** Refusionstrappen: how the weekly net price of a course falls as the course gets shorter. */
export function StaircaseCalculator() {
  const [benefit, setBenefit] = useState("kontanthjaelp");
  const [gross, setGross] = useState("");
  const [prior, setPrior] = useState("0");
  const [data, setData] = useState<StaircaseDto | null>(null);
  const [error, setError] = useState("");

  useEffect(() => {
    const g = parseDanishNumber(gross);
    const p = parseDanishNumber(prior);
    const q = new URLSearchParams({
      benefit,
      maxWeeks: "104",
      priorWeeks: String(p !== null && p >= 0 ? Math.round(p) : 0),
    });
    if (g !== null && g > 0) q.set("grossPerWeek", String(g));
    apiGet<StaircaseDto>(`/economics/staircase?${q}`)
      .then((r) => {
        setData(r);
        setError("");
      })
      .catch((e) => setError(e instanceof Error ? e.message : String(e)));
  }, [benefit, gross, prior]);

  const option = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    return {
      tooltip: { trigger: "axis", valueFormatter: (v) => formatKroner(Number(v)) },
      grid: { left: 70, right: 20, top: 30, bottom: 40 },
      xAxis: {
        type: "category",
        name: "Forløbets længde (uger)",
        nameLocation: "middle",
        nameGap: 28,
        data: data.rows.map((r) => String(r.weeks)),
      },
      yAxis: {
        type: "value",
        name: "Nettopris pr. uge",
        axisLabel: { formatter: (v: number) => formatNumber(v) },
      },
      series: [
        {
          type: "line",
          name: "Kommunal nettopris pr. uge",
          showSymbol: false,
          data: data.rows.map((r) => r.netPerWeek),
        },
      ],
    };
  }, [data]);

  const keyRows = data ? data.rows.filter((r) => KEY_WEEKS.includes(r.weeks)) : [];
  const rateLabel = data?.kind === "medfinansiering" ? "Gns. kommunal medfinansiering" : "Gns. refusion";

  return (
    <section aria-labelledby="refusionstrappe">
      <h2 id="refusionstrappe">Refusionstrappen</h2>
      <p className="muted">
        Staten refunderer 80 pct. i uge 1–4 af borgerens samlede tid på offentlig forsørgelse, 40 pct. i uge
        5–26, 30 pct. i uge 27–52 og 20 pct. fra uge 53. For a-dagpenge medfinansierer kommunen 20/60/70/80
        pct. Tællingen starter forfra efter 52 ugers selvforsørgelse inden for 3 år. Jo kortere forløbet er,
        jo lavere er den gennemsnitlige ugepris.
      </p>
      <div className="form-grid">
        <BenefitField label="Ydelse" value={benefit} onChange={setBenefit} />
        <Field label="Bruttoudgift pr. uge (kr.)" hint={data ? `tom = ${data.grossSource}` : undefined}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={gross}
              placeholder={data ? formatNumber(data.grossPerWeek) : ""}
              onChange={(e) => setGross(e.target.value)}
            />
          )}
        </Field>
        <Field label="Uger på forsørgelse før forløbet">
          {(p) => (
            <input {...p} inputMode="numeric" value={prior} onChange={(e) => setPrior(e.target.value)} />
          )}
        </Field>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {option && data && (
        <figure className="chart-card">
          <Chart
            option={option}
            label={`Kommunal nettopris pr. uge for ${BENEFIT_NAMES[data.benefit]} efter forløbets længde, fra ${formatKroner(data.rows[0]?.netPerWeek ?? 0)} ved 1 uge til ${formatKroner(data.rows.at(-1)?.netPerWeek ?? 0)} ved ${data.rows.length} uger`}
          />
          <figcaption>
            Kommunal nettopris pr. uge efter forløbets længde, bruttoudgift {formatKroner(data.grossPerWeek)}{" "}
            pr. uge
          </figcaption>
        </figure>
      )}
      {data && (
        <DataTable<CourseAverage>
          caption="Gennemsnit for forløb af udvalgte længder"
          rows={keyRows}
          rowKey={(r) => String(r.weeks)}
          columns={[
            { key: "w", header: "Forløbets længde", rowHeader: true, text: (r) => `${r.weeks} uger` },
            {
              key: "r",
              header: rateLabel,
              numeric: true,
              text: (r) => formatPercent(r.averageRatePct, 1, true),
            },
            {
              key: "s",
              header: "Kommunal andel",
              numeric: true,
              text: (r) => formatPercent(r.municipalSharePct, 1, true),
            },
            { key: "n", header: "Nettopris pr. uge", numeric: true, text: (r) => formatKroner(r.netPerWeek) },
            {
              key: "t",
              header: "Nettoudgift for hele forløbet",
              numeric: true,
              text: (r) => formatKroner(r.netTotal),
            },
          ]}
        />
      )}
    </section>
  );
}
