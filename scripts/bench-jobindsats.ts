/**
 * jobindsats benchmark (issue 14): fetching the whole country for every table DESIGN 9.3 names from
 * a local jobindsats (src/integrations/jobindsats/test-server.ts, real HTTP), storing it in a fresh
 * PGlite, and building the Benchmark page's view for the whole country.
 *
 *   npm run bench:jobindsats -- [--areas 98] [--months 24] [--version 2|3]
 *
 * Each *a02 table has 3 measures and a "Køn" dimension (only "Køn i alt" is fetched); y14d03 and
 * y30r21 are monthly here too. Prints the fetch (HTTP + parse + store) and the view times.
 */
import { parseArgs } from "node:util";
import { monthRange } from "../src/domain/calendar.ts";
import { JOBINDSATS_TABLES, monthToPeriodCode } from "../src/domain/jobindsats.ts";
import { JobindsatsClient } from "../src/integrations/jobindsats/client.ts";
import { type FakeTable, startFakeJobindsats } from "../src/integrations/jobindsats/test-server.ts";
import { benchmarkView, fetchJobindsats, saveBenchmarkSettings } from "../src/services/jobindsats.ts";
import { openStore } from "../src/store/db.ts";
import { countJobindsatsValues } from "../src/store/repositories/jobindsats.ts";

const { values } = parseArgs({
  options: { areas: { type: "string" }, months: { type: "string" }, version: { type: "string" } },
});
const areaCount = Number(values.areas ?? 98);
const monthCount = Number(values.months ?? 24);
const version = values.version === "3" ? 3 : 2;

const areas = [
  "Hedensted",
  ...Array.from({ length: areaCount - 1 }, (_, i) => `Kommune ${i + 1}`),
  "Hele landet",
];
const periods = monthRange("2023-01", "2030-12").slice(0, monthCount).map(monthToPeriodCode);
const tables: FakeTable[] = JOBINDSATS_TABLES.map((t, ti) => ({
  id: t.id,
  name: t.label,
  measures: [
    { id: "m1", label: "Antal personer" },
    { id: "m2", label: "Antal fuldtidspersoner" },
    { id: "m3", label: "Fuldtidspersoner i pct. af befolkningen 16-66 år" },
  ],
  dimensions: [{ id: "_kon", label: "Køn", values: ["Køn i alt", "Kvinder", "Mænd"] }],
  areas,
  periods,
  value: ({ area, period, measure }) =>
    ((area.length * 7 + Number(period.slice(5)) + ti) % 50) + (measure === "m3" ? 0.5 : 100),
}));

const api = await startFakeJobindsats(tables);
const store = await openStore();
try {
  await saveBenchmarkSettings(store.db, { municipality: "Hedensted", comparison: "country", chosen: [] });
  const client = new JobindsatsClient({ token: api.token, baseUrl: api.url, version });
  const t0 = performance.now();
  const result = await fetchJobindsats(store.db, client, { latest: monthCount });
  const fetchMs = performance.now() - t0;
  const t1 = performance.now();
  const view = await benchmarkView(store.db);
  const viewMs = performance.now() - t1;
  console.log(
    JSON.stringify(
      {
        version,
        tables: result.tables.length,
        failed: result.failed,
        values: await countJobindsatsValues(store.db),
        requests: api.requests.length,
        fetchAndStoreSeconds: Math.round(fetchMs) / 1000,
        viewSeconds: Math.round(viewMs) / 1000,
        viewAreas: view.areas.length,
        viewPeriods: view.periods.length,
      },
      null,
      2,
    ),
  );
} finally {
  await store.close();
  await api.close();
}
