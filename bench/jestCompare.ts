/**
 * Case 6: a realistic jest file — 100 tests, each seeding a pool and doing GetId + GetCredentialsForIdentity
 * with the jest helper — against the same tests written with aws-sdk-client-mock stubs. Wall time of a jest
 * run of each file (jest's own start-up included): one warm-up run of each, then runs of the two files
 * alternating, the first of each pair swapped from round to round, so that the machine's drift falls on both;
 * the ratio is the median of the per-round ratios.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { median, type Row, repoRoot } from "./harness";

const FILES = ["bench/jest-compare/withClientMock.test.ts", "bench/jest-compare/withFake.test.ts"] as const;

/** Milliseconds of one jest run of `file`. */
function jestWallMs(file: string): number {
  const root = repoRoot();
  const jest = join(root, "node_modules", "jest", "bin", "jest.js");
  const args = [jest, "-c", "bench/jest-compare/jest.config.js", "--silent", file];
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, args, { cwd: root, stdio: "pipe" });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function jestRows(quick: boolean): Row[] {
  const rounds = quick ? 1 : 5;
  for (const file of FILES) jestWallMs(file);
  const mock: number[] = [];
  const fake: number[] = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      mock.push(jestWallMs(FILES[0]));
      fake.push(jestWallMs(FILES[1]));
    } else {
      fake.push(jestWallMs(FILES[1]));
      mock.push(jestWallMs(FILES[0]));
    }
  }
  const ratio = median(fake.map((ms, r) => ms / (mock[r] as number)));
  return [
    { group: "jest", name: "100 tests with aws-sdk-client-mock stubs", value: median(mock), unit: "ms" },
    {
      group: "jest",
      name: "the same 100 tests with the fake (useCognitoIdentityFake)",
      value: median(fake),
      unit: "ms",
      ratio,
      baseline: "of client-mock",
      target: "≤ 1.2x",
      met: ratio <= 1.2,
    },
  ];
}
