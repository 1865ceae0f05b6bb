import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { computePotential, parsePotentialInput, potentialDetail } from "../../domain/economics/potential.ts";
import { benefitName } from "../../domain/economics/prices.ts";
import { formatKroner, formatNumber, formatPercent } from "../../domain/format.ts";

const usage = "Brug: effektspor potentiale --input FIL.json [--format json|text]";

/**
 * `effektspor potentiale --input FILE.json --format json`: the potential calculation of DESIGN 7
 * (seed 004 table 2). The input is `{ prices: [{benefit, gross_per_fte_year, refusion_pct}],
 * reduced_fte: {benefit: n} }`; the output whole kroner per benefit and in total.
 */
export async function run(args: string[]): Promise<number> {
  let values: { input?: string; format?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { input: { type: "string" }, format: { type: "string", default: "text" } },
    }));
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n${usage}`);
    return 2;
  }
  if (!values.input) {
    console.error(`Tilvalget --input mangler.\n${usage}`);
    return 2;
  }
  if (values.format !== "json" && values.format !== "text") {
    console.error(`Ukendt format «${values.format}»: brug json eller text.\n${usage}`);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(values.input, "utf8"));
  } catch (e) {
    console.error(`Kan ikke læse ${values.input}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  // a whole golden entry ({ input, expect }) is accepted as well as the bare input object
  if (raw && typeof raw === "object" && "input" in raw && !("prices" in raw))
    raw = (raw as { input: unknown }).input;
  const parsed = parsePotentialInput(raw);
  if (!parsed.ok) {
    for (const e of parsed.errors) console.error(`${values.input}: ${e}`);
    return 1;
  }
  if (values.format === "json") {
    console.log(JSON.stringify(computePotential(parsed.input), null, 2));
    return 0;
  }
  const d = potentialDetail(parsed.input);
  for (const l of d.lines) {
    console.log(
      `${benefitName(l.benefit).padEnd(24)} brutto ${formatKroner(l.grossPerFteYear)}, refusion ${formatPercent(l.refusionPct, 2)}, netto ${formatKroner(l.net)}, pr. uge ${formatKroner(l.weekly)}; ${formatNumber(l.reducedFte, 1, true)} færre fuldtidspersoner = ${formatKroner(l.amount)}`,
    );
  }
  console.log(`I alt ${formatNumber(d.totalFte, 1, true)} fuldtidspersoner = ${formatKroner(d.totalAmount)}`);
  return 0;
}
