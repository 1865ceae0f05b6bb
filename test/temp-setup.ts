/**
 * Setup file of both vitest configs: after each test file, remove the temporary folders it made
 * with `tempDir()` (test/temp.ts). Registered before the file's own hooks, so with vitest's default
 * stack order for after-hooks it runs last, once the file has closed its stores and servers.
 */
import { afterAll } from "vitest";
import { removeTempDirs } from "./temp.ts";

afterAll(() => removeTempDirs());
