import { formatNumber } from "../../src/domain/format.ts";

/** "Forventes nået (82 %)": a forecast's status word with its probability in whole percent. */
export function forecastText(f: { status: string; probability: number }): string {
  return `${f.status} (${formatNumber(Math.round(f.probability * 100))} %)`;
}

/** The CSS class of a forecast word (colour beside the text, never instead of it). */
export function forecastClass(status: string): string {
  return status === "Forventes nået"
    ? "forecast-yes"
    : status === "Usikkert"
      ? "forecast-maybe"
      : "forecast-no";
}
