/** Entry point of the demo-municipality generator (see ./generate/generate.ts). */
export {
  DEFAULT_EXTRACTION_DATE,
  type GenerateOptions,
  type GenerateResult,
  generateMunicipality,
  HISTORY_START,
  INHABITANTS_PER_SCALE,
} from "./generate/generate.ts";
