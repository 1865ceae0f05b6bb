/**
 * `effektspor users add|list|set-role|disable|enable|reset-password`: the installation's users from
 * the command line (the first administrator is made here). Passwords are read from stdin
 * (`--password-stdin`, one line), a file's first line (`--password-file`) or asked for on a terminal; never from an argument, which would
 * land in the shell's history. Every change is audited with the actor «kommandolinje».
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { resolveDataDir } from "../../config.ts";
import { ROLE_LABELS } from "../../domain/access.ts";
import { DomainError } from "../../domain/errors.ts";
import { addUser, changeUser, listUsers, parseRole, resetPassword } from "../../services/accounts.ts";
import { openCommandStore } from "../command-store.ts";

const usage = `Brug:
  effektspor users add --username NAVN --role ROLLE [--name "Fulde navn"] [--borgerdata] [--leads 1,2] [--password-stdin | --password-file FIL]
  effektspor users list [--json]
  effektspor users set-role NAVN ROLLE [--borgerdata | --no-borgerdata] [--leads 1,2]
  effektspor users disable NAVN | enable NAVN
  effektspor users reset-password NAVN [--password-stdin | --password-file FIL]
Roller: administrator, analytiker, projektleder, laeser. Fælles: [--data-dir DIR]`;

const BY = "kommandolinje";

async function readPassword(fromStdin: boolean, file?: string): Promise<string> {
  if (file) return readFileSync(file, "utf8").split(/\r?\n/)[0] ?? "";
  if (fromStdin || !process.stdin.isTTY) {
    let data = "";
    for await (const chunk of process.stdin) data += String(chunk);
    return data.split(/\r?\n/)[0] ?? "";
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const a = await rl.question("Adgangskode (mindst 12 tegn): ");
    const b = await rl.question("Gentag adgangskoden: ");
    if (a !== b) throw new Error("De to adgangskoder er ikke ens");
    return a;
  } finally {
    rl.close();
  }
}

const leadsOf = (raw?: string) =>
  raw === undefined
    ? undefined
    : raw
        .split(",")
        .filter(Boolean)
        .map((s) => {
          const n = Number(s);
          if (!Number.isInteger(n) || n <= 0) throw new Error(`--leads: «${s}» er ikke et projektnummer`);
          return n;
        });

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      "data-dir": { type: "string" },
      username: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      borgerdata: { type: "boolean" },
      "no-borgerdata": { type: "boolean" },
      leads: { type: "string" },
      "password-stdin": { type: "boolean" },
      "password-file": { type: "string" },
      json: { type: "boolean" },
    },
  });
}

export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    console.error(`Fejl: ${(e as Error).message}\n${usage}`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  const [sub, target, roleArg] = positionals;
  const known = ["add", "list", "set-role", "disable", "enable", "reset-password"];
  if (!sub || !known.includes(sub) || (sub !== "add" && sub !== "list" && !target)) {
    console.error(usage);
    return 2;
  }
  const store = await openCommandStore(resolveDataDir(v["data-dir"]));
  try {
    const db = store.db;
    if (sub === "list") {
      const users = await listUsers(db);
      if (v.json) console.log(JSON.stringify(users, null, 2));
      else if (users.length === 0)
        console.log("Ingen brugere. Opret en med: effektspor users add --username NAVN --role administrator");
      else {
        for (const u of users) {
          const flags = [
            u.personLevel ? "borgerdata" : "",
            u.active ? "" : "deaktiveret",
            u.sso ? "SSO" : "",
            u.leads.length ? `leder projekt ${u.leads.join(", ")}` : "",
          ].filter(Boolean);
          console.log(
            `${u.username.padEnd(20)} ${ROLE_LABELS[u.role].padEnd(14)} ${u.name}${flags.length ? `  (${flags.join("; ")})` : ""}`,
          );
        }
      }
    } else if (sub === "add") {
      if (!v.username || !v.role) throw new Error("--username og --role skal angives");
      const role = parseRole(v.role);
      const password = await readPassword(v["password-stdin"] ?? false, v["password-file"]);
      const u = await addUser(
        db,
        {
          username: v.username,
          name: v.name ?? v.username,
          role,
          personLevel: v.borgerdata ?? false,
          password,
          leads: leadsOf(v.leads),
        },
        BY,
      );
      console.log(`Brugeren ${u.username} (${ROLE_LABELS[u.role]}) er oprettet.`);
    } else if (sub === "set-role") {
      if (!roleArg) throw new Error("Skriv rollen: users set-role NAVN ROLLE");
      const personLevel = v.borgerdata ? true : v["no-borgerdata"] ? false : undefined;
      const u = await changeUser(
        db,
        target!,
        {
          role: parseRole(roleArg),
          ...(personLevel === undefined ? {} : { personLevel }),
          ...(v.leads === undefined ? {} : { leads: leadsOf(v.leads) }),
        },
        BY,
      );
      console.log(`${u.username} er nu ${ROLE_LABELS[u.role]}${u.personLevel ? " med borgerdata" : ""}.`);
    } else if (sub === "disable" || sub === "enable") {
      await changeUser(db, target!, { active: sub === "enable" }, BY);
      console.log(
        sub === "disable"
          ? `${target} er deaktiveret; sessionerne er afsluttet.`
          : `${target} er aktiv igen.`,
      );
    } else {
      await resetPassword(
        db,
        target!,
        await readPassword(v["password-stdin"] ?? false, v["password-file"]),
        BY,
      );
      console.log(`${target} har fået en ny adgangskode; sessionerne er afsluttet.`);
    }
    return 0;
  } catch (e) {
    console.error(`Fejl: ${(e as Error).message}`);
    return e instanceof DomainError ? 1 : 1;
  } finally {
    await store.close();
  }
}
