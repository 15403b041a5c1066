/**
 * The package as a user gets it: packs the built package (building it first when `dist` is missing or older
 * than the sources), installs the tarball into a fresh temporary project with the README's install line (the
 * npm registry's cache serves the SDK; no other network), and runs there the consumers of `consumer/`: a
 * CommonJS jest test, a Vitest test (this repository's Vitest, linked into the project as a user's own install
 * would be), an ES module script, and a TypeScript consumer type-checked under `moduleResolution` node10 and
 * nodenext. The peer SDK installed is the version this repository runs, so the SDK-floor CI run
 * consumes the package with the floor version. Another consumer (a Vitest test, say) is one more file in
 * `consumer/` and one more test here that runs it in `project`.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { codeBlocks, readmeSection } from "../support/readme";

const ROOT = join(__dirname, "../..");
const CONSUMER = join(__dirname, "consumer");
const BIN = join(ROOT, "node_modules/.bin");
const MINUTE = 60_000;

/** The newest modification time under `path` (a file or a folder). */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** The environment of a child process, without the variables of the jest run that starts it. */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("JEST_")));
}

/** Runs a command; answers what it printed (stdout, then stderr), and throws with it when it fails. */
function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: childEnv() });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${output}`);
  return output;
}

/** The version of `name` this repository has installed. */
const installedVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string })
    .version;

/** The arguments of the `npm install` line of the README's "Install" section. */
function readmeInstallArgs(): string[] {
  const line = readmeSection("Install")
    .split("\n")
    .find((text) => text.startsWith("npm install "));
  if (!line) throw new Error('README.md has no "npm install" line in its "Install" section');
  return line.replace(/#.*/, "").trim().split(/\s+/).slice(2);
}

/** The first code block under a README heading. */
function readmeCode(heading: string): string {
  const [code] = codeBlocks(readmeSection(heading));
  if (code === undefined) throw new Error(`no code block under "${heading}" in README.md`);
  return code;
}

let project = "";

beforeAll(() => {
  if (
    newest(join(ROOT, "dist")) < Math.max(newest(join(ROOT, "src")), newest(join(ROOT, "tsup.config.ts")))
  ) {
    run("npm", ["run", "build", "--silent"], ROOT);
  }
  project = mkdtempSync(join(tmpdir(), "cif-consumer-"));
  const packArgs = ["pack", "--ignore-scripts", "--json", "--silent", "--pack-destination", project];
  const [packed] = JSON.parse(run("npm", packArgs, ROOT)) as { filename: string }[];
  const tarball = join(project, packed?.filename ?? "");
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "commonjs" }),
  );
  const args = readmeInstallArgs().map((arg) => {
    if (arg.endsWith(".tgz")) return tarball;
    if (arg.startsWith("-")) return arg;
    return `${arg}@${installedVersion(arg)}`;
  });
  run("npm", ["install", ...args, "--prefer-offline", "--no-audit", "--no-fund"], project);
  for (const file of readdirSync(CONSUMER)) copyFileSync(join(CONSUMER, file), join(project, file));
}, 4 * MINUTE);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

test("the README's install line installs the tarball, the peer SDK and the credential providers", () => {
  const args = readmeInstallArgs();
  expect(args).toEqual(
    expect.arrayContaining(["@aws-sdk/client-cognito-identity", "@aws-sdk/credential-providers"]),
  );
  expect(args.filter((arg) => arg.endsWith(".tgz"))).toHaveLength(1);
});

test(
  "a CommonJS jest test passes against the installed package",
  () => {
    writeFileSync(
      join(project, "jest.config.js"),
      'module.exports = { testEnvironment: "node", transform: {}, testMatch: ["**/consumer.test.js"] };',
    );
    const jest = join(ROOT, "node_modules/jest/bin/jest.js");
    const output = run(process.execPath, [jest, "--ci", "--runInBand", "--rootDir", project], project);
    expect(output).toMatch(/Tests: +2 passed, 2 total/);
  },
  2 * MINUTE,
);

test(
  "a Vitest test passes against the installed package",
  () => {
    symlinkSync(join(ROOT, "node_modules/vitest"), join(project, "node_modules/vitest"), "dir");
    const vitest = join(ROOT, "node_modules/vitest/vitest.mjs");
    const output = run(
      process.execPath,
      [vitest, "run", "--root", project, "vitest.consumer.test.mts"],
      project,
    );
    expect(stripVTControlCharacters(output)).toMatch(/Tests +1 passed \(1\)/);
  },
  2 * MINUTE,
);

test("an ES module script runs against the installed package", () => {
  expect(run(process.execPath, ["esm.mjs"], project)).toContain("esm consumer ok");
});

test(
  "an msw test under jest passes with the README's jest config (msw and its ES-module-only dependencies as npm nests them)",
  () => {
    run(
      "npm",
      ["install", `msw@${installedVersion("msw")}`, "--prefer-offline", "--no-audit", "--no-fund"],
      project,
    );
    // The tools the README's config names, linked as a user's own installs would be.
    for (const tool of ["ts-jest", "typescript"]) {
      symlinkSync(join(ROOT, "node_modules", tool), join(project, "node_modules", tool), "dir");
    }
    writeFileSync(join(project, "jest.msw.readme.js"), readmeCode("msw under jest"));
    writeFileSync(
      join(project, "jest.msw.config.js"),
      'module.exports = { ...require("./jest.msw.readme.js"), testMatch: ["**/msw.consumer.test.js"] };',
    );
    const jest = join(ROOT, "node_modules/jest/bin/jest.js");
    const args = [jest, "--ci", "--runInBand", "-c", "jest.msw.config.js", "--rootDir", project];
    expect(run(process.execPath, args, project)).toMatch(/Tests: +1 passed, 1 total/);
  },
  3 * MINUTE,
);

test("the CommonJS build keeps `?.` and `??` as written, as the ES module build does", () => {
  // Down-levelled, each one is a helper call that allocates an array and closures (a transpiler's
  // `_optionalChain([...])`): 12 % of a jest file's test time. The optional chains are in the core's hot paths.
  const dist = join(project, "node_modules/cognito-identity-fake/dist");
  const code = readdirSync(dist)
    .filter((file) => file.endsWith(".js"))
    .map((file) => readFileSync(join(dist, file), "utf8"))
    .join("\n");
  expect(code).toContain("?.");
  expect(code).not.toMatch(/_optionalChain\(|_nullishCoalesce\(/);
});

test.each([
  ["node10", { module: "commonjs", moduleResolution: "node10" }, ["typed.ts"]],
  ["nodenext", { module: "nodenext", moduleResolution: "nodenext" }, ["typed.ts", "typed.mts"]],
])(
  "a TypeScript consumer type-checks under moduleResolution %s",
  (name, options, files) => {
    const compilerOptions = {
      ...options,
      target: "es2022",
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ["node", "jest"],
      typeRoots: [join(ROOT, "node_modules/@types")],
    };
    const config = `tsconfig.${name}.json`;
    writeFileSync(join(project, config), JSON.stringify({ compilerOptions, files }));
    expect(run(join(BIN, "tsc"), ["-p", config], project)).toBe("");
  },
  2 * MINUTE,
);
