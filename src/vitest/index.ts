/**
 * The Vitest entry, `cognito-identity-fake/vitest`: {@link useCognitoIdentityFake} with Vitest's own hooks, and
 * the custom matchers registered on (and typed for) Vitest's `expect`. No `globals: true` needed.
 */
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { CognitoIdentityFake } from "../fake";
import { type FakeMatchers, matchers } from "../matchers/matchers";
import { type UseCognitoIdentityFakeOptions, useFakeWithHooks } from "../runners/useFake";

export type { FakeMatchers } from "../matchers/matchers";
export { matchers } from "../matchers/matchers";
export type { UseCognitoIdentityFakeOptions } from "../runners/useFake";

/**
 * Creates a fake for the current test file: installs it before all tests, resets it after each test, and
 * uninstalls it after all, with the hooks `vitest` exports. Retries of the fake's scripted failures take no
 * time (`immediateRetries`, on unless you pass `false`). Call it at the top level of a test file.
 *
 * @example
 * ```ts
 * import { expect, test } from "vitest";
 * import { useCognitoIdentityFake } from "cognito-identity-fake/vitest";
 *
 * const fake = useCognitoIdentityFake({ seed: 1 });
 *
 * test("creates a pool", async () => {
 *   await codeUnderTest();
 *   expect(fake).toHaveReceivedOperation("CreateIdentityPool", 1);
 * });
 * ```
 */
export function useCognitoIdentityFake(options: UseCognitoIdentityFakeOptions = {}): CognitoIdentityFake {
  return useFakeWithHooks({ beforeAll, afterEach, afterAll }, options);
}

expect.extend(matchers);

declare module "vitest" {
  // biome-ignore lint/suspicious/noExplicitAny: an augmentation repeats Vitest's own type parameters exactly
  interface Matchers<T = any> extends FakeMatchers<void> {}
  interface AsymmetricMatchersContaining extends FakeMatchers<void> {}
}
