/**
 * Every code block of the README is run by a test, so the manual cannot rot. A block passes when a test runs it
 * straight from the README (the sections below), or when a test file holds the same code: compared without
 * white space, comments, import lines and trailing commas (the formatter lays the test copies out differently).
 * Where a new README block goes in a test: next to the behaviour it shows, or in a `readme*.test.ts` file.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fencedBlocks, README_TEXT } from "../support/readme";

const ROOT = join(__dirname, "..", "..");

/** Sections whose blocks a test reads from the README and runs as they stand. */
const RUN_FROM_README: Readonly<Record<string, string>> = {
  Install: "test/package/pack.test.ts",
  "msw under jest": "test/package/pack.test.ts",
  "Server mode": "test/adapters/server/readme.test.ts",
  "Other languages and tools": "test/adapters/server/readme.test.ts",
};

interface Block {
  readonly section: string;
  readonly lang: string;
  readonly body: string;
}

/** Each fenced block with the heading it falls under. */
function blocks(markdown: string): Block[] {
  const headings = [...markdown.matchAll(/^#{2,3} (.+)$/gm)];
  return fencedBlocks(markdown).map(({ lang, body, index }) => {
    let section = "";
    for (const h of headings) if ((h.index ?? 0) < index) section = h[1] ?? "";
    return { section, lang, body };
  });
}

/** The code of a text without white space, comments, import lines and trailing commas. */
function compact(text: string, lang: string): string {
  const comment = lang === "sh" || lang === "python" ? /(^|\s)#.*$/ : /(^|\s)\/\/.*$/;
  return text
    .split("\n")
    .filter((line) => !/^\s*import\s/.test(line) && !/^\s*\}\s*from\s/.test(line))
    .map((line) => line.replace(comment, ""))
    .join("")
    .replace(/\s+/g, "")
    .replace(/,([}\])])/g, "$1");
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sources(path);
    return /\.(ts|mts|py)$/.test(name) ? [path] : [];
  });
}

const testFiles = sources(join(ROOT, "test")).map((path) => ({ path, text: readFileSync(path, "utf8") }));
const all = blocks(README_TEXT);

test("the README has code blocks to check", () => {
  expect(all.length).toBeGreaterThan(10);
});

test.each(all.map((block, i) => [`${i + 1}. ${block.section} (${block.lang})`, block] as const))(
  "README block %s is run by a test",
  (_name, block) => {
    const runner = RUN_FROM_README[block.section];
    if (runner) {
      // The runner reads this very section through the README reader of test/support.
      const text = readFileSync(join(ROOT, runner), "utf8");
      expect(text).toContain("support/readme");
      expect(text).toContain(`"${block.section}"`);
      return;
    }
    if (block.section === "Try it") {
      const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts;
      expect(scripts).toHaveProperty("demo");
      expect(scripts).toHaveProperty("test");
      return;
    }
    const code = compact(block.body, block.lang);
    const holders = testFiles.filter((file) => compact(file.text, block.lang).includes(code));
    expect({ block: block.body, heldBy: holders.map((h) => h.path) }).toEqual({
      block: block.body,
      heldBy: expect.arrayContaining([expect.any(String)]),
    });
  },
);

test("npm run demo walks through a flow answered by the fake", () => {
  const out = execFileSync(process.execPath, ["--import", "tsx", "demo/demo.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });
  expect(out).toMatch(/GetCredentialsForIdentity/);
});
