/**
 * The journal: one frozen record per request received. Each record also gives the state before and after
 * its call, through inherited, non-enumerable members, so printing, snapshots and `toEqual` see only the call
 * itself. The records and the states are made when first read (see `journalStore.ts`).
 */

import type { OperationName } from "../core/model/model.generated";
import type { CoreState } from "../core/state";
import { type FakeState, stateView } from "../core/stateView";

/**
 * A target that is not one of the service's operations, as the request sent it (the request was answered
 * with `UnknownOperationException`). Typed apart from {@link OperationName} so that code handling the
 * journal's known operations stays exhaustive.
 *
 * @example
 * ```ts
 * const unknown = fake.calls.filter((c) => c.error?.name === "UnknownOperationException").map((c) => c.operation);
 * ```
 */
export type UnknownOperationName = string & { readonly __unknownOperation: true };

/**
 * One request the fake received.
 *
 * @example
 * ```ts
 * const failed = fake.calls.filter((c) => c.error);
 * failed.map((c) => `${c.operation}: ${c.error?.name}`); // ["GetId: NotAuthorizedException"]
 * ```
 */
export interface CallRecord {
  /** The operation named by the request's target (as sent, even when unknown). */
  readonly operation: OperationName | UnknownOperationName;
  /** The request body as parsed JSON (`undefined` when it was not JSON). */
  readonly input: unknown;
  /** The output, when the command succeeded. */
  readonly output?: Readonly<Record<string, unknown>>;
  /** The service error, when it failed. */
  readonly error?: { readonly name: string; readonly message: string };
  /** The region the request went to. */
  readonly region: string;
  readonly time: Date;
  /** The whole state just before the call (not enumerable: not printed). */
  readonly stateBefore: FakeState;
  /** The whole state just after the call (the same object when the call changed nothing). */
  readonly stateAfter: FakeState;
}

/** The fields of a call record, without the states. */
export type CallFields = Omit<CallRecord, "stateBefore" | "stateAfter">;

/** Where a record's states come from: its journal and its place in it. */
const places = new WeakMap<
  object,
  { readonly states: (index: number) => StatePair | undefined; readonly index: number }
>();

/** The states before and after one call. */
export interface StatePair {
  readonly before: CoreState;
  readonly after: CoreState;
}

/**
 * The prototype of every call record: `stateBefore` and `stateAfter` live here, so they are not own members
 * (never printed, serialized or compared) and a record costs no more to make than a plain object.
 */
const CALL_PROTOTYPE: object = Object.freeze(
  Object.create(Object.prototype, {
    stateBefore: {
      get(this: object) {
        const found = statesOf(this);
        return found && stateView(found.before);
      },
    },
    stateAfter: {
      get(this: object) {
        const found = statesOf(this);
        return found && stateView(found.after);
      },
    },
  }),
);

/** A frozen call record whose states are `states(index)`. */
export function callRecord(
  fields: CallFields,
  states: (index: number) => StatePair | undefined,
  index: number,
): CallRecord {
  const record = Object.assign(Object.create(CALL_PROTOTYPE) as object, fields);
  places.set(record, { states, index });
  return Object.freeze(record) as CallRecord;
}

/** The states before and after a call of a journal, or `undefined` for anything else. */
export function statesOf(call: unknown): StatePair | undefined {
  const place = typeof call === "object" && call !== null ? places.get(call) : undefined;
  return place?.states(place.index);
}
