/**
 * The constraint sweep: for every operation and every constrained member of its input (nested members too),
 * one violating input per constraint goes through the real SDK client, and the answer must be a
 * ValidationException with the service's message, with the state unchanged.
 */
import * as sdk from "@aws-sdk/client-cognito-identity";
import { OPERATION_NAMES, OPERATIONS } from "../../src/core";
import { passesFastCheck } from "../../src/core/validation/validate";
import { sweepCases } from "../support/constraints/cases";
import { modelConstraints } from "../support/constraints/modelConstraints";
import { rejection, sampleValue, sdkCommand, setup } from "../support/helpers";
import { report } from "../support/report";

const cases = sweepCases();

describe("constraint sweep generated from the model", () => {
  const { client, fake } = setup();

  it("covers every operation of the model", () => {
    expect(new Set(cases.map((c) => c.operation)).size).toBe(OPERATION_NAMES.length);
  });

  it("covers every constraint of the model, counted independently from the generated tables", () => {
    const { violable, vacuous } = modelConstraints();
    const covered = new Set(cases.map((c) => c.constraint));
    report(
      `constraint sweep: ${covered.size} constraints covered out of the model's ${violable.length} ` +
        `(${cases.length} violating inputs over ${OPERATION_NAMES.length} operations; ` +
        `${vacuous.length} more are length minimums of 0, which no input can violate)`,
    );
    expect(new Set(violable).size).toBe(violable.length);
    expect(cases.length).toBe(covered.size);
    expect([...covered].sort()).toEqual([...violable].sort());
    expect(covered.size).toBe(violable.length);
  });

  it("has a fast check that accepts every sample input and refuses every violating one", () => {
    for (const operation of OPERATION_NAMES) {
      expect([operation, passesFastCheck(operation, sampleValue(OPERATIONS[operation].input))]).toEqual([
        operation,
        true,
      ]);
    }
    for (const c of cases) {
      expect([c.operation, c.label, passesFastCheck(c.operation, c.input)]).toEqual([
        c.operation,
        c.label,
        false,
      ]);
    }
  });

  it.each(cases.map((c) => [`${c.operation} ${c.label}`, c] as const))("%s", async (_label, c) => {
    const before = fake.state;
    const err = await rejection(client.send(sdkCommand(c.operation, c.input)));
    expect(err).toBeInstanceOf(sdk.CognitoIdentityServiceException);
    expect(err.name).toBe("ValidationException");
    expect(err.$metadata.httpStatusCode).toBe(400);
    const count =
      c.expected.length === 1
        ? "1 validation error detected"
        : `${c.expected.length} validation errors detected`;
    expect(err.message).toBe(`${count}: ${c.expected.join("; ")}`);
    expect(fake.state).toBe(before);
  });
});
