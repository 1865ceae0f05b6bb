/** Contract of the effect routes (DESIGN 9.1): effect definitions per project, their estimates and the effect page. */
import { z } from "zod";
import { idText, timestamp } from "./common.ts";

export const effectParams = z.object({
  id: idText,
  effectId: idText,
});

export const effectDefinitionBody = z
  .object({
    yaml: z
      .string()
      .optional()
      .meta({ description: "én effektdefinition som YAML (JSON er også gyldig YAML)" }),
    definition: z.unknown().optional().meta({ description: "én effektdefinition som objekt" }),
  })
  .meta({ description: "Giv enten yaml eller definition" });

const n = z.number().nullable();

export const effectRow = z.object({
  effect: z.string(),
  horizon: z.number().int(),
  treated: z.number().int(),
  matched: z.number().int(),
  unmatched: z.number().int(),
  controls: z.number().int(),
  share_treated: n,
  share_control: n,
  share_difference: n,
  share_ci_low: n,
  share_ci_high: n,
  days_treated: n,
  days_control: n,
  days_difference: n,
  days_ci_low: n,
  days_ci_high: n,
});

const details = z.object({
  curve: z.array(
    z.object({
      month: z.number().int(),
      treated: z.number().int(),
      matched: z.number().int(),
      share_treated: n,
      share_control: n,
    }),
  ),
  balance: z.array(
    z.object({
      covariate: z.enum(["ydelse", "varighed", "alder", "koen", "forsorg"]),
      value: z.string(),
      treated: z.number(),
      control: z.number(),
    }),
  ),
  matching: z.object({
    treated: z.number().int(),
    matched: z.number().int(),
    unmatched: z.number().int(),
    level0: z.number().int(),
    level1: z.number().int(),
    level2: z.number().int(),
    controlUnits: z.number().int(),
    weightedControls: z.number().int(),
  }),
});

const storedDefinition = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  version: z.number().int(),
  definition: z.record(z.string(), z.unknown()),
  updatedAt: timestamp,
});

const result = z
  .object({
    estimates: z.array(effectRow),
    details,
    snapshotId: z.string().nullable(),
    computationId: z.number().int().nullable(),
    definitionVersion: z.number().int(),
    definitionHash: z.string(),
    computedAt: timestamp,
    outdated: z.boolean(),
  })
  .nullable();

const effectView = z.object({
  definition: storedDefinition,
  result,
  sentence: z.string(),
  headlineHorizon: z.number().int().nullable(),
  check: z.object({
    passed: z.boolean(),
    horizons: z.array(
      z.object({
        horizon: z.number().int(),
        passed: z.boolean(),
        daysDifference: n,
        shareDifference: n,
      }),
    ),
    text: z.string(),
  }),
  caveats: z.array(z.string()),
  matchingText: z.string().nullable(),
});

const validationError = z.object({ path: z.string(), message: z.string() });

export const responses = {
  effects: z.object({
    project: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    effects: z.array(effectView),
  }),
  definition: z.object({ definition: storedDefinition }),
  validation: z.object({
    value: z.array(z.record(z.string(), z.unknown())),
    errors: z.array(validationError),
  }),
  computed: z.object({
    snapshotId: z.string(),
    effects: z.number().int(),
    warnings: z.array(z.object({ indicator: z.string(), message: z.string() })),
  }),
};

export type EffectsResponse = z.infer<typeof responses.effects>;
export type EffectView = EffectsResponse["effects"][number];
export type EffectRowDto = z.infer<typeof effectRow>;
export type EffectValidationResponse = z.infer<typeof responses.validation>;
