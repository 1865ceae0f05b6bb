import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // temporary folders: removed after each file (temp-setup), none left after the run (temp-check)
    setupFiles: ["test/temp-setup.ts"],
    globalSetup: ["test/temp-check.ts"],
  },
});
