/**
 * Economics use cases over the store: business cases evaluated with the catalogue, a project's
 * expected and realized gain, the måltal table with its monthly follow-up. Pure calculation is in
 * src/domain/economics; this file only gathers the inputs.
 */
import type { Month } from "../domain/calendar.ts";
import {
  type BusinessCaseModel,
  type BusinessCaseResult,
  businessCaseModelSchema,
  computeBusinessCase,
  MissingPriceError,
  type PriceLookup,
} from "../domain/economics/business-case.ts";
import {
  type FollowUpMonth,
  followUp,
  groupMaaltal,
  type MaaltalGroup,
} from "../domain/economics/maaltal.ts";
import { benefitName, netPerFteYear, type Price, priceFor } from "../domain/economics/prices.ts";
import { combineRealized, type RealizedSeries, realizedSeries } from "../domain/economics/realized.ts";
import {
  beforeReferralCheck,
  headlineRow,
  intervalHoldsZero,
  type MeasuredEffectKroner,
  measuredEffectKroner,
  trustSentence,
} from "../domain/effect.ts";
import { dottedPath } from "../domain/zod-da.ts";
import type { Db } from "../store/db.ts";
import { listComputedSeries } from "../store/repositories/computed.ts";
import {
  type BusinessCaseRecord,
  getProjectBrief,
  listBusinessCases,
  listFteIndicators,
  listMaaltalLines,
  listPrices,
  type MaaltalLineRecord,
  type PriceRecord,
} from "../store/repositories/economics.ts";
import { latestEffectEstimates } from "./effects.ts";

export function catalogueLookup(catalogue: readonly PriceRecord[]): PriceLookup {
  return (benefit, year) => priceFor(catalogue, benefit, year);
}

export interface EvaluatedBusinessCase {
  id: number;
  projectId: number;
  projectCode: string;
  projectName: string;
  name: string;
  model: BusinessCaseModel | null;
  result: BusinessCaseResult | null;
  /** full effect: per effect the largest yearly FTE × net price (seed 004 table 2's shape) */
  potential: { benefit: string; label: string; fte: number; netPerFteYear: number; amount: number }[];
  potentialTotal: number;
  /** Danish, when the model is invalid or a price is missing */
  error: string | null;
  updatedAt: Date;
}

export function evaluateBusinessCase(
  record: BusinessCaseRecord,
  catalogue: readonly PriceRecord[],
): EvaluatedBusinessCase {
  const base = {
    id: record.id,
    projectId: record.projectId,
    projectCode: record.projectCode,
    projectName: record.projectName,
    name: record.name,
    updatedAt: record.updatedAt,
  };
  const parsed = businessCaseModelSchema.safeParse(record.model);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ...base,
      model: null,
      result: null,
      potential: [],
      potentialTotal: 0,
      error: `Ugyldig model, felt «${dottedPath(issue?.path ?? [])}»: ${issue?.message ?? "ugyldig"}`,
    };
  }
  try {
    const result = computeBusinessCase(parsed.data, catalogueLookup(catalogue));
    const potential = result.effects.map((e) => {
      const fte = Math.max(0, ...e.ftePerYear);
      return {
        benefit: e.benefit,
        label: e.label,
        fte,
        netPerFteYear: e.netPerFteYear,
        amount: fte * e.netPerFteYear,
      };
    });
    return {
      ...base,
      model: parsed.data,
      result,
      potential,
      potentialTotal: potential.reduce((s, p) => s + p.amount, 0),
      error: null,
    };
  } catch (e) {
    if (e instanceof MissingPriceError) {
      return {
        ...base,
        model: parsed.data,
        result: null,
        potential: [],
        potentialTotal: 0,
        error: e.message,
      };
    }
    throw e;
  }
}

export async function businessCasesOf(db: Db, projectId?: number): Promise<EvaluatedBusinessCase[]> {
  const [records, catalogue] = await Promise.all([listBusinessCases(db, projectId), listPrices(db)]);
  return records.map((r) => evaluateBusinessCase(r, catalogue));
}

