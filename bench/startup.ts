/**
 * Case 5 (start-up): creating a fake, and the milliseconds importing the built package adds over importing
 * the SDK client alone (separate Node processes, median of several).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createCognitoIdentityFake } from "../src";
import { type Row, repoRoot, timeSync } from "./harness";

const root = repoRoot();

function importMs(script: string): number {
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const out = execFileSync(
      process.execPath,
      ["-e", `const t=process.hrtime.bigint();${script};console.log(Number(process.hrtime.bigint()-t)/1e6)`],
      {
        cwd: root,
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
      },
    );
    samples.push(Number(out.toString().trim()));
  }
  return samples.sort((a, b) => a - b)[3] as number;
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
  const sdkOnly = importMs('require("@aws-sdk/client-cognito-identity")');
  const both = importMs('require("@aws-sdk/client-cognito-identity");require("./dist/index.js")');
  const extra = both - sdkOnly;
  rows.push({
    group: "startup",
    name: `import package over SDK client (SDK alone ${sdkOnly.toFixed(1)} ms)`,
    value: extra,
    unit: "ms",
    target: "< 30 ms",
    met: extra < 30,
  });
  return rows;
}
