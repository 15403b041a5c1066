/**
 * The jest entry, `cognito-identity-fake/jest`: {@link useCognitoIdentityFake} sets a fake up for a test file,
 * and importing this module registers the custom matchers on jest's `expect`.
 */
import {
  type CognitoIdentityFake,
  type CognitoIdentityFakeOptions,
  createCognitoIdentityFake,
} from "../fake";
import { type FakeMatchers, matchers } from "../matchers/matchers";
import type { InstallOptions } from "../sdk/install";

export type { FakeMatchers } from "../matchers/matchers";

type Hook = (fn: () => unknown) => void;
interface JestGlobals {
  beforeAll?: Hook;
  afterEach?: Hook;
  afterAll?: Hook;
  expect?: { extend(matchers: Record<string, unknown>): void };
}
const globals = globalThis as unknown as JestGlobals;

/** Options of {@link useCognitoIdentityFake}: the fake's options, and what `install()` takes. */
export interface UseCognitoIdentityFakeOptions extends CognitoIdentityFakeOptions {
  /** Passed to `fake.install()` (e.g. extra client classes of an ESM copy of the SDK). */
  readonly install?: InstallOptions;
}

/**
 * Creates a fake for the current test file: installs it before all tests (so every Cognito Identity client of
 * the process, credential providers included, is answered by it), resets it after each test, and uninstalls
 * it after all. Call it at the top level of a test file.
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
      "useCognitoIdentityFake must be called in a jest test file (beforeAll/afterEach/afterAll are missing).",
    );
  }
  const fake = createCognitoIdentityFake(options);
  beforeAll(() => {
    fake.install(options.install);
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.uninstall());
  return fake;
}

globals.expect?.extend(matchers as unknown as Record<string, unknown>);

declare global {
  namespace jest {
    interface Matchers<R> extends FakeMatchers<R> {}
  }
}