// ---------------------------------------------------------------- realized gain

export interface RealizedIndicator {
  indicatorId: number;
  code: string;
  name: string;
  benefits: string[];
  period: "month" | "year";
  baselineFte: number | null;
  baselineDate: string | null;
  /** "indicator" = the indicator's startmåling; "data" = measured in the project's first month with data */
  baselineSource: "indicator" | "data" | null;
  /** the month whose measurement is the baseline, when it comes from data */
  baselineMonth: Month | null;
  /** why the indicator is not priced (no baseline, no price, no values) */
  note: string | null;
  series: RealizedSeries | null;
}

export interface GainMonth {
  month: Month;
  expectedCumulativeSavings: number | null;
  expectedCumulativeNet: number | null;
  realizedGain: number | null;
  realizedCumulative: number | null;
}

export interface ProjectEconomics {
  project: { id: number; code: string; name: string; periodStart: string | null; periodEnd: string | null };
  businessCases: EvaluatedBusinessCase[];
  realized: {
    indicators: RealizedIndicator[];
    months: { month: Month; gain: number | null; cumulative: number }[];
    total: number;
    hasData: boolean;
  };
  /** the first business case's expected cumulative savings beside the realized cumulative gain */
  gainChart: GainMonth[];
  /** "målt effekt": each effect definition's days difference priced (DESIGN 9.1), beside the realized gain */
  measured: {
    effects: MeasuredEffectView[];
    /** the first business case's total investment, to set the measured effect against */
    investment: number | null;
    /** which to trust, the measured effect or the before/after realized gain, and why */
    trust: string;
  };
}

export interface MeasuredEffectView {
  code: string;
  name: string;
  benefits: string[];
  priceYear: number;
  /** null when the effect has no estimate yet or its benefit has no price */
  kroner: MeasuredEffectKroner | null;
  note: string | null;
  checkPassed: boolean;
  holdsZero: boolean;
  snapshotId: string | null;
}

/** Each stored effect estimate of the project in kroner: days difference × matched × net price per day. */
async function measuredEffects(
  db: Db,
  projectId: number,
  catalogue: readonly PriceRecord[],
  overrides: readonly Price[],
): Promise<MeasuredEffectView[]> {
  return (await latestEffectEstimates(db, projectId)).map((e) => {
    const def = e.definition.definition as {
      population?: { benefits?: string[] };
      intake?: { to?: string };
    };
    const benefits = def.population?.benefits ?? [];
    const priceYear = Number((def.intake?.to ?? "").slice(0, 4)) || new Date().getFullYear();
    const rows = e.result?.estimates ?? [];
    const head = headlineRow(rows);
    const base = {
      code: e.definition.code,
      name: e.definition.name,
      benefits,
      priceYear,
      checkPassed: beforeReferralCheck(rows).passed,
      holdsZero: head ? intervalHoldsZero(head.days_ci_low, head.days_ci_high) : true,
      snapshotId: e.result?.snapshotId ?? null,
    };
    if (!head) return { ...base, kroner: null, note: "Effekten er ikke beregnet endnu" };
    const net = netFor(benefits, catalogue, overrides)?.(`${priceYear}-01` as Month);
    if (net === undefined)
      return {
        ...base,
        kroner: null,
        note: `Ingen pris for ${benefits.map(benefitName).join(", ") || "ydelsen"} i priskataloget`,
      };
    return { ...base, kroner: measuredEffectKroner(head, net) ?? null, note: null };
  });
}

function netFor(
  benefits: readonly string[],
  catalogue: readonly PriceRecord[],
  overrides: readonly Price[],
): ((month: Month) => number | undefined) | null {
  if (benefits.length === 0) return null;
  return (month) => {
    const year = Number(month.slice(0, 4));
    const nets: number[] = [];
    for (const b of benefits) {
      const p = overrides.find((o) => o.benefit === b) ?? priceFor(catalogue, b, year);
      if (p) nets.push(netPerFteYear(p));
    }
    // several benefits in one indicator: the mean of their net prices
    return nets.length ? nets.reduce((s, v) => s + v, 0) / nets.length : undefined;
  };
}

