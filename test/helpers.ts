/**
 * Shared test set-up: a fake and a real CognitoIdentityClient plugged into it.
 */
import { CognitoIdentityClient } from "@aws-sdk/client-cognito-identity";
import { type CognitoIdentityFake, type CognitoIdentityFakeOptions, createCognitoIdentityFake } from "../src";

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
