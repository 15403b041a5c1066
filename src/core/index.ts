/**
 * The pure core of cognito-identity-fake: the state type, the initial state and the dispatch function.
 * No I/O and no SDK: `(state, operation, input, context) -> { state, result }`.
 */

export type { DispatchResult, ErrorResult, SuccessResult } from "./dispatch";
export { dispatch, isOperation } from "./dispatch";
export { ServiceError } from "./errors";
export type * from "./model/model.generated";
export { OPERATION_NAMES, OPERATIONS, SHAPES } from "./model/model.generated";
export type { MemberRef, OperationSpec, Shape } from "./model/shape";
export type {
  Context,
  CoreState,
  CredentialIssue,
  PoolEntry,
  StoredIdentity,
  StoredPool,
  StoredPrincipalTagMap,
} from "./state";
export { initialState } from "./state";
export type { PMap } from "./store/pmap";
export { OPENID_ISSUER, openIdIssuer } from "./tokens/openid";
export { parseInput, validationMessage } from "./validation/validate";
