/**
 * `effektspor compute [--data-dir DIR] [--snapshot ID] [--accept-change]`: computes every
 * project's computed indicators over the project's own period on the snapshot with the newest
 * extraction date (or the named one) and stores them with provenance.
 *
 * A step back from the snapshot the values come from (an earlier extraction date, or more than
 * 20 % fewer persons) is never taken silently: without --snapshot naming it, or --accept-change,
 * the command refuses with the reasons. Exit 0 on success, 1 when the computation failed (the
 * previous values are kept), 2 on bad arguments, 3 when the change must be confirmed.
 */
import { formatNumber } from "../../domain/format.ts";
import { runComputation } from "../../services/compute.ts";
import {
  type ComputationPlan,
  planComputation,
  SnapshotChoiceError,
} from "../../services/snapshot-choice.ts";
import { parseCommandArgs } from "../command-args.ts";
import { withCommandStore } from "../command-store.ts";

const usage = "Brug: effektspor compute [--data-dir MAPPE] [--snapshot ID] [--accept-change]";

function seconds(ms: number): string {
  return formatNumber(ms / 1000, 1);
}

const show = (v: number | null) => (v === null ? "–" : formatNumber(v, 1, true));

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs<{ "data-dir"?: string; snapshot?: string; "accept-change"?: boolean }>(
    args,
    {
      "data-dir": { type: "string" },
      snapshot: { type: "string" },
      "accept-change": { type: "boolean" },
    },
    usage,
  );
  if ("exit" in parsed) return parsed.exit;
  const { values } = parsed;
  return withCommandStore(values["data-dir"], async (store, dataDir) => {
    let plan: ComputationPlan;
    try {
      plan = await planComputation(store.db, dataDir, { snapshotId: values.snapshot });
    } catch (e) {
      if (!(e instanceof SnapshotChoiceError)) throw e;
      console.error(`Beregningen fejlede: ${e.message}`);
      console.error("De seneste gyldige værdier er bevaret.");
      return 1;
    }
    if (plan.change.needsConfirmation) {
      for (const reason of plan.change.reasons) console.error(reason);
      if (!plan.explicit && !values["accept-change"]) {
        console.error(
          `Værdierne er ikke ændret. Vælg snapshottet udtrykkeligt med --snapshot ${plan.snapshot.id}, ` +
            "eller bekræft skiftet med --accept-change.",
        );
        return 3;
      }
      console.error("Du har valgt det udtrykkeligt: værdierne erstattes.");
    }
    let lastStep = "";
    let lastDone = 0;
    const summary = await runComputation(store.db, dataDir, {
      startedBy: "kommandolinje",
      snapshotId: plan.snapshot.id,
      onProgress: (p) => {
        if (p.total > 0 && p.done > 0) {
          if (p.done !== lastDone) process.stderr.write(`\r  ${p.done}/${p.total} indikatorer beregnet`);
          lastDone = p.done;
        } else if (p.step !== lastStep) {
          process.stderr.write(`• ${p.step}\n`);
        }
        lastStep = p.step;
      },
    });
    process.stderr.write("\n");
    for (const w of summary.warnings) console.log(`Advarsel: ${w.indicator} sprunget over – ${w.message}`);
    if (summary.status === "failed") {
      console.error(`Beregningen fejlede: ${summary.error}`);
      console.error("De seneste gyldige værdier er bevaret.");
      return 1;
    }
    console.log(
      `Beregnet ${formatNumber(summary.indicatorCount)} indikatorer × ${summary.range?.from} – ${summary.range?.to}: ` +
        `${formatNumber(summary.valueCount)} værdier på snapshot ${summary.snapshot?.id} ` +
        `(udtræksdato ${summary.snapshot?.extractionDate}) på ${seconds(summary.durationMs)} s.`,
    );
    if (summary.revisions.length > 0) {
      console.log(`${formatNumber(summary.revisions.length)} indfrosne værdier er revideret (gammel → ny):`);
      for (const r of summary.revisions)
        console.log(`  ${r.code} ${r.period}: ${show(r.old)} → ${show(r.new)}`);
    }
    return 0;
  });
}
