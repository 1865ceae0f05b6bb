import { defineConfig } from "vitest/config";

// Browser tests: the real server (built web UI, PGlite in a temp data dir) driven by Debian's Chromium.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/e2e/global-setup.ts"],
    testTimeout: 240_000,
    hookTimeout: 300_000,
    pool: "forks",
    fileParallelism: false,
  },
});
