/**
 * Checks that the running Node satisfies the `engines.node` range of every package the lockfile installs (the
 * build tool included), so `npm ci` prints no EBADENGINE on this Node. CI runs it on every Node it tests.
 *
 * @example
 * ```sh
 * npx tsx scripts/check-engines.ts   # "engines ok on v22.23.5: 360 ranges"
 * ```
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { satisfies } from "semver";

interface Lockfile {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
}

const lock = JSON.parse(readFileSync(join(__dirname, "../package-lock.json"), "utf8")) as Lockfile;
const ranges = Object.entries(lock.packages).flatMap(([path, entry]) => {
  const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
  return range
    ? [{ name: path.replace(/^.*node_modules\//, "") || "(root)", version: entry.version, range }]
    : [];
});
const unmet = ranges.filter(({ range }) => !satisfies(process.version, range, { includePrerelease: true }));
if (unmet.length > 0) {
  for (const { name, version, range } of unmet) console.error(`${name}@${version} wants node ${range}`);
  console.error(`engines: ${unmet.length} packages do not support ${process.version}`);
  process.exitCode = 1;
} else {
  console.log(`engines ok on ${process.version}: ${ranges.length} ranges`);
}
