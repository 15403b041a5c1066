/**
 * The journal: one frozen record per request received. Each record also keeps the state before and after
 * its call — two references to immutable states, free thanks to structural sharing — readable through
 * inherited, non-enumerable members, so printing, snapshots and `toEqual` see only the call itself.
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

const states = new WeakMap<object, { readonly before: CoreState; readonly after: CoreState }>();

/**
 * The prototype of every call record: `stateBefore` and `stateAfter` live here, so they are not own members
 * (never printed, serialized or compared) and a record costs no more to make than a plain object.
 */
const CALL_PROTOTYPE: object = Object.freeze(
  Object.create(Object.prototype, {
    stateBefore: {
      get(this: object) {
        const found = states.get(this);
        return found && stateView(found.before);
      },
    },
    stateAfter: {
      get(this: object) {
        const found = states.get(this);
        return found && stateView(found.after);
      },
    },
  }),
);

/** A frozen call record that keeps the states before and after its call. */
export function callRecord(fields: CallFields, before: CoreState, after: CoreState): CallRecord {
  const record = Object.assign(Object.create(CALL_PROTOTYPE) as object, fields);
  states.set(record, { before, after });
  return Object.freeze(record) as CallRecord;
}

/** The states before and after a call of a journal, or `undefined` for anything else. */
export function statesOf(call: unknown): { before: CoreState; after: CoreState } | undefined {
  return typeof call === "object" && call !== null ? states.get(call) : undefined;
}
