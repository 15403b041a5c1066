/**
 * The jest entry, `cognito-identity-fake/jest`: {@link useCognitoIdentityFake} sets a fake up for a test file,
 * and importing this module registers the custom matchers on jest's `expect`. Their types apply to the global
 * `expect` and to `import { expect } from "@jest/globals"`.
 */
import type { CognitoIdentityFake } from "../fake";
import { type FakeMatchers, matchers } from "../matchers/matchers";
import { type TestHooks, type UseCognitoIdentityFakeOptions, useFakeWithHooks } from "../runners/useFake";

export type { FakeMatchers } from "../matchers/matchers";
export { matchers } from "../matchers/matchers";
export type { UseCognitoIdentityFakeOptions } from "../runners/useFake";

interface JestGlobals extends Partial<TestHooks> {
  expect?: { extend(matchers: Record<string, unknown>): void };
}
const globals = globalThis as unknown as JestGlobals;

/**
 * Creates a fake for the current test file: installs it before all tests (so every Cognito Identity client of
 * the process, credential providers included, is answered by it), resets it after each test, and uninstalls
 * it after all. Retries of the fake's scripted failures take no time (`immediateRetries`, on unless you pass
 * `false`). Call it at the top level of a test file.
 *
 * @example
 * ```ts
 * import { useCognitoIdentityFake } from "cognito-identity-fake/jest";
 *
 * const fake = useCognitoIdentityFake({ seed: 1 });
 *
 * test("signs a user in", async () => {
 *   const pool = fake.seedIdentityPool({ IdentityPoolName: "app", AllowUnauthenticatedIdentities: true });
 *   await codeUnderTest(pool.IdentityPoolId);
 *   expect(fake).toHaveIdentityWithLogin("graph.facebook.com", "fb-user");
 * });
 * ```
 */
export function useCognitoIdentityFake(options: UseCognitoIdentityFakeOptions = {}): CognitoIdentityFake {
  const { beforeAll, afterEach, afterAll } = globals;
  if (!beforeAll || !afterEach || !afterAll) {
    throw new Error(
      "useCognitoIdentityFake must be called in a jest test file (beforeAll/afterEach/afterAll are missing); " +
        "under Vitest, import it from cognito-identity-fake/vitest.",
    );
  }
  return useFakeWithHooks({ beforeAll, afterEach, afterAll }, options);
}

globals.expect?.extend(matchers as unknown as Record<string, unknown>);

declare global {
  namespace jest {
    interface Matchers<R> extends FakeMatchers<R> {}
  }
}

declare module "expect" {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends FakeMatchers<R> {}
}
