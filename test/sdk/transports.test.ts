/**
 * install()'s transports (fetch, http/https) answer Cognito Identity at the wire: the service's errors for bad
 * input, never an exception inside the client, the state unchanged; other requests pass untouched.
 */
import https from "node:https";
import { Readable } from "node:stream";
import { createCognitoIdentityFake } from "../../src";
import { rejection } from "../support/helpers";
import { spyNetwork } from "../support/noNetwork";

const ENDPOINT = "https://cognito-identity.us-east-1.amazonaws.com/";
const fake = createCognitoIdentityFake();
let network: ReturnType<typeof spyNetwork>;
beforeAll(() => fake.install());
afterAll(() => fake.uninstall());
beforeEach(() => {
  fake.reset();
  network = spyNetwork();
});
afterEach(() => network.restore());

const post = (body: string | ReadableStream, target = "AWSCognitoIdentityService.CreateIdentityPool") =>
  fetch(ENDPOINT, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": target },
    body,
    duplex: "half",
  } as RequestInit);

const errorOf = async (response: Response) => ({
  status: response.status,
  type: response.headers.get("x-amzn-errortype"),
  body: (await response.json()) as Record<string, unknown>,
});

describe("bad input over fetch answers the service's error and changes nothing", () => {
  afterEach(() => {
    expect(fake.listIdentityPools()).toEqual([]);
    expect(network.leaks()).toEqual([]);
  });

  it("a body that is not JSON", async () => {
    expect(await errorOf(await post("{not json"))).toEqual({
      status: 400,
      type: "SerializationException:",
      body: {
        __type: "com.amazon.coral.service#SerializationException",
        Message: "Unable to parse the request body as JSON.",
      },
    });
    expect(fake.calls.map((c) => c.error?.name)).toEqual(["SerializationException"]);
  });

  it("an unknown target", async () => {
    const answer = await errorOf(await post("{}", "AWSCognitoIdentityService.NoSuchThing"));
    expect(answer.status).toBe(400);
    expect(answer.type).toBe("UnknownOperationException:");
  });

  it("a body over 1 MiB", async () => {
    const big = JSON.stringify({
      IdentityPoolName: "x".repeat(1024 * 1024),
      AllowUnauthenticatedIdentities: true,
    });
    const answer = await errorOf(await post(big));
    expect(answer.status).toBe(413);
    expect(answer.body.__type).toBe("com.amazon.coral.service#SerializationException");
  });

  it("a stream body is read like any other: garbage answers SerializationException, JSON is answered", async () => {
    const stream = (text: string) => Readable.toWeb(Readable.from([Buffer.from(text)])) as ReadableStream;
    expect((await post(stream("garbage"))).status).toBe(400);
    const created = await post(
      stream('{"IdentityPoolName":"streamed","AllowUnauthenticatedIdentities":true}'),
    );
    expect(created.status).toBe(200);
    fake.reset();
  });
});

describe("https.request (the SDK v2's transport)", () => {
  const request = (host: string, body: string) =>
    new Promise<{ status?: number; body: string }>((resolve, reject) => {
      const req = https.request(
        {
          host,
          method: "POST",
          path: "/",
          headers: { "x-amz-target": "AWSCognitoIdentityService.ListIdentityPools" },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk) => {
            text += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode, body: text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });

  it("is answered by the fake", async () => {
    expect(await request("cognito-identity.eu-central-1.amazonaws.com", '{"MaxResults":5}')).toEqual({
      status: 200,
      body: '{"IdentityPools":[]}',
    });
    expect(fake.calls.map((c) => c.region)).toEqual(["eu-central-1"]);
    expect(network.leaks()).toEqual([]);
  });

  it("answers a body that is not JSON with the service's error, changing nothing", async () => {
    const before = fake.state;
    const answer = await request("cognito-identity.us-east-1.amazonaws.com", "{oops");
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({
      __type: "com.amazon.coral.service#SerializationException",
    });
    expect(fake.state).toBe(before);
    expect(fake.listIdentityPools()).toEqual([]);
  });

  it("leaves other hosts untouched: they go to the network", async () => {
    const err = await rejection(request("example.invalid", "{}"));
    expect(err.message).not.toContain("cognito-identity-fake");
    expect(fake.calls).toEqual([]);
  });
});
