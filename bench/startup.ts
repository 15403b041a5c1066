/**
 * Case 5 (start-up): creating a fake, and the milliseconds importing the built package adds once the SDK client
 * is imported (fresh Node processes, median of several).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createCognitoIdentityFake } from "../src";
import { median, type Row, repoRoot, timeSync } from "./harness";

const root = repoRoot();

/** Fresh Node processes the import figures are medians over. */
const IMPORT_RUNS = 11;

/**
 * Milliseconds to import the SDK client, then what importing the built package adds after it, in one process:
 * medians over {@link IMPORT_RUNS} processes. (Until 2026-12-03 the two were medians of separate
 * processes, subtracted: the SDK's own import moves by ±10 ms between processes, and so did the difference,
 * 9.6 to 31.6 ms on the same code.)
 */
function importMs(): { sdk: number; extra: number } {
  const sdk: number[] = [];
  const extra: number[] = [];
  const script = [
    "const t0=process.hrtime.bigint();",
    'require("@aws-sdk/client-cognito-identity");',
    "const t1=process.hrtime.bigint();",
    'require("./dist/index.js");',
    "const t2=process.hrtime.bigint();",
    "console.log(Number(t1-t0)/1e6, Number(t2-t1)/1e6)",
  ].join("");
  for (let i = 0; i < IMPORT_RUNS; i++) {
    const out = execFileSync(process.execPath, ["-e", script], {
      cwd: root,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    });
    const [a, b] = out.toString().trim().split(" ").map(Number) as [number, number];
    sdk.push(a);
    extra.push(b);
  }
  return { sdk: median(sdk), extra: median(extra) };
}

export async function startupRows(): Promise<Row[]> {
  const createUs = timeSync(() => createCognitoIdentityFake(), { iterations: 2000, repeats: 7, warmup: 200 });
  const rows: Row[] = [
    {
      group: "startup",
      name: "createCognitoIdentityFake()",
      value: createUs,
      unit: "µs",
      target: "< 1000 µs",
      met: createUs < 1000,
    },
  ];
  if (!existsSync(join(root, "dist", "index.js"))) {
    rows.push({ group: "startup", name: "import (run npm run build first)", value: Number.NaN, unit: "ms" });
    return rows;
  }
  const { sdk: sdkOnly, extra } = importMs();
  rows.push({
    group: "startup",
    name: `import package after the SDK client (SDK itself ${sdkOnly.toFixed(1)} ms)`,
    value: extra,
    unit: "ms",
    target: "< 30 ms",
    met: extra < 30,
  });
  return rows;
}
