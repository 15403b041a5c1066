/**
 * cognito-identity-fake/msw: the msw 2 handlers serve SDK v3 clients (no install()), the credential providers'
 * internal clients, and — with install() — the set-up rules when both are active.
 */
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetIdCommand,
} from "@aws-sdk/client-cognito-identity";
import { fromCognitoIdentityPool } from "@aws-sdk/credential-providers";
import AWS from "aws-sdk";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { createCognitoIdentityFake, createProviderCache } from "../../src";
import { cognitoIdentityHandlers } from "../../src/msw";
import { INTERCEPTION_TAKEN } from "../../src/sdk/transports";
import { rejection } from "../support/helpers";
import { spyNetwork } from "../support/noNetwork";

const POOL_ID = "us-east-1:11111111-2222-4333-8444-555555555555";
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
const appApi = http.get("https://api.example.test/me", () => HttpResponse.json({ name: "app" }));

function seededFake() {
  const fake = createCognitoIdentityFake();
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "web",
    AllowUnauthenticatedIdentities: true,
    Roles: { unauthenticated: "arn:aws:iam::123456789012:role/guest" },
  });
  return fake;
}

let network: ReturnType<typeof spyNetwork>;
beforeEach(() => {
  network = spyNetwork();
});
afterEach(() => network.restore());

describe("msw handlers without install()", () => {
  const fake = seededFake();
  const server = setupServer(appApi, ...cognitoIdentityHandlers(fake));
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());

  it("answer an SDK v3 client, signed or not, with the SDK's own classes", async () => {
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    const created = await client.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: "made", AllowUnauthenticatedIdentities: true }),
    );
    expect(created.$metadata.httpStatusCode).toBe(200);
    const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: created.IdentityPoolId }));
    expect(fake.getIdentity(IdentityId ?? "")).toBeDefined();
    expect(network.leaks()).toEqual([]);
  });

  it("answer the credential providers' internal client", async () => {
    const credentials = await fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      clientConfig: { region: "us-east-1" },
      cache: createProviderCache(),
    })();
    expect(fake.credentialsFor(credentials.accessKeyId)?.identityPoolId).toBe(POOL_ID);
    expect(network.leaks()).toEqual([]);
  });

  it("leave other requests to the server's other handlers", async () => {
    expect(await (await fetch("https://api.example.test/me")).json()).toEqual({ name: "app" });
  });

  it("answer a region that does not exist with a network error", async () => {
    const client = new CognitoIdentityClient({ region: "us-east1", maxAttempts: 1 });
    const err = await rejection(client.send(new GetIdCommand({ IdentityPoolId: POOL_ID })));
    expect(err.name).toBe("TypeError");
    expect(fake.calls.every((c) => c.region !== "us-east1")).toBe(true);
  });
});

describe("msw and install() together", () => {
  it("install() after server.listen() refuses at once, saying what to do", () => {
    const fake = seededFake();
    const server = setupServer(appApi);
    server.listen();
    try {
      expect(() => fake.install()).toThrow(INTERCEPTION_TAKEN);
      expect(process.env.AWS_EC2_METADATA_DISABLED).toBeUndefined();
    } finally {
      server.close();
    }
  });

  it("install({ transports: false }) beside the msw handlers: v3 through install(), v2 through msw", async () => {
    const fake = seededFake();
    const server = setupServer(...cognitoIdentityHandlers(fake));
    server.listen({ onUnhandledRequest: "error" });
    fake.install({ transports: false });
    try {
      await new CognitoIdentityClient({}).send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
      await new AWS.CognitoIdentity({ region: "us-east-1" }).getId({ IdentityPoolId: POOL_ID }).promise();
      expect(fake.calls.map((c) => c.operation)).toEqual(["GetId", "GetId"]);
      expect(network.leaks()).toEqual([]);
    } finally {
      fake.uninstall();
      server.close();
    }
  });

  it("install() before server.listen(): both work, and msw keeps working after uninstall()", async () => {
    const fake = seededFake();
    fake.install();
    const server = setupServer(appApi);
    // msw's own listener runs after the fake's: "bypass" keeps it from reporting the answered Cognito request.
    server.listen({ onUnhandledRequest: "bypass" });
    try {
      await new AWS.CognitoIdentity({ region: "us-east-1" }).getId({ IdentityPoolId: POOL_ID }).promise();
      expect(fake.calls.map((c) => c.operation)).toEqual(["GetId"]);
      fake.uninstall();
      expect(await (await fetch("https://api.example.test/me")).json()).toEqual({ name: "app" });
      expect(network.leaks()).toEqual([]);
    } finally {
      fake.uninstall();
      server.close();
    }
    // Once msw closed too, nothing stays patched.
    expect(require("node:https").request.name).toBe("request");
    expect(
      Object.getOwnPropertySymbols(globalThis)
        .map(String)
        .filter((name) => name.includes("interceptor")),
    ).toEqual([]);
  });

  it("install() before server.listen() with the fake's handlers: each request is answered once", async () => {
    const fake = seededFake();
    fake.install();
    const server = setupServer(...cognitoIdentityHandlers(fake));
    server.listen({ onUnhandledRequest: "error" });
    try {
      await new AWS.CognitoIdentity({ region: "us-east-1" }).getId({ IdentityPoolId: POOL_ID }).promise();
      expect(fake.calls.map((c) => c.operation)).toEqual(["GetId"]);
      expect(fake.listIdentities(POOL_ID)).toHaveLength(1);
    } finally {
      fake.uninstall();
      server.close();
    }
  });
});
