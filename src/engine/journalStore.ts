/**
 * The engine's journal, kept cheap until read. A call is added as the references and the request text it
 * already has; its frozen {@link CallRecord} is made when the journal is first read after it. Its states
 * are not all kept either: keeping every state alive kept every old path of the store's tries alive, the
 * main cost of a write command. The journal keeps the state before a call only where the chain of calls
 * breaks (the first call, a state changed between calls by seeding or `restore()`) and at every
 * {@link CHECKPOINT}-th call, and the state after the last call; any other state is the pure core's replay
 * of the calls since the nearest kept one (commands are deterministic), made once and then remembered, so a
 * state read twice is the same object, and a call's `stateAfter` is the next call's `stateBefore`.
 */
import type { DispatchResult } from "../core/dispatch";
import type { OperationName } from "../core/model/model.generated";
import type { CoreState } from "../core/state";
import { parseBody } from "../wire/protocol";
import { type CallRecord, callRecord, type StatePair, type UnknownOperationName } from "./journal";

/** A call's result: the core's answer, or an error of the wire layer or a scripted one. */
export type CallResult =
  | DispatchResult
  | { readonly ok: false; readonly error: { readonly type: string; readonly message: string } };

/** Runs a recorded successful call again on `state` and returns the state after it. */
export type Replay = (
  state: CoreState,
  operation: string,
  text: string,
  region: string,
  time: number,
) => CoreState;

/** Slots per call: operation, request text, result, region, time, state before, state after. */
const SLOTS = 7;
const BEFORE = 5;
const AFTER = 6;
/**
 * At most this many calls are replayed to rebuild a state (a few milliseconds, once per state read). Every
 * kept state keeps the old paths of the store's tries that later calls copied: at every 32nd call, that was
 * most of what a new identity left alive (3.5 KB per `GetId` against 0.8 KB with no periodic checkpoint).
 */
const CHECKPOINT = 256;
/** In the state-after slot: the call changed nothing, its state after is its state before (whether kept or rebuilt). */
const UNCHANGED = Symbol("unchanged");

/**
 * The calls of an engine, in order.
 *
 * @example
 * ```ts
 * const journal = new Journal(replay);
 * journal.add("GetId", '{"IdentityPoolId":"…"}', result, "us-east-1", Date.now(), before, after);
 * journal.records[0]?.stateAfter; // the state after the call
 * ```
 */
export class Journal {
  /** {@link SLOTS} slots per call held, from call number `base` on. */
  private data: unknown[] = [];
  private base = 0;
  private count = 0;
  private readonly made: CallRecord[] = [];
  private madeUpTo = 0;
  private last: CoreState | undefined;
  /** States before calls, once rebuilt or read (by call number). */
  private readonly befores = new Map<number, CoreState>();
  /** Kept states after calls, once read (by call number). */
  private readonly afters = new Map<number, CoreState>();
  private readonly statesAt = (index: number): StatePair | undefined =>
    index < this.base || index >= this.count
      ? undefined
      : { before: this.before(index), after: this.after(index) };

  constructor(private readonly replay: Replay) {}

  /** Records one call; `text` is the request body, `undefined` when it could not be read as JSON. */
  add(
    operation: string,
    text: string | undefined,
    result: CallResult,
    region: string,
    time: number,
    before: CoreState,
    after: CoreState,
  ): void {
    const index = this.count++;
    const chained = index > this.base && before === this.last;
    // The previous call's state after is this call's state before, kept or rebuilt with it.
    if (chained) this.data[(index - 1 - this.base) * SLOTS + AFTER] = undefined;
    const keep = !chained || index % CHECKPOINT === 0;
    this.data.push(
      operation,
      text,
      result,
      region,
      time,
      keep ? before : undefined,
      after === before ? UNCHANGED : after,
    );
    this.last = after;
  }

  /** Every call so far, in order: the engine's live list. */
  get records(): CallRecord[] {
    for (; this.madeUpTo < this.count; this.madeUpTo++) {
      const at = (this.madeUpTo - this.base) * SLOTS;
      const data = this.data;
      const text = data[at + 1] as string | undefined;
      const result = data[at + 2] as CallResult;
      this.made.push(
        callRecord(
          {
            operation: data[at] as OperationName | UnknownOperationName,
            input: text === undefined ? undefined : parseBody(text),
            ...(result.ok
              ? { output: result.output }
              : { error: { name: result.error.type, message: result.error.message } }),
            region: data[at + 3] as string,
            time: new Date(data[at + 4] as number),
          },
          this.statesAt,
          this.madeUpTo,
        ),
      );
    }
    return this.made;
  }

  /** Keeps only the last `max` calls (a server's bounded journal); the records dropped lose their states. */
  trim(max: number): void {
    const records = this.records;
    if (records.length > max) records.splice(0, records.length - max);
    const first = this.count - max;
    if (first <= this.base) return;
    const kept = this.before(first);
    this.data.splice(0, (first - this.base) * SLOTS);
    this.base = first;
    this.data[BEFORE] = kept;
    for (const cache of [this.befores, this.afters])
      for (const index of cache.keys()) if (index < first) cache.delete(index);
  }

  /** Forgets every call. */
  clear(): void {
    if (this.data.length > 0) this.data = [];
    this.base = this.count = this.madeUpTo = 0;
    this.made.length = 0;
    this.last = undefined;
    // Clearing an empty Map still allocates its table anew: `reset()` of a fake with no calls allocates nothing.
    if (this.befores.size > 0) this.befores.clear();
    if (this.afters.size > 0) this.afters.clear();
  }

  private slot(index: number, slot: number): unknown {
    return this.data[(index - this.base) * SLOTS + slot];
  }

  private before(index: number): CoreState {
    const known = this.befores.get(index) ?? (this.slot(index, BEFORE) as CoreState | undefined);
    if (known !== undefined) return known;
    // Back to the nearest state known (the first call held always keeps its own), then forward.
    let from = index - 1;
    while (this.slot(from, BEFORE) === undefined && !this.befores.has(from)) from--;
    let state = this.befores.get(from) ?? (this.slot(from, BEFORE) as CoreState);
    for (; from < index; from++) {
      state = this.afters.get(from) ?? this.step(from, state);
      this.befores.set(from + 1, state);
    }
    return state;
  }

  private after(index: number): CoreState {
    const kept = this.slot(index, AFTER) as CoreState | typeof UNCHANGED | undefined;
    if (kept === UNCHANGED) return this.before(index);
    if (kept === undefined) return this.before(index + 1);
    this.afters.set(index, kept);
    return kept;
  }

  /** The state after call `index`, from the state before it. */
  private step(index: number, state: CoreState): CoreState {
    const result = this.slot(index, 2) as CallResult;
    if (!result.ok) return state;
    return this.replay(
      state,
      this.slot(index, 0) as string,
      this.slot(index, 1) as string,
      this.slot(index, 3) as string,
      this.slot(index, 4) as number,
    );
  }
}
