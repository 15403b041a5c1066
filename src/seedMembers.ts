/**
 * The members a seed input may have: the service's (PascalCase) names of the operation it stands for, and the
 * fake's own extras. A key that is none of them — `identityPoolName` typed in camelCase, a misspelling — is
 * refused at once, naming the nearest member, instead of being ignored as the service's front end would.
 */
import { OPERATIONS, SHAPES } from "./core/model/model.generated";
import { nearest } from "./engine/operationName";

function structureMembers(shapeName: string): string[] {
  const shape = SHAPES[shapeName];
  return shape?.kind === "structure" ? Object.keys(shape.members) : [];
}

const POOL_MEMBERS: readonly [string, ...string[]] = [
  "IdentityPoolId",
  "Region",
  "Roles",
  "RoleMappings",
  "PrincipalTagAttributeMaps",
  ...structureMembers(OPERATIONS.CreateIdentityPool.input),
];
const IDENTITY_MEMBERS: readonly [string, ...string[]] = [
  "IdentityPoolId",
  "Logins",
  "DeveloperUserIdentifiers",
];

function requireMembers(api: string, input: unknown, members: readonly [string, ...string[]]): void {
  if (typeof input !== "object" || input === null) return; // validation answers with the service's error
  for (const key of Object.keys(input)) {
    if (!members.includes(key)) {
      throw new TypeError(`${api}: unknown member "${key}". Did you mean "${nearest(key, members)}"?`);
    }
  }
}

/**
 * Refuses a `seedIdentityPool` input with a member the fake does not know.
 *
 * @example
 * ```ts
 * requirePoolMembers({ identityPoolName: "app" }); // throws: … Did you mean "IdentityPoolName"?
 * ```
 */
export const requirePoolMembers = (input: unknown): void =>
  requireMembers("seedIdentityPool", input, POOL_MEMBERS);

/**
 * Refuses a `seedIdentity` / `seedIdentities` input with a member the fake does not know.
 *
 * @example
 * ```ts
 * requireIdentityMembers({ IdentityPoolId: id, logins: {} }); // throws: … Did you mean "Logins"?
 * ```
 */
export const requireIdentityMembers = (input: unknown): void =>
  requireMembers("seedIdentity", input, IDENTITY_MEMBERS);
