/**
 * The SDK's own floor: the same client, with a middleware at the plug-in's position (and the same removal of
 * signing) that returns a canned response of the same size as the fake's answer. What the fake costs on top
 * of that is the fake itself.
 */
import { CognitoIdentityClient } from "@aws-sdk/client-cognito-identity";
import type { CognitoIdentityFake } from "../src";
import { createPlugin } from "../src/sdk/plugin";
import type { WireResponse } from "../src/wire/protocol";

/** A client answered by the fake. */
export function fakeClient(fake: CognitoIdentityFake, region = "us-east-1"): CognitoIdentityClient {
  const client = new CognitoIdentityClient({ region, maxAttempts: 1 });
  client.middlewareStack.use(fake.plugin());
  return client;
}

/** A client whose every command gets `canned` back, from the plug-in's position. */
export function floorClient(canned: WireResponse, region = "us-east-1"): CognitoIdentityClient {
  const client = new CognitoIdentityClient({ region, maxAttempts: 1 });
  // A fresh body per call, as any transport hands over: the SDK re-prototypes the body it receives
  // (Uint8ArrayBlobAdapter.mutate), which a body object reused call after call would skip.
  client.middlewareStack.use(
    createPlugin(() => ({ ...canned, headers: { ...canned.headers }, body: canned.body.slice() })),
  );
  return client;
}

/** A client answered by the fake that keeps the fake's last response, so the floor can replay one of the same size. */
export function recordingClient(
  fake: CognitoIdentityFake,
  region = "us-east-1",
): { client: CognitoIdentityClient; last: () => WireResponse } {
  let last: WireResponse | undefined;
  const client = fakeClient(fake, region);
  type Middleware = Parameters<typeof client.middlewareStack.addRelativeTo>[0];
  const recorder = (next: (args: unknown) => Promise<{ response: unknown }>) => async (args: unknown) => {
    const out = await next(args);
    last = out.response as WireResponse;
    return out;
  };
  client.middlewareStack.addRelativeTo(recorder as unknown as Middleware, {
    name: "benchRecorder",
    relation: "before",
    toMiddleware: "cognitoIdentityFake",
  });
  return {
    client,
    last: () => {
      if (!last) throw new Error("no response recorded yet");
      return last;
    },
  };
}
