/**
 * Case 6: a realistic jest file — 100 tests, each seeding a pool and doing GetId + GetCredentialsForIdentity
 * with the jest helper — against the same tests written with aws-sdk-client-mock stubs. Wall time of a jest
 * run of each file (jest's own start-up included), median of warm runs.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { type Row, repoRoot } from "./harness";

function jestWallMs(file: string, runs: number): number {
  const root = repoRoot();
  const jest = join(root, "node_modules", "jest", "bin", "jest.js");
  const args = [jest, "-c", "bench/jest-compare/jest.config.js", "--silent", file];
  const samples: number[] = [];
  for (let r = 0; r <= runs; r++) {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, args, { cwd: root, stdio: "pipe" });
    if (r > 0) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] as number;
}

export function jestRows(quick: boolean): Row[] {
  const runs = quick ? 1 : 3;
  const mock = jestWallMs("bench/jest-compare/withClientMock.test.ts", runs);
  const fake = jestWallMs("bench/jest-compare/withFake.test.ts", runs);
  return [
    { group: "jest", name: "100 tests with aws-sdk-client-mock stubs", value: mock, unit: "ms" },
    {
      group: "jest",
      name: "the same 100 tests with the fake (useCognitoIdentityFake)",
      value: fake,
      unit: "ms",
      ratio: fake / mock,
      baseline: "of client-mock",
      target: "≤ 1.2x",
      met: fake / mock <= 1.2,
    },
  ];
}
