/**
 * Use cases on business cases and the economics per project: a business case created, edited or
 * read evaluated with the current catalogue; the per-project summary (potential, expected result,
 * realized gain); the whole economics as one workbook's input.
 */
import type { BusinessCaseModel } from "../domain/economics/business-case.ts";
import { InvalidFieldError, notFound } from "../domain/errors.ts";
import type { Db } from "../store/db.ts";
import {
  createBusinessCase,
  getBusinessCase,
  getProjectBrief,
  listPrices,
  listProjectBriefs,
  updateBusinessCase,
} from "../store/repositories/economics.ts";
import { businessCasesOf, evaluateBusinessCase, projectEconomics } from "./economics.ts";
import { latestRefusionData } from "./prices.ts";

const asRecord = (model: BusinessCaseModel) => model as unknown as Record<string, unknown>;

export async function businessCase(db: Db, id: number) {
  const rec = await getBusinessCase(db, id);
  if (!rec) throw notFound(`Business case ${id}`);
  return evaluateBusinessCase(rec, await listPrices(db));
}

export async function addBusinessCase(
  db: Db,
  input: { projectId: number; name: string; model: BusinessCaseModel },
) {
  await requireProjectField(db, input.projectId);
  const rec = await createBusinessCase(db, { ...input, model: asRecord(input.model) });
  return evaluateBusinessCase(rec, await listPrices(db));
}

export async function editBusinessCase(
  db: Db,
  id: number,
  patch: { name?: string; model?: BusinessCaseModel },
) {
  const rec = await updateBusinessCase(db, id, {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.model !== undefined ? { model: asRecord(patch.model) } : {}),
  });
  if (!rec) throw notFound(`Business case ${id}`);
  return evaluateBusinessCase(rec, await listPrices(db));
}

/** A project named in a request body must exist («projectId» is the field at fault). */
export async function requireProjectField(db: Db, projectId: number): Promise<void> {
  if (!(await getProjectBrief(db, projectId))) {
    throw new InvalidFieldError(`Projekt ${projectId} findes ikke`, "projectId");
  }
}

export async function projectEconomicsOrNotFound(db: Db, projectId: number) {
  const e = await projectEconomics(db, projectId);
  if (!e) throw notFound(`Projekt ${projectId}`);
  return e;
}

/** Per project: the first business case with a result (else the first), its totals and the realized gain. */
export async function economicsByProject(db: Db) {
  const out = [];
  for (const p of await listProjectBriefs(db)) {
    const e = await projectEconomics(db, p.id);
    if (!e) continue;
    const bc = e.businessCases.find((c) => c.result) ?? e.businessCases[0];
    out.push({
      projectId: p.id,
      code: p.code,
      name: p.name,
      businessCaseId: bc?.id ?? null,
      businessCaseError: bc?.error ?? null,
      potential: bc ? bc.potentialTotal : null,
      investment: bc?.result?.totals.investment ?? null,
      expectedSavings: bc?.result?.totals.savings ?? null,
      expectedNet: bc?.result?.totals.net ?? null,
      roiPct: bc?.result?.roiPct ?? null,
      payback: bc?.result?.payback ?? null,
      realized: e.realized.hasData ? e.realized.total : null,
      realizedThrough: e.realized.months.filter((m) => m.gain !== null).at(-1)?.month ?? null,
    });
  }
  return out;
}

/** What the economics workbook shows: catalogue, business cases, their projects, the snapshot's refusion data. */
export async function economicsExport(db: Db, dataDir: string) {
  const prices = await listPrices(db);
  const businessCases = await businessCasesOf(db);
  const projects = [];
  for (const id of [...new Set(businessCases.map((b) => b.projectId))]) {
    const e = await projectEconomics(db, id);
    if (e) projects.push(e);
  }
  return { prices, businessCases, projects, fromData: await latestRefusionData(db, dataDir) };
}
