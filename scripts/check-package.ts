/**
 * Checks the package as it ships (run `npm run build` first; `npm test` does): packs it without rebuilding, then
 * lints the tarball with publint (warnings are errors) and arethetypeswrong (every resolution mode, `node10`
 * included), and checks what they don't: every tsup entry is exported and reachable under `node10`, no source
 * maps ship, a LICENSE ships, and every relative link of a shipped Markdown file points into the tarball.
 *
 * @example
 * ```sh
 * npm run build && npm run check:package
 * ```
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { entries } from "../tsup.config";

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}
interface Manifest {
  exports: Record<string, unknown>;
  typesVersions?: Record<string, Record<string, string[]>>;
}

const root = join(__dirname, "..");

async function main(): Promise<string[]> {
  const problems: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), "cif-pack-"));
  try {
    const packed = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const [pack] = JSON.parse(packed) as PackResult[];
    if (!pack) throw new Error("npm pack printed no result");
    const tarball = join(dir, pack.filename);
    const files = new Set(pack.files.map((file) => file.path));
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest;

    for (const entry of Object.keys(entries)) {
      const subpath = entry === "index" ? "." : `./${entry.replace(/\/index$/, "")}`;
      if (!manifest.exports[subpath]) problems.push(`tsup entry "${entry}" has no "${subpath}" in exports`);
      const typesKey = subpath.slice(2);
      if (subpath !== "." && !manifest.typesVersions?.["*"]?.[typesKey]) {
        problems.push(`"${subpath}" has no typesVersions line, so node10 resolution cannot find its types`);
      }
    }
    for (const file of files) if (file.endsWith(".map")) problems.push(`source map in the tarball: ${file}`);
    if (!files.has("LICENSE")) problems.push("no LICENSE in the tarball");
    for (const doc of [...files].filter((file) => file.endsWith(".md"))) {
      const text = readFileSync(join(root, doc), "utf8");
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (target && !/^[a-z]+:/i.test(target) && !files.has(target.replace(/^\.\//, ""))) {
          problems.push(`${doc} links ${target}, which is not in the tarball`);
        }
      }
    }

    // publint's suggestions count too: it must answer "All good".
    for (const [tool, args, clean] of [
      ["publint", ["run", tarball, "--strict"], /All good/],
      ["attw", [tarball, "--format", "ascii", "--no-emoji"], /No problems found/],
    ] as const) {
      const result = spawnSync(join(root, "node_modules/.bin", tool), args, { encoding: "utf8" });
      const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
      if (result.status !== 0 || !clean.test(output)) problems.push(`${tool}:\n${output}`);
    }
    if (problems.length === 0) {
      const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
      console.log(
        `package ok (publint, arethetypeswrong): ${files.size} files, ${kB(pack.size)} packed, ${kB(pack.unpackedSize)} unpacked`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

main().then((problems) => {
  if (problems.length > 0) {
    console.error(problems.join("\n"));
    process.exitCode = 1;
  }
});
