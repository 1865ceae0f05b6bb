import path from "node:path";

/** Where the installation keeps its data: --data-dir, else EFFEKTSPOR_DATA_DIR, else ./data. */
export function resolveDataDir(flag?: string): string {
  return path.resolve(flag ?? process.env.EFFEKTSPOR_DATA_DIR ?? "data");
}

export function resolvePort(flag?: string): number {
  const raw = flag ?? process.env.EFFEKTSPOR_PORT ?? process.env.PORT ?? "3000";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Ugyldigt portnummer: ${raw}`);
  return port;
}
