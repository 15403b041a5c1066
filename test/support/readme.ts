/**
 * The README as the tests that run its examples read it: its text, the text under a heading, and the code
 * blocks of a text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The README's text. */
export const README_TEXT = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");

/**
 * The text under a README heading (`## ` or `### `), up to the next heading of either level.
 *
 * @example
 * ```ts
 * readmeSection("Install"); // "Install\n\n```sh\nnpm install …"
 * ```
 */
export function readmeSection(heading: string): string {
  const section = README_TEXT.split(/^#{2,3} /m).find((part) => part.startsWith(`${heading}\n`));
  if (section === undefined) throw new Error(`README.md has no heading "${heading}"`);
  return section;
}

/**
 * The bodies of the fenced code blocks of `markdown`, in order; only those of language `lang` when given.
 *
 * @example
 * ```ts
 * codeBlocks(readmeSection("Server mode"), "ts")[0]; // the section's first TypeScript block
 * ```
 */
export function codeBlocks(markdown: string, lang?: string): string[] {
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  return [...markdown.matchAll(fence)]
    .filter((match) => lang === undefined || match[1] === lang)
    .map((match) => match[2] as string);
}
