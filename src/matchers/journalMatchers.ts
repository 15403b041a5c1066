/**
 * Matchers over what the fake observed: the operations it received and the credentials it issued. An unknown
 * operation name throws at once, naming the nearest real one.
 */
import type { OperationName } from "../core/model/model.generated";
import { requireOperation } from "../engine/operationName";
import type { IssuedCredential } from "../fakeApi";
import { isFake } from "../internal";
import { type MatcherResult, notAFake, withReport } from "./report";

const describeIssued = (issued: readonly IssuedCredential[]): string =>
  JSON.stringify(issued.map((c) => [c.identityId, c.roleArn]));

/** Some credential was issued with this role (and, when given, to this identity). */
export function toHaveIssuedCredentialsWithRole(
  received: unknown,
  roleArn: string,
  identityId?: string,
): MatcherResult {
  if (!isFake(received)) return notAFake("toHaveIssuedCredentialsWithRole");
  const issued = received.issuedCredentials;
  const pass = issued.some(
    (c) => c.roleArn === roleArn && (identityId === undefined || c.identityId === identityId),
  );
  const who = identityId ? ` to ${identityId}` : "";
  return withReport(received, pass, () =>
    pass
      ? `expected no credentials with role ${roleArn}${who}`
      : `expected credentials with role ${roleArn}${who}; issued: ${describeIssued(issued)}`,
  );
}

/** Some credential was issued to this identity (and, when given, with this role). */
export function toHaveIssuedCredentialsFor(
  received: unknown,
  identityId: string,
  roleArn?: string,
): MatcherResult {
  if (!isFake(received)) return notAFake("toHaveIssuedCredentialsFor");
  const issued = received.issuedCredentials;
  const pass = issued.some(
    (c) => c.identityId === identityId && (roleArn === undefined || c.roleArn === roleArn),
  );
  const role = roleArn ? ` with role ${roleArn}` : "";
  return withReport(received, pass, () =>
    pass
      ? `expected no credentials issued to ${identityId}${role}`
      : `expected credentials issued to ${identityId}${role}; issued: ${describeIssued(issued)}`,
  );
}

/** The fake received `operation` (exactly `times` times when given), failed requests included. */
export function toHaveReceivedOperation(
  received: unknown,
  operation: OperationName,
  times?: number,
): MatcherResult {
  const name = requireOperation(operation);
  if (!isFake(received)) return notAFake("toHaveReceivedOperation");
  const count = received.calls.filter((c) => c.operation === name).length;
  const pass = times === undefined ? count > 0 : count === times;
  return withReport(
    received,
    pass,
    () =>
      `expected ${pass ? "not " : ""}to have received ${name}${times === undefined ? "" : ` ${times} times`}; received it ${count} times`,
  );
}

/** Whether `actual` has every member of `expected` (recursively; arrays item by item; asymmetric matchers). */
function matchesPartial(actual: unknown, expected: unknown): boolean {
  if (typeof expected === "object" && expected !== null) {
    const asymmetric = (expected as { asymmetricMatch?: unknown }).asymmetricMatch;
    if (typeof asymmetric === "function") return Boolean(asymmetric.call(expected, actual));
    if (typeof actual !== "object" || actual === null) return false;
    if (Array.isArray(expected)) {
      return (
        Array.isArray(actual) &&
        actual.length === expected.length &&
        expected.every((item, i) => matchesPartial(actual[i], item))
      );
    }
    return Object.keys(expected).every(
      (key) =>
        Object.hasOwn(actual, key) &&
        matchesPartial((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]),
    );
  }
  return Object.is(actual, expected);
}

/** The fake received `operation` with an input containing `partialInput` (as `toMatchObject` compares). */
export function toHaveReceivedOperationWith(
  received: unknown,
  operation: OperationName,
  partialInput: Readonly<Record<string, unknown>>,
): MatcherResult {
  const name = requireOperation(operation);
  if (!isFake(received)) return notAFake("toHaveReceivedOperationWith");
  const calls = received.calls.filter((c) => c.operation === name);
  const pass = calls.some((c) => matchesPartial(c.input, partialInput));
  const inputs = calls.map((c) => `  ${JSON.stringify(c.input)}`).join("\n");
  return withReport(received, pass, () =>
    pass
      ? `expected not to have received ${name} with ${JSON.stringify(partialInput)}`
      : `expected to have received ${name} with ${JSON.stringify(partialInput)}; ${
          calls.length === 0 ? `received no ${name}` : `received ${name} with:\n${inputs}`
        }`,
  );
}
