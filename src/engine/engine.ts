/**
 * The stateful shell around the pure core: it holds the current state, answers serialized requests through
 * `dispatch`, and keeps the journal, the scripted failures and the record of issued credentials. Every
 * adapter (SDK plug-in, request handler, HTTP server) goes through {@link Engine.handle}.
 */
import { type DispatchResult, dispatch } from "../core/dispatch";
import { IdSource } from "../core/ids";
import type { OperationName } from "../core/model/model.generated";
import { type Context, type CoreState, type CredentialIssue, type Env, initialState } from "../core/state";
import {
  parseBody,
  readRequestText,
  regionOfHost,
  type WireError,
  type WireRequest,
  type WireResponse,
  writeResponse,
} from "../wire/protocol";
import type { CallRecord } from "./journal";
import { Journal } from "./journalStore";

export type { CallRecord, UnknownOperationName } from "./journal";

/** A service error to answer with: a name such as `TooManyRequestsException`, and optionally its text and status. */
export interface FailureSpec {
  readonly name: string;
  readonly message?: string;
  readonly statusCode?: number;
}

/** Settings of an engine. */
export interface EngineOptions {
  readonly accountId: string;
  readonly region: string;
  readonly seed: number;
  readonly now: () => Date;
}

interface ScriptedFailure {
  readonly operation: OperationName | "*";
  readonly error: FailureSpec;
  remaining: number;
}

/** The stateful engine behind a fake. */
export class Engine {
  /** The current state. */
  state: CoreState;
  private readonly journal = new Journal((state, operation, text, region, time) => {
    const answer = dispatch(state, operation, parseBody(text), this.contextAt(region, time));
    if (!answer.result.ok)
      throw new Error(`the journal's replay of ${operation} failed: ${answer.result.error.type}`);
    return answer.state;
  });
  readonly issued: CredentialIssue[] = [];
  /**
   * The issued credentials by access key id, for `issued.slice(0, indexedIssues)`. Built when first asked:
   * a lookup is rare (a test asking after one key), an issue is every credentials call, and a Map that grows
   * by every access key id cost microseconds per call.
   */
  private readonly issuedByKey = new Map<string, CredentialIssue>();
  private indexedIssues = 0;
  private failures: ScriptedFailure[] = [];
  private readonly requestIds: IdSource;
  private lastHost: { readonly hostname: string | undefined; readonly region: string };

  constructor(readonly options: EngineOptions) {
    this.state = initialState(options.seed);
    this.requestIds = new IdSource(options.seed ^ 0x7f4a7c15, 0);
    this.lastHost = { hostname: "", region: options.region };
  }

  /** The context of a command sent to `region` now. */
  context(region = this.options.region): Context {
    return this.contextAt(region, this.options.now().getTime());
  }

  private contextAt(region: string, now: number): Context {
    return { accountId: this.options.accountId, region, now };
  }

  /** Every request received, in order (the records are made when first read). */
  get calls(): CallRecord[] {
    return this.journal.records;
  }

  /** Keeps only the last `max` records of the journal (a server's bounded journal). */
  trimJournal(max: number): void {
    this.journal.trim(max);
  }

  /** The region a request to `hostname` goes to; the last host is remembered (a client keeps one). */
  private regionOf(hostname: string | undefined): string {
    if (hostname !== this.lastHost.hostname) {
      this.lastHost = { hostname, region: regionOfHost(hostname) ?? this.options.region };
    }
    return this.lastHost.region;
  }

  /** Answers one serialized request, as the service would. Synchronous, so each command is atomic. */
  handle(request: WireRequest): WireResponse {
    const region = this.regionOf(request.hostname);
    const ctx = this.context(region);
    const parsed = readRequestText(request);
    const input = parsed.ok ? parsed.input : undefined;
    const before = this.state;
    let result: DispatchResult | { readonly ok: false; readonly error: WireError };
    const failure = parsed.ok ? this.takeFailure(parsed.operation) : undefined;
    if (!parsed.ok) {
      result = { ok: false, error: { type: parsed.type, message: parsed.message } };
    } else if (failure) {
      const message = failure.message ?? `${failure.name} injected by the fake.`;
      result = {
        ok: false,
        error: {
          type: failure.name,
          message,
          ...(failure.statusCode === undefined ? {} : { statusCode: failure.statusCode }),
        },
      };
    } else {
      const answer = dispatch(this.state, parsed.operation, input, ctx);
      this.state = answer.state;
      result = answer.result;
      if (result.ok && result.issued) {
        this.issued.push(Object.freeze(result.issued));
      }
    }
    this.journal.add(
      parsed.operation,
      parsed.ok ? parsed.text : undefined,
      result,
      region,
      ctx.now,
      before,
      this.state,
    );
    return writeResponse(result, this.requestIds.guid());
  }

  /**
   * The credentials issued under `accessKeyId`, if the fake issued them.
   *
   * @example
   * ```ts
   * engine.issuedKey("ASIA…")?.roleArn; // the role the credentials are for
   * ```
   */
  issuedKey(accessKeyId: string): CredentialIssue | undefined {
    for (; this.indexedIssues < this.issued.length; this.indexedIssues++) {
      const issue = this.issued[this.indexedIssues] as CredentialIssue;
      this.issuedByKey.set(issue.accessKeyId, issue);
    }
    return this.issuedByKey.get(accessKeyId);
  }

  /**
   * Runs a pure state change (seeding) with the engine's context; commits only if it does not throw, so a
   * failed seed changes nothing. (Bulk store updates batch themselves inside the store.)
   */
  apply<T>(region: string | undefined, change: (state: CoreState, env: Env) => { state: CoreState } & T): T {
    const ids = new IdSource(this.state.seed, this.state.idPosition);
    const { state, ...rest } = change(this.state, { ctx: this.context(region), ids });
    this.state = Object.freeze({ ...state, idPosition: ids.position });
    return rest as unknown as T;
  }

  /** Scripts the next `times` requests of `operation` (or `*` for any) to fail with `error`. */
  failNext(operation: OperationName | "*", error: FailureSpec, times: number): void {
    this.failures.push({ operation, error, remaining: times });
  }

  private takeFailure(operation: string): FailureSpec | undefined {
    if (this.failures.length === 0) return undefined;
    const found = this.failures.find((f) => f.operation === operation || f.operation === "*");
    if (!found) return undefined;
    found.remaining -= 1;
    if (found.remaining <= 0) this.failures = this.failures.filter((f) => f !== found);
    return found.error;
  }

  /** Back to the empty state, the initial ID sequence, and an empty journal. */
  reset(): void {
    this.state = initialState(this.options.seed);
    this.journal.clear();
    // Only what holds something is cleared: clearing an empty Map still allocates its table anew.
    this.issued.length = 0;
    this.indexedIssues = 0;
    if (this.issuedByKey.size > 0) this.issuedByKey.clear();
    if (this.failures.length > 0) this.failures = [];
  }
}
