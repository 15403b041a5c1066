/**
 * The one entry point of the core: `(state, operation, input, context) -> { state, result }`.
 */
import { errors, ServiceError } from "./errors";
import { IdSource } from "./ids";
import type { OperationName } from "./model/model.generated";
import { OPERATIONS } from "./model/model.generated";
import { HANDLERS } from "./operations/index";
import type { Context, CoreState, CredentialIssue } from "./state";
import { parseInput } from "./validation/validate";

/** A service error: its name and message (the wire layer gives it its HTTP status). */
export interface ErrorResult {
  readonly ok: false;
  readonly error: { readonly type: string; readonly message: string };
}

/** A successful command: the output as the wire carries it (dates in epoch seconds). */
export interface SuccessResult {
  readonly ok: true;
  readonly output: Record<string, unknown>;
  readonly issued?: CredentialIssue;
}

/** The answer to one command. */
export type DispatchResult = SuccessResult | ErrorResult;

/**
 * Whether `name` is one of the service's operations.
 *
 * @example
 * ```ts
 * isOperation("GetId"); // true
 * isOperation("ListUserPools"); // false (that is Cognito user pools)
 * ```
 */
export const isOperation = (name: string): name is OperationName => Object.hasOwn(OPERATIONS, name);

/**
 * Runs one command. Pure: the same arguments give the same answer. On error the returned `state` is the
 * very object passed in (`===`), so a failed command changes nothing.
 *
 * @example
 * ```ts
 * import { dispatch, initialState } from "cognito-identity-fake/core";
 * const ctx = { accountId: "123456789012", region: "us-east-1", now: Date.now() };
 * const { state, result } = dispatch(initialState(1), "CreateIdentityPool",
 *   { IdentityPoolName: "app", AllowUnauthenticatedIdentities: true }, ctx);
 * if (result.ok) console.log(result.output.IdentityPoolId); // "us-east-1:…"
 * ```
 */
export function dispatch(
  state: CoreState,
  operation: string,
  input: unknown,
  context: Context,
): { state: CoreState; result: DispatchResult } {
  try {
    if (!isOperation(operation)) {
      throw errors.unknownOperation(operation);
    }
    const clean = parseInput(operation, input);
    const ids = new IdSource(state.seed, state.idPosition);
    const handler = HANDLERS[operation] as (
      s: CoreState,
      i: unknown,
      e: { ctx: Context; ids: IdSource },
    ) => {
      state: CoreState;
      output: object;
      issued?: CredentialIssue;
    };
    const outcome = handler(state, clean, { ctx: context, ids });
    const next =
      ids.position === state.idPosition
        ? outcome.state
        : Object.freeze({ ...outcome.state, idPosition: ids.position });
    const result: SuccessResult = outcome.issued
      ? { ok: true, output: outcome.output as Record<string, unknown>, issued: outcome.issued }
      : { ok: true, output: outcome.output as Record<string, unknown> };
    return { state: next, result };
  } catch (err) {
    if (err instanceof ServiceError) {
      return {
        state,
        result: { ok: false, error: { type: err.type, message: err.message } },
      };
    }
    const message = err instanceof Error ? err.message : String(err);
    return {
      state,
      result: { ok: false, error: { type: "InternalErrorException", message } },
    };
  }
}
