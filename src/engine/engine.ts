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
  readRequest,
  regionOfHost,
  type WireError,
  type WireRequest,
  type WireResponse,
  writeResponse,
} from "../wire/protocol";
import { type CallRecord, callRecord, type UnknownOperationName } from "./journal";

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
  readonly calls: CallRecord[] = [];
  readonly issued: CredentialIssue[] = [];
  /** The issued credentials by access key id. */
  readonly issuedByKey = new Map<string, CredentialIssue>();
  private failures: ScriptedFailure[] = [];
  private readonly requestIds: IdSource;

  constructor(readonly options: EngineOptions) {
    this.state = initialState(options.seed);
    this.requestIds = new IdSource(options.seed ^ 0x7f4a7c15, 0);
  }

  /** The context of a command sent to `region` now. */
  context(region = this.options.region): Context {
    return { accountId: this.options.accountId, region, now: this.options.now().getTime() };
  }

  /** Answers one serialized request, as the service would. Synchronous, so each command is atomic. */
  handle(request: WireRequest): WireResponse {
    const region = regionOfHost(request.hostname) ?? this.options.region;
    const ctx = this.context(region);
    const parsed = readRequest(request);
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
        const issue = Object.freeze(result.issued);
        this.issued.push(issue);
        this.issuedByKey.set(issue.accessKeyId, issue);
      }
    }
    this.calls.push(
      callRecord(
        {
          operation: parsed.operation as OperationName | UnknownOperationName,
          input,
          ...(result.ok
            ? { output: result.output }
            : { error: { name: result.error.type, message: result.error.message } }),
          region,
          time: new Date(ctx.now),
        },
        before,
        this.state,
      ),
    );
    return writeResponse(result, this.requestIds.guid());
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
    const found = this.failures.find((f) => f.operation === operation || f.operation === "*");
    if (!found) return undefined;
    found.remaining -= 1;
    if (found.remaining <= 0) this.failures = this.failures.filter((f) => f !== found);
    return found.error;
  }

  /** Back to the empty state, the initial ID sequence, and an empty journal. */
  reset(): void {
    this.state = initialState(this.options.seed);
    this.calls.length = 0;
    this.issued.length = 0;
    this.issuedByKey.clear();
    this.failures = [];
  }
}
