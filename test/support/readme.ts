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

/** A fenced code block: its language (empty when the fence names none), its body, and where its fence starts. */
export interface FencedBlock {
  readonly lang: string;
  readonly body: string;
  readonly index: number;
}

/**
 * The fenced code blocks of `markdown`, in order.
 *
 * @example
 * ```ts
 * fencedBlocks(README_TEXT).filter((block) => block.lang === "sh").length; // the README's shell blocks
 * ```
 */
export function fencedBlocks(markdown: string): FencedBlock[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({
    lang: match[1] as string,
    body: match[2] as string,
    index: match.index,
  }));
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
  return fencedBlocks(markdown)
    .filter((block) => lang === undefined || block.lang === lang)
    .map((block) => block.body);
}
