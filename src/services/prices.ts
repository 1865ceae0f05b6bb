/**
 * Use cases on the price catalogue: prices with their derived net and weekly amounts, the
 * refusion staircase priced from the catalogue, and the actual expenses and refusion per benefit
 * read from a snapshot's refusion data beside the catalogue price.
 */
import path from "node:path";
import { priceFor, priceRow, WEEKS_PER_YEAR } from "../domain/economics/prices.ts";
import { COFINANCED_BENEFITS, STAIRCASE_BANDS, staircaseTable } from "../domain/economics/staircase.ts";
import { notFound } from "../domain/errors.ts";
import type { Db } from "../store/db.ts";
import { listPrices, type PriceRecord, snapshotFolder } from "../store/repositories/economics.ts";
import { refusionPrices } from "../warehouse/refusion-prices.ts";

/** A catalogue price with its net and weekly amounts (exact and rounded). */
export function withDerived(p: PriceRecord) {
  const r = priceRow(p);
  return {
    ...p,
    benefitName: r.benefitName,
    net: r.net,
    weekly: r.weekly,
    netRounded: r.netRounded,
    weeklyRounded: r.weeklyRounded,
  };
}

export async function pricesWithDerived(db: Db, budgetYear?: number) {
  return (await listPrices(db, budgetYear)).map(withDerived);
}

/** Average refusion and weekly net price for courses of 1…N weeks; gross from the catalogue unless given. */
export async function staircase(
  db: Db,
  query: { benefit: string; grossPerWeek?: number; maxWeeks: number; priorWeeks: number },
) {
  let grossPerWeek = query.grossPerWeek;
  let grossSource = "angivet";
  if (grossPerWeek === undefined) {
    const latest = (await listPrices(db)).filter((p) => p.benefit === query.benefit).at(-1);
    grossPerWeek = latest ? latest.grossPerFteYear / WEEKS_PER_YEAR : 1000;
    grossSource = latest ? `priskataloget ${latest.budgetYear}` : "eksempel (1.000 kr. pr. uge)";
  }
  return {
    benefit: query.benefit,
    kind: COFINANCED_BENEFITS.has(query.benefit) ? "medfinansiering" : "refusion",
    grossPerWeek,
    grossSource,
    priorWeeks: query.priorWeeks,
    bands: STAIRCASE_BANDS.map((b) => ({ ...b, toWeek: Number.isFinite(b.toWeek) ? b.toWeek : null })),
    rows: staircaseTable(query.maxWeeks, grossPerWeek, query.benefit, query.priorWeeks),
  };
}

/** The snapshot's refusion data (the named snapshot, else the latest complete one) beside the catalogue. */
export async function pricesFromData(db: Db, dataDir: string, snapshotId?: string) {
  const snap = await snapshotFolder(db, snapshotId);
  if (snapshotId && !snap) throw notFound(`Snapshot ${snapshotId}`);
  const catalogue = await listPrices(db);
  if (!snap) return { snapshot: null, available: false, months: [], totals: [], catalogue: [] };
  const data = await refusionPrices(path.resolve(dataDir, snap.folder));
  const year = Number(snap.extractionDate.slice(0, 4));
  const benefits = [...new Set(data.totals.map((t) => t.benefit))];
  return {
    snapshot: { id: snap.id, extractionDate: snap.extractionDate },
    ...data,
    catalogue: benefits.flatMap((b) => {
      const p = priceFor(catalogue, b, year);
      return p ? [withDerived(p)] : [];
    }),
  };
}

/** The refusion data of the latest complete snapshot, when there is one (the economics export). */
export async function latestRefusionData(db: Db, dataDir: string) {
  const snap = await snapshotFolder(db);
  return snap ? await refusionPrices(path.resolve(dataDir, snap.folder)) : undefined;
}