export async function projectEconomics(db: Db, projectId: number): Promise<ProjectEconomics | undefined> {
  const project = await getProjectBrief(db, projectId);
  if (!project) return undefined;
  const catalogue = await listPrices(db);
  const cases = (await listBusinessCases(db, projectId)).map((r) => evaluateBusinessCase(r, catalogue));
  const overrides = cases.flatMap((c) => c.model?.prices ?? []);
  const fteIndicators = await listFteIndicators(db, projectId);
  const values = await listComputedSeries(
    db,
    fteIndicators.map((i) => i.id),
  );

  // gain counts from the project's start: the first business case's start month, else the project period
  const startMonth =
    cases.find((c) => c.model)?.model?.startMonth ?? project.periodStart?.slice(0, 7) ?? null;
  const indicators: RealizedIndicator[] = fteIndicators.map((ind) => {
    const own = values.filter(
      (v) => v.indicatorId === ind.id && (startMonth === null || v.period >= startMonth),
    );
    const base = {
      indicatorId: ind.id,
      code: ind.code,
      name: ind.name,
      benefits: ind.benefits,
      period: ind.period,
      baselineDate: ind.baselineDate,
    };
    // without a startmåling on the indicator, the first measured month from the project's start is the baseline
    const firstMeasured = own.find((v) => v.value !== null);
    const baselineFte = ind.baselineValue ?? firstMeasured?.value ?? null;
    const baselineSource = ind.baselineValue !== null ? "indicator" : firstMeasured ? "data" : null;
    const baselineMonth = baselineSource === "data" ? (firstMeasured?.period ?? null) : null;
    const head = { ...base, baselineFte, baselineSource, baselineMonth } as const;
    if (own.length === 0) return { ...head, note: "Ingen data", series: null };
    if (baselineFte === null) return { ...head, note: "Ingen startmåling", series: null };
    const net = netFor(ind.benefits, catalogue, overrides);
    if (!net) return { ...head, note: "Indikatoren angiver ingen ydelse", series: null };
    const series = realizedSeries({
      label: ind.name,
      benefit: ind.benefits.join(", "),
      baselineFte,
      netPerFteYear: net,
      measurements: own.map((v) => ({ month: v.period, fte: v.value })),
    });
    const priced = series.months.some((m) => m.gain !== null);
    return {
      ...head,
      note: priced ? null : `Ingen pris for ${ind.benefits.map(benefitName).join(", ")} i priskataloget`,
      series,
    };
  });
  const priced = indicators.flatMap((i) => (i.series ? [i.series] : []));
  const months = combineRealized(priced);
  const total = months.at(-1)?.cumulative ?? 0;

  const first = cases.find((c) => c.result);
  const gainChart: GainMonth[] = [];
  if (first?.result) {
    const start = first.result.monthly[0]?.month ?? "";
    const expected = new Map(first.result.monthly.map((m) => [m.month, m]));
    const realizedFrom = months.filter((m) => m.month >= start);
    const all = [...new Set([...expected.keys(), ...realizedFrom.map((m) => m.month)])].sort();
    let cum = 0;
    let seen = false;
    const realizedBy = new Map(realizedFrom.map((m) => [m.month, m]));
    const lastRealized = realizedFrom.filter((m) => m.gain !== null).at(-1)?.month;
    for (const month of all) {
      const e = expected.get(month);
      const r = realizedBy.get(month);
      if (r?.gain !== null && r?.gain !== undefined) {
        cum += r.gain;
        seen = true;
      }
      const inRealized = seen && lastRealized !== undefined && month <= lastRealized;
      gainChart.push({
        month,
        expectedCumulativeSavings: e ? e.cumulativeSavings : null,
        expectedCumulativeNet: e ? e.cumulativeNet : null,
        realizedGain: r?.gain ?? null,
        realizedCumulative: inRealized ? cum : null,
      });
    }
  }
  const effects = await measuredEffects(db, projectId, catalogue, overrides);
  const trusted = effects.find((e) => e.kroner);
  return {
    project,
    businessCases: cases,
    realized: { indicators, months, total, hasData: months.some((m) => m.gain !== null) },
    gainChart,
    measured: {
      effects,
      investment: first?.result?.totals.investment ?? null,
      trust: trustSentence(
        trusted?.kroner
          ? {
              matched: trusted.kroner.matched,
              checkPassed: trusted.checkPassed,
              holdsZero: trusted.holdsZero,
            }
          : null,
      ),
    },
  };
}

