/**
 * Shared test set-up: a fake and a real CognitoIdentityClient plugged into it.
 */
import net from "node:net";
import tls from "node:tls";
import * as sdk from "@aws-sdk/client-cognito-identity";
import { CognitoIdentityClient } from "@aws-sdk/client-cognito-identity";
import {
  type CognitoIdentityFake,
  type CognitoIdentityFakeOptions,
  createCognitoIdentityFake,
} from "../../src";
import { type OperationName, SHAPES, type Shape } from "../../src/core";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
/** A user-pool provider name and app client of the test region. */
export const USER_POOL = "cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool1";
export const CLIENT_ID = "testclient123";

/** A fake with a fixed clock, and a client (no credentials, one attempt) plugged into it. */
export function setup(
  options: CognitoIdentityFakeOptions & { clientRegion?: string; maxAttempts?: number } = {},
): {
  fake: CognitoIdentityFake;
  client: CognitoIdentityClient;
  clientIn: (region: string) => CognitoIdentityClient;
} {
  const fake = createCognitoIdentityFake({ now: () => new Date("2026-01-01T00:00:00Z"), ...options });
  const clientIn = (region: string) => {
    const c = new CognitoIdentityClient({ region, maxAttempts: options.maxAttempts ?? 1 });
    c.middlewareStack.use(fake.plugin());
    return c;
  };
  return { fake, client: clientIn(options.clientRegion ?? REGION), clientIn };
}

/** The rejection of a promise, failing the test when it resolves. */
export async function rejection(
  promise: Promise<unknown>,
): Promise<Error & { $metadata: { httpStatusCode?: number; attempts?: number }; $fault?: string }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { $metadata: { httpStatusCode?: number; attempts?: number } };
  }
  throw new Error("expected the command to fail, but it succeeded");
}

/** Expects a rejection of class `type` with this exact `name` and `message`; returns it. */
export async function expectError(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => Error,
  name: string,
  message: string,
): Promise<Error> {
  const err = await rejection(promise);
  expect(err).toBeInstanceOf(type);
  expect(err.name).toBe(name);
  expect(err.message).toBe(message);
  return err;
}

export const NO_SOCKETS = "no socket may be opened in this test";

/**
 * Refuses every attempt to open a TCP or TLS connection, the way a refused connection fails (an `error`
 * event on the socket, on the next tick), and counts the attempts.
 */
export function guardSockets(): { attempts: () => number; restore: () => void } {
  const fail = <S extends net.Socket>(socket: S): S => {
    process.nextTick(() => socket.destroy(new Error(NO_SOCKETS)));
    return socket;
  };
  const refuse = (): net.Socket => fail(new net.Socket());
  const spies = [
    jest.spyOn(net, "connect").mockImplementation(refuse),
    jest.spyOn(net, "createConnection").mockImplementation(refuse),
    jest.spyOn(tls, "connect").mockImplementation(() => fail(new tls.TLSSocket(new net.Socket()))),
    jest.spyOn(net.Socket.prototype, "connect").mockImplementation(function (this: net.Socket) {
      return fail(this);
    }),
  ];
  return {
    attempts: () => spies.reduce((n, spy) => n + spy.mock.calls.length, 0),
    restore: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
}

/** JSON as the wire carries it. */
export type Json = string | number | boolean | Json[] | { [k: string]: Json };

/** Valid sample values for the string shapes whose pattern a plain "a" would not satisfy. */
const SAMPLES: Record<string, string> = {
  IdentityPoolId: "us-east-1:00000000-0000-4000-8000-000000000000",
  IdentityId: "us-east-1:00000000-0000-4000-8000-000000000001",
  AccountId: "123456789012",
  ARNString: "arn:aws:iam::123456789012:role/sample",
  CognitoIdentityProviderName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc",
  RoleType: "authenticated",
};

/**
 * A value of a model shape that satisfies every constraint (required members only, one item per list and
 * map), built from the generated `SHAPES` table.
 */
export function sampleValue(name: string): Json {
  const s = SHAPES[name] as Shape;
  switch (s.kind) {
    case "string":
      return SAMPLES[name] ?? "a".repeat(Math.max(s.min ?? 1, 1));
    case "enum":
      return s.values[0] as string;
    case "boolean":
      return true;
    case "integer":
    case "long":
      return s.min ?? 1;
    case "timestamp":
      return 0;
    case "list":
      return [sampleValue(s.member.target)];
    case "map":
      return { [sampleValue(s.key.target) as string]: sampleValue(s.value.target) };
    case "structure":
      return Object.fromEntries(
        Object.entries(s.members)
          .filter(([, m]) => m.required)
          .map(([k, m]) => [k, sampleValue(m.target)]),
      );
  }
}

/** A command of the SDK, as `client.send` takes it. */
export type SdkCommand = Parameters<CognitoIdentityClient["send"]>[0];

/** The SDK's command for an operation, built from any (even malformed) input. */
export function sdkCommand(operation: OperationName, input: unknown): SdkCommand {
  const Command = (sdk as unknown as Record<string, new (input: unknown) => SdkCommand>)[
    `${operation}Command`
  ];
  if (!Command) throw new Error(`the SDK has no ${operation}Command`);
  return new Command(input);
}
