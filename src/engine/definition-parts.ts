/**
 * The building blocks of indicator definitions (DESIGN 6.2): the canonical code lists as zod
 * enums, the field validators the measure parameters use, and the population filter. The measure
 * catalogue (measures.ts) and the definition schema (definition.ts) are built from these.
 */
import { z } from "zod";
import {
  ACTIVITY_KINDS,
  type ActivityKind,
  BENEFITS,
  CATEGORIES,
  COMPANY_ORIENTED_KINDS,
  type BenefitCode as DomainBenefitCode,
  type CategoryCode as DomainCategoryCode,
} from "../domain/codes.ts";

/** The codes of a canonical list, as a non-empty tuple for z.enum. */
function codesOf<T extends readonly { code: string }[]>(
  entries: T,
): [T[number]["code"], ...T[number]["code"][]] {
  const codes = entries.map((e) => e.code as T[number]["code"]);
  if (codes.length === 0) throw new Error("Tom kodeliste");
  return codes as [T[number]["code"], ...T[number]["code"][]];
}

/** The canonical code lists (src/domain/codes.ts) the definitions may name. */
export const benefitCodes = codesOf(BENEFITS);
export const categoryCodes = codesOf(CATEGORIES);
export const activityCodes = codesOf(ACTIVITY_KINDS);

export type BenefitCode = DomainBenefitCode;
export type CategoryCode = DomainCategoryCode;
export type ActivityCode = ActivityKind;

/** Company-oriented activity kinds (virksomhedsrettet), the default of the Delaftale 2 measures. */
export const companyOrientedKinds: ActivityCode[] = [...COMPANY_ORIENTED_KINDS];

// Exit reasons, marker results and project codes are open code lists (configurable per
// municipality), so only their form is checked.
export const code = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "Skal være en kode med små bogstaver a-z, 0-9 og -");
export const nonEmptyList = <T extends z.ZodType>(item: T) => z.array(item).min(1, "Listen må ikke være tom");
export const benefit = z.enum(benefitCodes, { error: `Ukendt ydelse; gyldige: ${benefitCodes.join(", ")}` });
export const category = z.enum(categoryCodes, {
  error: `Ukendt visitationskategori; gyldige: ${categoryCodes.join(", ")}`,
});
export const activity = z.enum(activityCodes, {
  error: `Ukendt tilbudstype; gyldige: ${activityCodes.join(", ")}`,
});
export const positiveInt = z.number().int("Skal være et heltal").positive("Skal være større end 0");
export const nonNegative = z.number().min(0, "Må ikke være negativ");
export const nonNegativeInt = z.number().int("Skal være et heltal").min(0, "Må ikke være negativ");

const age = z
  .strictObject({
    min: nonNegativeInt.optional(),
    max: nonNegativeInt.optional(),
  })
  .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, {
    message: "min må ikke være større end max",
  });

export const populationSchema = z.strictObject({
  benefits: nonEmptyList(benefit),
  categories: nonEmptyList(category).optional(),
  age: age.optional(),
  project: code.optional(),
});

export type Population = z.infer<typeof populationSchema>;

/** What a measure's compiler needs of its indicator definition besides the measure. */
export interface MeasureTarget {
  id: string;
  population?: Population;
}
