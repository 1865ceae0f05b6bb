/**
 * Measures the route handlers: for every `router.route(spec, handler)` call in src/api/routes, the
 * number of lines of the handler function (first to last line, as formatted). A handler is meant to
 * parse → authorize → call one service → respond; the test keeps every one at 25 lines or fewer.
 * Run `node --import tsx src/api/handler-sizes.ts` for the table.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export interface HandlerSize {
  file: string;
  method: string;
  path: string;
  lines: number;
}

const routesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "routes");

export function measureHandlers(dir = routesDir): HandlerSize[] {
  const out: HandlerSize[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    const text = readFileSync(path.join(dir, name), "utf8");
    const source = ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === "route" &&
        node.arguments.length === 2
      ) {
        const [spec, handler] = node.arguments as unknown as [ts.Expression, ts.Expression];
        const line = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
        out.push({
          file: name,
          method: specString(spec, "method"),
          path: specString(spec, "path"),
          lines: line(handler.getEnd()) - line(handler.getStart(source)) + 1,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out.sort((a, b) => b.lines - a.lines);
}

function specString(spec: ts.Expression, key: string): string {
  if (!ts.isObjectLiteralExpression(spec)) return "?";
  for (const p of spec.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === key && ts.isStringLiteral(p.initializer)) {
      return p.initializer.text;
    }
  }
  return "?";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = measureHandlers();
  for (const s of sizes)
    console.log(`${String(s.lines).padStart(4)}  ${s.method.toUpperCase()} ${s.path}  (${s.file})`);
  console.log(`${sizes.length} handlers, ${sizes.filter((s) => s.lines > 25).length} over 25 lines`);
}
