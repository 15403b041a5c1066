/**
 * Internal access to the store behind a fake or a snapshot, for the library's matchers and own tests (the
 * model-based harness and its invariants). Not exported from the package's entries: users read `fake.state`.
 * The accessor is a non-enumerable member under a registered symbol, so it works across copies of the library
 * (an entry bundled with its own copy still recognizes a fake made by another) and is never printed.
 */
import type { CoreState } from "./core/state";
import type { CognitoIdentityFake, FakeSnapshot } from "./fakeApi";

const CORE = Symbol.for("cognito-identity-fake.coreState");

/** Records how to read the store behind a fake or a snapshot (before it is frozen). */
export function registerCore(holder: CognitoIdentityFake | FakeSnapshot, read: () => CoreState): void {
  Object.defineProperty(holder, CORE, { value: read });
}

const readerOf = (holder: unknown): (() => CoreState) | undefined => {
  if (typeof holder !== "object" || holder === null) return undefined;
  const read = (holder as { [CORE]?: unknown })[CORE];
  return typeof read === "function" ? (read as () => CoreState) : undefined;
};

/**
 * The internal state behind a fake (its current state) or a snapshot.
 *
 * @example
 * ```ts
 * checkInvariants(coreStateOf(fake));
 * ```
 */
export function coreStateOf(holder: CognitoIdentityFake | FakeSnapshot): CoreState {
  const read = readerOf(holder);
  if (!read) throw new TypeError("not a cognito-identity fake, nor a snapshot taken by fake.snapshot()");
  return read();
}

/** Whether `value` is a fake made by `createCognitoIdentityFake` (by any copy of the library). */
export const isFake = (value: unknown): value is CognitoIdentityFake =>
  readerOf(value) !== undefined && "calls" in (value as object) && "changesOf" in (value as object);
