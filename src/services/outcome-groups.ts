/**
 * Use case: save a grouping of exit reasons into outcome groups (replacing one with the same name),
 * with its audit entry. A reason belongs to one group at most. The caller opens one transaction for
 * the save and the audit entry.
 */
import { InvalidFieldError, NotFoundError } from "../domain/errors.ts";
import type { Db } from "../store/db.ts";
import { writeAudit } from "../store/repositories/audit.ts";
import {
  deleteOutcomeGroupSet,
  type OutcomeGroupSet,
  saveOutcomeGroupSet,
} from "../store/repositories/outcome-groups.ts";

export interface OutcomeGroupSetInput {
  name: string;
  groups: { name: string; reasons: string[] }[];
}

export async function saveOutcomeGroups(
  tx: Db,
  input: OutcomeGroupSetInput,
  savedBy: string,
): Promise<OutcomeGroupSet> {
  const seen = new Map<string, string>();
  for (const g of input.groups) {
    for (const r of g.reasons) {
      const other = seen.get(r);
      if (other !== undefined) {
        throw new InvalidFieldError(
          `Afslutningsårsagen «${r}» står både i «${other}» og «${g.name}»; en årsag kan kun høre til én gruppe`,
          "groups",
        );
      }
      seen.set(r, g.name);
    }
  }
  const saved = await saveOutcomeGroupSet(tx, input);
  await writeAudit(tx, {
    actor: savedBy,
    action: "edit-outcome-groups",
    subject: `outcome-group-set:${saved.name}`,
  });
  return saved;
}

/** Deletes a grouping by name, with its audit entry (the caller opens the transaction). */
export async function deleteOutcomeGroups(
  tx: Db,
  name: string,
  deletedBy: string,
): Promise<{ deleted: string }> {
  if (!(await deleteOutcomeGroupSet(tx, name))) throw new NotFoundError(`Grupperingen «${name}»`);
  await writeAudit(tx, {
    actor: deletedBy,
    action: "delete-outcome-groups",
    subject: `outcome-group-set:${name}`,
  });
  return { deleted: name };
}
