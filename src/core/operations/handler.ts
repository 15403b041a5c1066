/**
 * The contract every operation implements: a pure function from the current state and a validated input to
 * the next state and the output. Handlers throw {@link ServiceError} for service errors; `dispatch` then
 * keeps the old state.
 */
import type { IdSource } from "../ids";
import type { OperationName, OperationTypes } from "../model/model.generated";
import type { Context, CoreState } from "../state";

/** What a handler may use besides the state: the request context and the ID generator. */
export interface Env {
  readonly ctx: Context;
  readonly ids: IdSource;
}

/** A credential issue, reported by `GetCredentialsForIdentity` so the fake can record it. */
export interface CredentialIssue {
  readonly identityId: string;
  readonly identityPoolId: string;
  readonly roleArn: string;
  readonly accessKeyId: string;
  /** Epoch milliseconds. */
  readonly expiration: number;
  readonly principalTags: Readonly<Record<string, string>>;
}

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
