/**
 * Use cases on the måltal table: the report of a budget period (the latest by default), and its
 * lines added, edited and deleted. A line that names a project must name one that exists.
 */
import type { MaaltalKind } from "../domain/economics/maaltal.ts";
import { notFound } from "../domain/errors.ts";
import type { Db } from "../store/db.ts";
import {
  deleteMaaltalLine,
  getMaaltalLine,
  insertMaaltalLines,
  listBudgetPeriods,
  type MaaltalLineRecord,
  type MaaltalPatch,
  type NewMaaltalLine,
  updateMaaltalLine,
} from "../store/repositories/economics.ts";
import { requireProjectField } from "./business-cases.ts";
import { type MaaltalReport, maaltalReport } from "./economics.ts";

/** The budget periods and the report of the asked one (default the latest; null when there is none). */
export async function maaltalOverview(db: Db, period?: string) {
  const periods = await listBudgetPeriods(db);
  const chosen = period ?? periods.at(-1);
  if (!chosen) return { periods, report: null };
  if (period && !periods.includes(period)) throw notFound(`Budgetperioden ${period}`);
  return { periods, report: await maaltalReport(db, chosen) };
}

/** The report of the period, or of the latest one; there must be one. */
export async function maaltalReportOf(
  db: Db,
  period?: string,
): Promise<{ period: string; report: MaaltalReport }> {
  const chosen = period ?? (await listBudgetPeriods(db)).at(-1);
  if (!chosen) throw notFound("Måltalstabellen");
  return { period: chosen, report: await maaltalReport(db, chosen) };
}

export type MaaltalLineInput = Omit<NewMaaltalLine, "kind"> & { kind: string };

export async function addMaaltalLine(
  db: Db,
  budgetPeriod: string,
  line: MaaltalLineInput,
): Promise<MaaltalLineRecord | undefined> {
  if (line.projectId) await requireProjectField(db, line.projectId);
  const [id] = await insertMaaltalLines(db, budgetPeriod, [{ ...line, kind: line.kind as MaaltalKind }]);
  return getMaaltalLine(db, id!);
}

export async function editMaaltalLine(
  db: Db,
  id: number,
  patch: Omit<MaaltalPatch, "kind"> & { kind?: string },
): Promise<MaaltalLineRecord> {
  if (patch.projectId) await requireProjectField(db, patch.projectId);
  const { kind, ...rest } = patch;
  const line = await updateMaaltalLine(db, id, { ...rest, ...(kind ? { kind: kind as MaaltalKind } : {}) });
  if (!line) throw notFound(`Måltalslinje ${id}`);
  return line;
}

export async function removeMaaltalLine(db: Db, id: number): Promise<void> {
  if (!(await getMaaltalLine(db, id))) throw notFound(`Måltalslinje ${id}`);
  await deleteMaaltalLine(db, id);
}
