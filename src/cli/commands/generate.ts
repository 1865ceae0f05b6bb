/** `effektspor generate --out DIR [--scale S] [--seed N] [--extraction-date YYYY-MM-DD]` */
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_EXTRACTION_DATE, generateMunicipality, INHABITANTS_PER_SCALE } from "../../demo/generate.ts";
import { tryParseDate } from "../../domain/calendar.ts";
import { formatNumber } from "../../domain/format.ts";

export async function run(args: string[]): Promise<number> {
  let values: { out?: string; scale?: string; seed?: string; "extraction-date"?: string };
  try {
    values = parseArgs({
      args,
      options: {
        out: { type: "string" },
        scale: { type: "string" },
        seed: { type: "string" },
        "extraction-date": { type: "string" },
      },
    }).values;
  } catch (err) {
    console.error(`Fejl: ${(err as Error).message}`);
    return 2;
  }
  if (!values.out) {
    console.error(
      "Brug: effektspor generate --out DIR [--scale S] [--seed N] [--extraction-date ÅÅÅÅ-MM-DD]",
    );
    return 2;
  }
  const scale = values.scale === undefined ? 1 : Number(values.scale.replace(",", "."));
  if (!Number.isFinite(scale) || scale <= 0) {
    console.error(`Fejl: --scale skal være et positivt tal (fik «${values.scale}»)`);
    return 2;
  }
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) {
    console.error(`Fejl: --seed skal være et heltal (fik «${values.seed}»)`);
    return 2;
  }
  const extractionDate = values["extraction-date"]
    ? tryParseDate(values["extraction-date"])
    : DEFAULT_EXTRACTION_DATE;
  if (!extractionDate) {
    console.error(`Fejl: --extraction-date er ikke en gyldig dato (fik «${values["extraction-date"]}»)`);
    return 2;
  }
  const out = path.resolve(values.out);
  const tty = process.stderr.isTTY;
  const started = Date.now();
  const result = await generateMunicipality({
    out,
    scale,
    seed,
    extractionDate,
    onProgress: tty
      ? (p) =>
          process.stderr.write(
            `\r\x1b[2KDanner: ${formatNumber(p.persons)} personer, ${formatNumber(p.rows)} rækker`,
          )
      : undefined,
  });
  if (tty) process.stderr.write("\r\x1b[2K");
  console.log(
    [
      `Syntetisk kommune dannet i ${out} (skala ${formatNumber(scale, 2, true)} ≈ ${formatNumber(INHABITANTS_PER_SCALE * scale)} indbyggere, frø ${seed})`,
      `  Personer i udtrækket: ${formatNumber(result.persons)}`,
      ...Object.entries(result.rows).map(
        ([f, n]) => `  ${`${f}.csv`.padEnd(20)} ${formatNumber(n).padStart(10)} rækker`,
      ),
      `  Udtræksdato: ${result.extractionDate}`,
      `  Tid: ${formatNumber((Date.now() - started) / 1000, 1)} s`,
    ].join("\n"),
  );
  return 0;
}
