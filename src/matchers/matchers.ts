/**
 * Custom matchers (jest, Vitest or any runner whose expect.extend takes them) over a fake's state, journal and issued credentials. Pure functions of the received
 * fake: they read the state through its indexes and never copy it.
 */

import { loginOwner } from "../core/store/identities";
import type { CognitoIdentityFake } from "../fake";

/** The matchers `cognito-identity-fake/jest` adds to `expect(fake)`. */
export interface FakeMatchers<R> {
  /** Some identity (in any pool) has `userIdentifier` of `provider` linked. */
  toHaveIdentityWithLogin(provider: string, userIdentifier: string): R;
  /** Some credential was issued with this role (and, when given, to this identity). */
  toHaveIssuedCredentialsWithRole(roleArn: string, identityId?: string): R;
  /** The fake received `operation` (exactly `times` times when given), failed requests included. */
  toHaveReceivedOperation(operation: string, times?: number): R;
}

interface Result {
  pass: boolean;
  message: () => string;
}

const isFake = (value: unknown): value is CognitoIdentityFake =>
  typeof value === "object" &&
  value !== null &&
  "state" in value &&
  "calls" in value &&
  "issuedCredentials" in value;

const notAFake = (name: string): Result => ({
  pass: false,
  message: () => `${name}: the received value is not a cognito-identity fake`,
});

/** The matcher implementations, as `expect.extend` takes them. */
export const matchers = {
  toHaveIdentityWithLogin(received: unknown, provider: string, userIdentifier: string): Result {
    if (!isFake(received)) return notAFake("toHaveIdentityWithLogin");
    let owner: string | undefined;
    for (const entry of received.state.pools.values()) {
      owner = loginOwner(entry, provider, userIdentifier);
      if (owner) break;
    }
    return {
      pass: owner !== undefined,
      message: () =>
        owner
          ? `expected no identity with ${provider} login '${userIdentifier}', but ${owner} has it`
          : `expected an identity with ${provider} login '${userIdentifier}', but none has it`,
    };
  },

  toHaveIssuedCredentialsWithRole(received: unknown, roleArn: string, identityId?: string): Result {
    if (!isFake(received)) return notAFake("toHaveIssuedCredentialsWithRole");
    const issued = received.issuedCredentials;
    const pass = issued.some(
      (c) => c.roleArn === roleArn && (identityId === undefined || c.identityId === identityId),
    );
    const who = identityId ? ` to ${identityId}` : "";
    return {
      pass,
      message: () =>
        pass
          ? `expected no credentials with role ${roleArn}${who}`
          : `expected credentials with role ${roleArn}${who}; issued: ${JSON.stringify(issued.map((c) => [c.identityId, c.roleArn]))}`,
    };
  },

  toHaveReceivedOperation(received: unknown, operation: string, times?: number): Result {
    if (!isFake(received)) return notAFake("toHaveReceivedOperation");
    const count = received.calls.filter((c) => c.operation === operation).length;
    const pass = times === undefined ? count > 0 : count === times;
    return {
      pass,
      message: () =>
        `expected ${pass ? "not " : ""}to have received ${operation}${times === undefined ? "" : ` ${times} times`}; received it ${count} times`,
    };
  },
};
