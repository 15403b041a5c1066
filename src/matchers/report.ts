/**
 * What a failing matcher prints after its own message: the operations the fake received (in a jest or Vitest
 * test with `useCognitoIdentityFake`, those of the current test), each with its outcome and what it changed.
 */
import type { CognitoIdentityFake } from "../fakeApi";

/** Calls listed at most; earlier ones are counted. */
const SHOWN = 30;

/** A matcher's answer. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

const indent = (text: string, prefix: string): string =>
  text
    .split("\n")
    .map((line) => prefix + line)
    .join("\n");

/**
 * The journal as text: one line per call (operation, region, outcome), its changes indented below it.
 *
 * @example
 * ```ts
 * journalReport(fake);
 * // Operations received (1):
 * //   1. CreateIdentityPool (us-east-1): ok
 * //        pool us-east-1:… "app" created
 * ```
 */
export function journalReport(fake: CognitoIdentityFake): string {
  const calls = fake.calls;
  if (calls.length === 0) return "No operations received.";
  const first = Math.max(0, calls.length - SHOWN);
  const lines = [`Operations received (${calls.length}):`];
  if (first > 0) lines.push(`  (${first} earlier not shown)`);
  for (let i = first; i < calls.length; i++) {
    const call = calls[i];
    if (!call) continue;
    const outcome = call.error ? `${call.error.name}: ${call.error.message}` : "ok";
    lines.push(`  ${i + 1}. ${call.operation} (${call.region}): ${outcome}`);
    const { changes, text } = fake.changesOf(call);
    if (changes.length > 0) lines.push(indent(text, "       "));
  }
  return lines.join("\n");
}

/** A result whose message is `message` followed by the journal report. */
export const withReport = (
  fake: CognitoIdentityFake,
  pass: boolean,
  message: () => string,
): MatcherResult => ({
  pass,
  message: () => `${message()}\n\n${journalReport(fake)}`,
});

/** The answer to a received value that is not a fake. */
export const notAFake = (name: string): MatcherResult => ({
  pass: false,
  message: () => `${name}: the received value is not a cognito-identity fake`,
});
