/**
 * A small reference model of Cognito Identity for the model-based property test, written separately from the
 * fake: plain mutable `Map`s and arrays, linear scans, one rule per documented behaviour (`semantics.md`,
 * SPEC §3). It covers the slice of the service the property test generates: pools with Facebook (opaque
 * tokens), one Cognito user pool (JWT tokens the test mints), a developer provider, tags, roles with simple
 * role mappings, principal-tag maps, guests, logins, developer users, merges, unlinks and deletions.
 *
 * Inputs are the API's inputs, except that an id is a {@link Ref}: `{ m: n }` for the n-th pool or identity the
 * model created, or `{ raw }` for a string that names nothing the model created (it may be malformed).
 * Outputs name model ids as `{ $pool: n }` / `{ $identity: n }`; the test maps them to the fake's ids by order
 * of creation.
 *
 * Every command runs on a copy of the model and replaces it only on success, so a failed command changes
 * nothing by construction.
 */
import type { Identity, Pool } from "./reference/common";
import { ReferenceRolesAndTags } from "./reference/rolesAndTags";

export * from "./reference/common";

/** The reference model: every operation the property test generates (see the files of `reference/`). */
export class ReferenceModel extends ReferenceRolesAndTags {}

export type ModelPool = Pool;
export type ModelIdentity = Identity;
