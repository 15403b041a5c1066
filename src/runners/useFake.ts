/**
 * What the jest and Vitest entries share: a fake for one test file, set up with the runner's own hooks.
 */
import {
  type CognitoIdentityFake,
  type CognitoIdentityFakeOptions,
  createCognitoIdentityFake,
} from "../fake";
import type { InstallOptions } from "../sdk/install";

/** Options of `useCognitoIdentityFake`: the fake's options, and what `install()` takes. */
export interface UseCognitoIdentityFakeOptions extends CognitoIdentityFakeOptions {
  /** Passed to `fake.install()` (e.g. extra client classes of an ESM copy of the SDK). */
  readonly install?: InstallOptions;
}

type Hook = (fn: () => unknown) => unknown;

/** The lifecycle hooks of a test runner (jest's globals, or those `vitest` exports). */
export interface TestHooks {
  readonly beforeAll: Hook;
  readonly afterEach: Hook;
  readonly afterAll: Hook;
}

/**
 * Creates a fake with immediate retries on by default, installs it before all tests of the file, resets it
 * after each test and uninstalls it after all, with the given runner's hooks.
 *
 * @example
 * ```ts
 * import { afterAll, afterEach, beforeAll } from "vitest";
 * const fake = useFakeWithHooks({ beforeAll, afterEach, afterAll }, { seed: 1 });
 * ```
 */
export function useFakeWithHooks(
  hooks: TestHooks,
  options: UseCognitoIdentityFakeOptions,
): CognitoIdentityFake {
  const fake = createCognitoIdentityFake({ ...options, immediateRetries: options.immediateRetries ?? true });
  hooks.beforeAll(() => {
    fake.install(options.install);
  });
  hooks.afterEach(() => fake.reset());
  hooks.afterAll(() => fake.uninstall());
  return fake;
}
