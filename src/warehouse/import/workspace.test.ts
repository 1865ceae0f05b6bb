/** The import's temporary folder: made with its owner, left alone while in use, removed when dead. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../test-support.ts";
import { cleanStaleTemporaryFolders, openWorkspace, removeWorkspace } from "./workspace.ts";

describe("import workspace", () => {
  it("removes the folders of dead imports only", () => {
    const snapshots = tempDir();
    const mine = openWorkspace(snapshots, "c".repeat(64));
    expect(path.basename(mine)).toMatch(/^\.tmp-cccccccc-[0-9a-f]{8}$/);
    expect(readFileSync(path.join(mine, ".owner"), "utf8")).toBe(String(process.pid));
    // a process that has ended: its pid is no longer alive
    const deadPid = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    }).stdout;
    const dead = path.join(snapshots, ".tmp-dead");
    mkdirSync(dead);
    writeFileSync(path.join(dead, ".owner"), deadPid);
    const noOwner = path.join(snapshots, ".tmp-no-owner");
    mkdirSync(noOwner);
    const alive = path.join(snapshots, ".tmp-parent");
    mkdirSync(alive);
    writeFileSync(path.join(alive, ".owner"), String(process.ppid)); // vitest's main process, running
    mkdirSync(path.join(snapshots, "2024-01-01-snapshot"));

    expect(cleanStaleTemporaryFolders(snapshots).sort()).toEqual([".tmp-dead", ".tmp-no-owner"]);
    expect(readdirSync(snapshots).sort()).toEqual(
      ["2024-01-01-snapshot", ".tmp-parent", path.basename(mine)].sort(),
    );
    // this process's folder is stale once it is no longer in use
    removeWorkspace(mine);
    expect(existsSync(mine)).toBe(false);
  });
});
