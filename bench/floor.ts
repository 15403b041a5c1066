/**
 * The SDK's own floors (SPEC §4). The strict floor is the same client configured as the plug-in configures it
 * (credential resolution and signing removed), with a middleware at the plug-in's position that returns the
 * fake's exact wire response, a fresh body per call. The signed floor is a client as users build it outside
 * tests: static credentials, SigV4 signing left on, the same canned response at the same position. What the
 * fake costs over the strict floor is the fake itself.
 */
import { CognitoIdentityClient } from "@aws-sdk/client-cognito-identity";
import type { CognitoIdentityFake } from "../src";
import { IdSource } from "../src/core/ids";
import { createPlugin } from "../src/sdk/plugin";
import { readRequestText, type WireResponse, writeResponse } from "../src/wire/protocol";

/** The plug-in's position and the middlewares it removes, as `src/sdk/plugin.ts` sets them (checked by {@link floorDrift}). */
/** The plug-in's place: last of the deserialize step (src/sdk/plugin.ts). */
const POSITION = { step: "deserialize", priority: "low" } as const;
const REMOVED_BY_PLUGIN = ["httpAuthSchemeMiddleware", "httpSigningMiddleware"] as const;
const PLUGIN_NAME = "cognitoIdentityFake";
const FLOOR_NAME = "benchCannedResponse";

/** A client answered by the fake, as a user plugs it in. */
export function fakeClient(fake: CognitoIdentityFake, region = "us-east-1"): CognitoIdentityClient {
  const client = new CognitoIdentityClient({ region });
  client.middlewareStack.use(fake.plugin());
  return client;
}

type Middleware = Parameters<CognitoIdentityClient["middlewareStack"]["addRelativeTo"]>[0];
type AbsoluteMiddleware = Parameters<CognitoIdentityClient["middlewareStack"]["add"]>[0];

/** Adds the middleware that answers `canned`, with a fresh copy per call, at the plug-in's position. */
function answerWith(client: CognitoIdentityClient, canned: WireResponse): CognitoIdentityClient {
  // A fresh, plain Uint8Array body per call, as any transport hands over: the SDK re-prototypes the body it
  // receives (Uint8ArrayBlobAdapter.mutate), which a body object reused call after call would skip, and so
  // would a `slice()` of the recorded body (the SDK re-prototyped that one already, and slices keep its class).
  const middleware = () => async () => ({
    response: {
      statusCode: canned.statusCode,
      headers: { ...canned.headers },
      body: new Uint8Array(canned.body),
    },
    output: undefined,
  });
  client.middlewareStack.add(middleware as unknown as AbsoluteMiddleware, {
    name: FLOOR_NAME,
    ...POSITION,
    override: true,
  });
  return client;
}

/** The strict floor: no credentials, no signing, `canned` answered at the plug-in's position. */
export function strictFloorClient(canned: WireResponse, region = "us-east-1"): CognitoIdentityClient {
  const client = new CognitoIdentityClient({ region });
  for (const name of REMOVED_BY_PLUGIN) client.middlewareStack.remove(name);
  return answerWith(client, canned);
}

/**
 * The wire-only answerer: the plug-in's client answered by the fake's protocol layer and nothing else — the
 * request read (UTF-8, JSON), `canned`'s output written back as a fresh object with a new request id — no
 * validation, no state, no journal. What any fake that answers the serialized request in-process pays at least.
 */
export function wireOnlyClient(canned: WireResponse, region = "us-east-1"): CognitoIdentityClient {
  const text = Buffer.from(canned.body).toString("utf8");
  const requestIds = new IdSource(1, 0);
  const client = new CognitoIdentityClient({ region });
  client.middlewareStack.use(
    createPlugin((request) => {
      const read = readRequestText(request);
      if (!read.ok) throw new Error(`wire-only answerer: ${read.type}`);
      return writeResponse({ ok: true, output: JSON.parse(text) }, requestIds.guid());
    }),
  );
  return client;
}

/** The signed floor: static credentials and SigV4 signing left on, `canned` answered at the same position. */
export function signedFloorClient(canned: WireResponse, region = "us-east-1"): CognitoIdentityClient {
  const client = new CognitoIdentityClient({
    region,
    credentials: {
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    },
  });
  return answerWith(client, canned);
}

/**
 * What differs between the fake's client stack and the strict floor's, once the answering middleware's name
 * is set aside: empty when the floor is configured as the plug-in configures the client.
 */
export function floorDrift(fake: CognitoIdentityFake): string[] {
  const canned: WireResponse = { statusCode: 200, headers: {}, body: new Uint8Array() };
  const entries = (client: CognitoIdentityClient) =>
    client.middlewareStack
      .identify()
      .map((entry) => entry.replace(PLUGIN_NAME, "<answer>").replace(FLOOR_NAME, "<answer>"));
  const plugged = entries(fakeClient(fake));
  const floor = entries(strictFloorClient(canned));
  return [
    ...plugged.filter((e) => !floor.includes(e)).map((e) => `only with the plug-in: ${e}`),
    ...floor.filter((e) => !plugged.includes(e)).map((e) => `only in the floor: ${e}`),
    ...(plugged.join() === floor.join() || plugged.length !== floor.length
      ? []
      : ["same middlewares, other order"]),
  ];
}

/** A client answered by the fake that keeps the fake's last response, so the floors can replay it. */
export function recordingClient(
  fake: CognitoIdentityFake,
  region = "us-east-1",
): { client: CognitoIdentityClient; last: () => WireResponse } {
  let last: WireResponse | undefined;
  const client = fakeClient(fake, region);
  const recorder = (next: (args: unknown) => Promise<{ response: unknown }>) => async (args: unknown) => {
    const out = await next(args);
    last = out.response as WireResponse;
    return out;
  };
  client.middlewareStack.addRelativeTo(recorder as unknown as Middleware, {
    name: "benchRecorder",
    relation: "before",
    toMiddleware: PLUGIN_NAME,
  });
  return {
    client,
    last: () => {
      if (!last) throw new Error("no response recorded yet");
      return last;
    },
  };
}
