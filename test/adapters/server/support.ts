/**
 * Shared set-up of the server tests: a fake served on a loopback port, and SDK clients pointed at it.
 */
import { CognitoIdentityClient } from "@aws-sdk/client-cognito-identity";
import { type CognitoIdentityFake, createCognitoIdentityFake, type FakeServer } from "../../../src";

/** Credentials a client signs with; the server reads only their scope's region. */
export const CREDENTIALS = { accessKeyId: "AKIAFAKEFAKEFAKEFAKE", secretAccessKey: "fake-secret" };

/** A fixed pool id of us-east-1 for seeding in-process. */
export const POOL_ID = "us-east-1:11111111-2222-4333-8444-555555555555";

/** A served fake with a fixed clock; `close()` it in `afterAll`/`afterEach`. */
export async function served(
  options: Parameters<CognitoIdentityFake["listen"]>[0] = {},
): Promise<{ fake: CognitoIdentityFake; server: FakeServer }> {
  const fake = createCognitoIdentityFake({ now: () => new Date("2026-01-01T00:00:00Z") });
  const server = await fake.listen(options);
  return { fake, server };
}

/** A real client pointed at the server, signing for `region`, one attempt. */
export const clientOf = (server: FakeServer, region = "us-east-1"): CognitoIdentityClient =>
  new CognitoIdentityClient({ region, endpoint: server.url, credentials: CREDENTIALS, maxAttempts: 1 });

/** JSON of a control-plane call. */
export async function controlCall(
  server: FakeServer,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/_fake${path}`, {
    method: body === undefined ? "GET" : "POST",
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
