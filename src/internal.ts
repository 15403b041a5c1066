/**
 * Internal access to the store behind a fake or a snapshot, for the library's own tests (the model-based
 * harness and its invariants). Not exported from the package's entries: users read `fake.state`.
 */
import type { CoreState } from "./core/state";
import type { CognitoIdentityFake, FakeSnapshot } from "./fakeApi";

const cores = new WeakMap<object, () => CoreState>();

/** Records how to read the store behind a fake or a snapshot. */
export function registerCore(holder: CognitoIdentityFake | FakeSnapshot, read: () => CoreState): void {
  cores.set(holder, read);
}

/**
 * The internal state behind a fake (its current state) or a snapshot.
 *
 * @example
 * ```ts
 * checkInvariants(coreStateOf(fake));
 * ```
 */
export function coreStateOf(holder: CognitoIdentityFake | FakeSnapshot): CoreState {
  const read = cores.get(holder);
  if (!read) throw new TypeError("not a cognito-identity fake, nor a snapshot taken by fake.snapshot()");
  return read();
}

/** Whether `value` is a fake made by `createCognitoIdentityFake`. */
export const isFake = (value: unknown): value is CognitoIdentityFake =>
  typeof value === "object" && value !== null && cores.has(value) && "calls" in value;
