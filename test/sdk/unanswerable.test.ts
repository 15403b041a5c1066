/**
 * The transports' promise: a Cognito Identity request the fake cannot answer fails at once, with an error that
 * names the client it came from and the fix; it never falls through to the network.
 */
import { CognitoIdentityClient, ListIdentityPoolsCommand } from "@aws-sdk/client-cognito-identity";
import AWS from "aws-sdk";
import { interceptTransports } from "../../src/sdk/transports";
import { rejection } from "../support/helpers";
import { spyNetwork } from "../support/noNetwork";

const POOL_ID = "us-east-1:11111111-2222-4333-8444-555555555555";
let network: ReturnType<typeof spyNetwork>;
let stop: () => void;
beforeEach(() => {
  network = spyNetwork();
  // A target whose engine fails: nothing the fake could answer.
  stop = interceptTransports({
    answer: () => {
      throw new Error("engine failure");
    },
    issuedKey: () => undefined,
    now: () => 0,
  });
});
afterEach(() => {
  stop();
  expect(network.leaks()).toEqual([]);
  network.restore();
});

const FIX =
  /was not sent to AWS\. Send it with the SDK's default Node handler, global fetch or https\.request, or wire the client explicitly/;

it("names an SDK v3 client", async () => {
  const client = new CognitoIdentityClient({
    region: "us-east-1",
    credentials: { accessKeyId: "A", secretAccessKey: "S" },
    maxAttempts: 1,
  });
  const err = await rejection(client.send(new ListIdentityPoolsCommand({ MaxResults: 1 })));
  expect(err.message).toMatch(
    /a Cognito Identity request from an AWS SDK v3 client could not be answered .*engine failure/,
  );
  expect(err.message).toMatch(FIX);
});

it("names the SDK v2", async () => {
  const err = await new AWS.CognitoIdentity({ region: "us-east-1", maxRetries: 0 })
    .getId({ IdentityPoolId: POOL_ID })
    .promise()
    .catch((e: Error) => e);
  expect((err as Error).message).toMatch(/from the AWS SDK v2 could not be answered/);
});

it("names a fetch client such as Amplify", async () => {
  const err = await rejection(
    fetch("https://cognito-identity.us-east-1.amazonaws.com/", {
      method: "POST",
      headers: { "x-amz-user-agent": "aws-amplify/6.22.1 framework/100" },
      body: "{}",
    }),
  );
  expect(err.message).toBe("fetch failed");
  expect((err.cause as Error).message).toMatch(/from Amplify JS \(global fetch\) could not be answered/);
  expect((err.cause as Error).message).toMatch(FIX);
});

describe("under install()", () => {
  it("an HTTP/2 client (the SDK's NodeHttp2Handler), which no interceptor covers, is refused at once", async () => {
    const { createCognitoIdentityFake } = require("../../src") as typeof import("../../src");
    const { NodeHttp2Handler } =
      require("@smithy/node-http-handler") as typeof import("@smithy/node-http-handler");
    stop();
    const fake = createCognitoIdentityFake();
    fake.install();
    try {
      const handler = new NodeHttp2Handler();
      const err = await rejection(
        handler.handle({
          protocol: "https:",
          hostname: "cognito-identity.us-east-1.amazonaws.com",
          method: "POST",
          path: "/",
          headers: {},
          query: {},
          body: "{}",
        } as unknown as Parameters<typeof handler.handle>[0]),
      );
      expect(err.message).toMatch(
        /from an HTTP\/2 client \(such as the SDK v3's NodeHttp2Handler\) could not be answered/,
      );
      handler.destroy();
    } finally {
      fake.uninstall();
      stop = () => {};
    }
  });
});
