/**
 * Custom matchers over a fake's state, journal and issued credentials, as a plain object that jest's, Vitest's
 * or any runner's `expect.extend` takes. A failing matcher says what it expected, then lists the operations
 * the fake received with their outcomes and what each changed.
 */
import type { OperationName } from "../core/model/model.generated";
import {
  toHaveIssuedCredentialsFor,
  toHaveIssuedCredentialsWithRole,
  toHaveReceivedOperation,
  toHaveReceivedOperationWith,
} from "./journalMatchers";
import { toHaveIdentityPool, toHaveIdentityWithLogin, toHaveLinkedDeveloperUser } from "./stateMatchers";

/**
 * The matchers `cognito-identity-fake/jest` adds to `expect(fake)`.
 *
 * @example
 * ```ts
 * expect(fake).toHaveIdentityPool("app");
 * expect(fake).toHaveReceivedOperationWith("GetId", { IdentityPoolId: pool.IdentityPoolId });
 * ```
 */
export interface FakeMatchers<R> {
  /** Some identity (in any pool) has `userIdentifier` of `provider` linked. */
  toHaveIdentityWithLogin(provider: string, userIdentifier: string): R;
  /** A pool (in any region) has this name or id. */
  toHaveIdentityPool(nameOrId: string): R;
  /** The developer user is linked to an identity of the pool. */
  toHaveLinkedDeveloperUser(identityPoolId: string, userIdentifier: string): R;
  /** Some credential was issued with this role (and, when given, to this identity). */
  toHaveIssuedCredentialsWithRole(roleArn: string, identityId?: string): R;
  /** Some credential was issued to this identity (and, when given, with this role). */
  toHaveIssuedCredentialsFor(identityId: string, roleArn?: string): R;
  /** The fake received `operation` (exactly `times` times when given), failed requests included. */
  toHaveReceivedOperation(operation: OperationName, times?: number): R;
  /** The fake received `operation` with an input containing `partialInput` (compared as `toMatchObject`). */
  toHaveReceivedOperationWith(operation: OperationName, partialInput: Readonly<Record<string, unknown>>): R;
}

/**
 * The matcher implementations, as `expect.extend` takes them.
 *
 * @example
 * ```ts
 * expect.extend(matchers);
 * ```
 */
export const matchers = {
  toHaveIdentityWithLogin,
  toHaveIdentityPool,
  toHaveLinkedDeveloperUser,
  toHaveIssuedCredentialsWithRole,
  toHaveIssuedCredentialsFor,
  toHaveReceivedOperation,
  toHaveReceivedOperationWith,
};
