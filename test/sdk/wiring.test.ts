/**
 * Explicit wiring wins over install(); requestHandler() needs no credentials under install(); endpoints of every
 * partition carry their region; a region that does not exist fails as DNS would, through every entry point.
 */
import {
  CognitoIdentityClient,
  DescribeIdentityPoolCommand,
  GetIdCommand,
  ListIdentityPoolsCommand,
} from "@aws-sdk/client-cognito-identity";
import AWS from "aws-sdk";
import { createCognitoIdentityFake } from "../../src";
import { rejection } from "../support/helpers";
import { spyNetwork } from "../support/noNetwork";

const POOL_ID = "us-east-1:11111111-2222-4333-8444-555555555555";
const ENOTFOUND = (host: string) => ({ message: `getaddrinfo ENOTFOUND ${host}`, code: "ENOTFOUND" });

let network: ReturnType<typeof spyNetwork>;
beforeEach(() => {
  network = spyNetwork();
});
afterEach(() => {
  expect(network.leaks()).toEqual([]);
  network.restore();
});

describe("explicit wiring wins", () => {
  it("a client built with fake A's requestHandler() is answered by A while fake B is installed", async () => {
    const a = createCognitoIdentityFake();
    const b = createCognitoIdentityFake();
    a.seedIdentityPool({
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "a",
      AllowUnauthenticatedIdentities: true,
    });
    b.install();
    try {
      const client = new CognitoIdentityClient({ region: "us-east-1", requestHandler: a.requestHandler() });
      const pool = await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: POOL_ID }));
      expect(pool.IdentityPoolName).toBe("a");
      expect([a.calls.length, b.calls.length]).toEqual([1, 0]);
    } finally {
      b.uninstall();
    }
  });

  it("requestHandler() needs no credentials on a signed operation (under install(), as under the jest helper)", async () => {
    const fake = createCognitoIdentityFake();
    fake.seedIdentityPool({
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "p",
      AllowUnauthenticatedIdentities: true,
    });
    fake.install();
    try {
      const client = new CognitoIdentityClient({
        region: "us-east-1",
        requestHandler: fake.requestHandler(),
        credentials: () => Promise.reject(new Error("no credential may be resolved")),
      });
      const pool = await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: POOL_ID }));
      expect(pool.IdentityPoolId).toBe(POOL_ID);
    } finally {
      fake.uninstall();
    }
  });

  it("without install() a signed operation through requestHandler() is signed first: credentials are needed", async () => {
    const fake = createCognitoIdentityFake();
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      requestHandler: fake.requestHandler(),
      credentials: () => Promise.reject(new Error("no credential may be resolved")),
    });
    const err = await rejection(client.send(new ListIdentityPoolsCommand({ MaxResults: 1 })));
    expect(err.message).toBe("no credential may be resolved");
    // The plug-in removes signing: the same client with it needs none.
    client.middlewareStack.use(fake.plugin());
    await client.send(new ListIdentityPoolsCommand({ MaxResults: 1 }));
    expect(fake.calls).toHaveLength(1);
  });
});

describe("endpoints of every partition", () => {
  it.each([
    ["FIPS", { region: "us-west-2", useFipsEndpoint: true }, "us-west-2"],
    ["dual-stack", { region: "eu-west-1", useDualstackEndpoint: true }, "eu-west-1"],
    ["China", { region: "cn-north-1" }, "cn-north-1"],
    [
      "GovCloud FIPS dual-stack",
      { region: "us-gov-west-1", useFipsEndpoint: true, useDualstackEndpoint: true },
      "us-gov-west-1",
    ],
  ])("%s endpoints are answered in their region", async (_, config, region) => {
    const fake = createCognitoIdentityFake();
    const client = new CognitoIdentityClient({ ...config, maxAttempts: 1 });
    client.middlewareStack.use(fake.plugin());
    await client.send(new ListIdentityPoolsCommand({ MaxResults: 1 }));
    expect(fake.calls[0]?.region).toBe(region);
  });
});

describe("a region that does not exist fails as its endpoint would: the host does not resolve", () => {
  const host = "cognito-identity.us-east1.amazonaws.com";

  it("through the plug-in", async () => {
    const fake = createCognitoIdentityFake();
    const client = new CognitoIdentityClient({ region: "us-east1", maxAttempts: 1 });
    client.middlewareStack.use(fake.plugin());
    expect(await rejection(client.send(new GetIdCommand({ IdentityPoolId: POOL_ID })))).toMatchObject(
      ENOTFOUND(host),
    );
    expect(fake.calls).toEqual([]);
  });

  it("through requestHandler()", async () => {
    const fake = createCognitoIdentityFake();
    const client = new CognitoIdentityClient({
      region: "any-region",
      maxAttempts: 1,
      requestHandler: fake.requestHandler(),
    });
    expect(await rejection(client.send(new GetIdCommand({ IdentityPoolId: POOL_ID })))).toMatchObject(
      ENOTFOUND("cognito-identity.any-region.amazonaws.com"),
    );
    expect(fake.calls).toEqual([]);
  });

  it("under install(): SDK v3, fetch and the SDK v2", async () => {
    const fake = createCognitoIdentityFake();
    fake.install();
    try {
      const v3 = new CognitoIdentityClient({ region: "us-east1", maxAttempts: 1 });
      expect(await rejection(v3.send(new GetIdCommand({ IdentityPoolId: POOL_ID })))).toMatchObject(
        ENOTFOUND(host),
      );
      const viaFetch = await rejection(fetch(`https://${host}/`, { method: "POST", body: "{}" }));
      expect(viaFetch).toMatchObject({ name: "TypeError", message: "fetch failed", cause: ENOTFOUND(host) });
      const v2 = await new AWS.CognitoIdentity({ region: "us-east1", maxRetries: 0 })
        .getId({ IdentityPoolId: POOL_ID })
        .promise()
        .catch((err: AWS.AWSError) => err);
      expect(v2).toMatchObject({ code: "UnknownEndpoint", hostname: host });
      expect(fake.calls).toEqual([]);
    } finally {
      fake.uninstall();
    }
  });
});
