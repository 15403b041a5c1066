/**
 * Case 6: a realistic jest file — 100 tests, each seeding a pool and doing GetId + GetCredentialsForIdentity
 * with the jest helper — against the same tests written with aws-sdk-client-mock stubs. Wall time of a jest
 * run of each file (jest's own start-up included): one warm-up run of each, then runs of the two files
 * alternating, the first of each pair swapped from round to round, so that the machine's drift falls on both;
 * the ratio is the median of the per-round ratios.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { median, medianOfRounds, type Row, ratioLimit, repoRoot } from "./harness";

const FILES = ["bench/jest-compare/withClientMock.test.ts", "bench/jest-compare/withFake.test.ts"] as const;
/**
 * Rounds of one run of each file. The per-round ratio swings by ±0.1 on a 2-core VM; with five rounds the
 * median read 1.17x and 1.35x in two runs of the same code minutes apart.
 */
const ROUNDS = 9;

/** A function that times one jest run of a file, in milliseconds. */
function jestTimer(): (file: string) => number {
  const root = repoRoot();
  const jest = join(root, "node_modules", "jest", "bin", "jest.js");
  return (file) => {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, [jest, "-c", "bench/jest-compare/jest.config.js", "--silent", file], {
      cwd: root,
      stdio: "pipe",
    });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
}

export function jestRows(quick: boolean): Row[] {
  const time = jestTimer();
  for (const file of FILES) time(file);
  // rounds[r] = [client-mock ms, fake ms]; the file that runs first alternates.
  const rounds: number[][] = [];
  for (let r = 0; r < (quick ? 1 : ROUNDS); r++) {
    const round = [0, 0];
    for (const k of r % 2 === 0 ? [0, 1] : [1, 0]) round[k] = time(FILES[k] as string);
    rounds.push(round);
  }
  const ratio = medianOfRounds(rounds, (t) => (t[1] as number) / (t[0] as number));
  return [
    {
      group: "jest",
      name: "100 tests with aws-sdk-client-mock stubs",
      value: median(rounds.map((t) => t[0] as number)),
      unit: "ms",
    },
    {
      group: "jest",
      name: "the same 100 tests with the fake (useCognitoIdentityFake)",
      value: median(rounds.map((t) => t[1] as number)),
      unit: "ms",
      ratio,
      baseline: "of client-mock",
      ...ratioLimit(ratio, 1.2),
    },
  ];
}
