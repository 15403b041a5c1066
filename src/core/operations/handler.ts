/**
 * The contract every operation implements: a pure function from the current state and a validated input to
 * the next state and the output. Handlers throw {@link ServiceError} for service errors; `dispatch` then
 * keeps the old state.
 */
import type { OperationName, OperationTypes } from "../model/model.generated";
import type { CoreState, CredentialIssue, Env } from "../state";

/** What a handler returns. */
export interface Outcome<O> {
  readonly state: CoreState;
  readonly output: O;
  /** Set by operations that issue credentials. */
  readonly issued?: CredentialIssue;
}

/** An operation's pure implementation. */
export type Handler<K extends OperationName> = (
  state: CoreState,
  input: OperationTypes[K]["input"],
  env: Env,
) => Outcome<OperationTypes[K]["output"]>;

/** Every operation's implementation. */
export type HandlerTable = { readonly [K in OperationName]: Handler<K> };
