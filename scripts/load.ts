/**
 * A closed-loop HTTP load generator on Node's fetch (undici), no extra packages: N clients each send
 * a request, read the whole answer, and send the next, until the time is up. Used by
 * scripts/bench-load.ts (50 clients × 30 s) and by the suite's bounded check (scripts/load.test.ts).
 */

export interface LoadOptions {
  /** concurrent clients */
  clients: number;
  durationMs: number;
  /** sent with every request (a session cookie, an auth header) */
  headers?: Record<string, string>;
}

export interface LoadResult {
  name: string;
  url: string;
  clients: number;
  seconds: number;
  requests: number;
  /** answers that were not 2xx, and requests that failed */
  errors: number;
  /** the first few errors, for the report */
  errorSamples: string[];
  requestsPerSecond: number;
  /** latency in ms */
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export async function runLoad(name: string, url: string, options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + options.durationMs;
  const client = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const res = await fetch(url, { headers: options.headers });
        await res.arrayBuffer();
        if (!res.ok) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`${res.status} ${res.statusText}`);
        }
      } catch (e) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push((e as Error).message);
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    url,
    clients: options.clients,
    seconds,
    requests: latencies.length,
    errors,
    errorSamples,
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? 0,
  };
}

/** Headers from `--header "Name: value"` options and EFFEKTSPOR_BENCH_COOKIE (a signed-in session). */
export function benchHeaders(headerOptions: string[], env = process.env): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const h of headerOptions) {
    const i = h.indexOf(":");
    if (i <= 0) throw new Error(`--header skal skrives «Navn: værdi», fik «${h}»`);
    headers[h.slice(0, i).trim()] = h.slice(i + 1).trim();
  }
  if (env.EFFEKTSPOR_BENCH_COOKIE) headers.cookie = env.EFFEKTSPOR_BENCH_COOKIE;
  return headers;
}
