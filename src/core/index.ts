/**
 * The pure core of cognito-identity-fake: the state type, the initial state and the dispatch function.
 * No I/O and no SDK: `(state, operation, input, context) -> { state, result }`.
 */

import type { Key } from "./store/hash";
import type { PMap as StoreMap } from "./store/pmap";

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
export { OPENID_ISSUER, openIdIssuer } from "./tokens/openid";

/**
 * The persistent map the state's collections are (`state.pools`, a pool's `identities`…): read them with `get`,
 * `has`, `size`, iteration. A type only: the store is what writes them, so there is no constructor to import.
 *
 * @example
 * ```ts
 * const pools: PMap<string, PoolEntry> = coreState.pools;
 * pools.get("us-east-1:…")?.identities.size;
 * ```
 */
export type PMap<K extends Key, V> = StoreMap<K, V>;
export { parseInput, validationMessage } from "./validation/validate";
