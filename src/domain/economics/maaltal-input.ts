/**
 * Checking a måltal line typed in the form (web/src/pages/MaaltalPage.tsx) before it is sent:
 * Danish messages per field, a Danish-written number for the full-time persons. Pure: no I/O.
 */
import { parseDanishNumber } from "../format.ts";
import { MAALTAL_KINDS, type MaaltalKind } from "./maaltal.ts";

export interface MaaltalLineDraft {
  groupName: string;
  label: string;
  /** as typed: "12", "-2,5", "1.212" */
  fte: string;
  kind: string;
  projectId: number | null;
  benefits: string[];
}

export interface MaaltalLineValue {
  groupName: string;
  label: string;
  fte: number;
  kind: MaaltalKind;
  projectId: number | null;
  benefits: string[];
}

export type MaaltalLineCheck =
  | { ok: true; value: MaaltalLineValue }
  | { ok: false; errors: Partial<Record<keyof MaaltalLineDraft, string>> };

export function checkMaaltalLine(draft: MaaltalLineDraft): MaaltalLineCheck {
  const errors: Partial<Record<keyof MaaltalLineDraft, string>> = {};
  const groupName = draft.groupName.trim();
  const label = draft.label.trim();
  if (!groupName) errors.groupName = "Vælg eller skriv ydelsesgruppen";
  else if (groupName.length > 200) errors.groupName = "Højst 200 tegn";
  if (!label) errors.label = "Skriv, hvad linjen er, fx «Budget 2024» eller projektets navn";
  else if (label.length > 300) errors.label = "Højst 300 tegn";
  const fte = draft.fte.trim() === "" ? null : parseDanishNumber(draft.fte);
  if (fte === null) errors.fte = "Skriv et tal, fx 12 eller -15,5";
  const kind = (MAALTAL_KINDS as readonly string[]).includes(draft.kind) ? (draft.kind as MaaltalKind) : null;
  if (!kind) errors.kind = "Vælg linjens type";
  if (kind === "project" && draft.projectId === null) errors.projectId = "Vælg det projekt, linjen hører til";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      groupName,
      label,
      fte: fte as number,
      kind: kind as MaaltalKind,
      projectId: draft.projectId,
      benefits: draft.benefits,
    },
  };
}
