import { defineConfig } from "vitest/config";

// Browser tests: the real server (built web UI, PGlite in a temp data dir) driven by Debian's Chromium.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    // temporary folders: removed after each file (temp-setup), none left after the run (temp-check,
    // first so that its private temp directory is in place for global-setup too)
    setupFiles: ["test/temp-setup.ts"],
    globalSetup: ["test/temp-check.ts", "test/e2e/global-setup.ts"],
    testTimeout: 240_000,
    hookTimeout: 300_000,
    pool: "forks",
    fileParallelism: false,
  },
});
