/**
 * `npm run bench`: every figure with its ratio to a baseline measured in the same run. Prints a table and
 * writes `bench/results/latest.json`. See BENCHMARKS.md for what each figure means.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cases } from "./cases";
import { printTable, type Row, repoRoot } from "./harness";
import { jestRows } from "./jestCompare";
import { peers } from "./peers";
import { printCommandTable, printPeerTable } from "./report";
import { scaleRows } from "./scale";
import { serverRows } from "./server";
import { startupRows } from "./startup";
import { stateRows } from "./stateOps";

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const rows: Row[] = [];
  const started = Date.now();
  const commands = await cases(quick);
  printCommandTable(commands.rows, commands.drift);
  const peerTable = await peers(quick);
  printPeerTable(peerTable.rows, peerTable.notes);
  rows.push(...(await scaleRows(quick)));
  rows.push(...stateRows(quick));
  rows.push(...(await serverRows(quick)));
  rows.push(...(await startupRows()));
  rows.push(...jestRows(quick));
  console.log("\nScale, seeding, state, start-up, jest\n");
  printTable(rows);
  const missed = [
    ...commands.rows.filter((r) => !r.met).map((r) => `sdk/${r.name}`),
    ...rows.filter((r) => r.target && !r.met).map((r) => `${r.group}/${r.name}`),
  ];
  console.log(
    `\n${commands.rows.length + peerTable.rows.length + rows.length} figures in ${((Date.now() - started) / 1000).toFixed(1)} s; targets missed: ${missed.length ? missed.join(", ") : "none"}`,
  );
  const dir = join(repoRoot(), "bench", "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "latest.json"),
    `${JSON.stringify({ node: process.version, cpus: require("node:os").cpus().length, date: new Date().toISOString(), commands, peers: peerTable, rows }, null, 2)}\n`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