// ---------------------------------------------------------------- måltal

export interface MaaltalReport {
  budgetPeriod: string;
  groups: (MaaltalGroup<MaaltalLineRecord> & {
    followUp: FollowUpMonth[];
    measuredBy: { benefit: string; indicatorId: number; code: string }[];
  })[];
  months: Month[];
  grandTotal: number;
  hasData: boolean;
}

/**
 * Measured full-time persons per benefit and month: from `fte` indicators with exactly one benefit,
 * no other population filter, monthly period (the municipality-wide count of that benefit).
 */
export async function measuredFteByBenefit(db: Db): Promise<{
  values: Map<string, Map<Month, number | null>>;
  sources: Map<string, { indicatorId: number; code: string }>;
}> {
  const candidates = (await listFteIndicators(db)).filter(
    (i) => i.benefits.length === 1 && !i.filtered && i.period === "month",
  );
  const sources = new Map<string, { indicatorId: number; code: string }>();
  for (const c of candidates) {
    const b = c.benefits[0]!;
    if (!sources.has(b)) sources.set(b, { indicatorId: c.id, code: c.code });
  }
  const rows = await listComputedSeries(
    db,
    [...sources.values()].map((s) => s.indicatorId),
  );
  const values = new Map<string, Map<Month, number | null>>();
  for (const [benefit, s] of sources) {
    values.set(
      benefit,
      new Map(rows.filter((r) => r.indicatorId === s.indicatorId).map((r) => [r.period, r.value])),
    );
  }
  return { values, sources };
}

/** Months from the budget period "2024-2025" (jan of the first year … dec of the last). */
export function periodMonths(budgetPeriod: string): Month[] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(budgetPeriod);
  if (!m) return [];
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  const out: Month[] = [];
  for (let y = from; y <= to; y++)
    for (let mo = 1; mo <= 12; mo++) out.push(`${y}-${String(mo).padStart(2, "0")}`);
  return out;
}

export async function maaltalReport(db: Db, budgetPeriod: string): Promise<MaaltalReport> {
  const lines = await listMaaltalLines(db, budgetPeriod);
  const groups = groupMaaltal(lines);
  const { values, sources } = await measuredFteByBenefit(db);
  const measuredMonths = new Set<Month>();
  for (const m of values.values()) for (const k of m.keys()) measuredMonths.add(k);
  const months = [...new Set([...periodMonths(budgetPeriod), ...measuredMonths])]
    .filter((m) => periodMonths(budgetPeriod).length === 0 || periodMonths(budgetPeriod).includes(m))
    .sort();
  const withFollowUp = groups.map((g) => ({
    ...g,
    followUp: followUp(g, values, months),
    measuredBy: g.benefits.flatMap((b) => {
      const s = sources.get(b);
      return s ? [{ benefit: b, ...s }] : [];
    }),
  }));
  return {
    budgetPeriod,
    groups: withFollowUp,
    months,
    grandTotal: groups.reduce((s, g) => s + g.total, 0),
    hasData: withFollowUp.some((g) => g.followUp.some((f) => f.measured !== null)),
  };
}
