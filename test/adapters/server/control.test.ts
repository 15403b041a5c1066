/**
 * The control plane under `/_fake/`: seeding, state, journal, login tokens, scripted failures and reset over
 * HTTP, with 4xx answers for bad input; the same state as the in-process fake.
 */
import {
  DescribeIdentityPoolCommand,
  GetIdCommand,
  ListIdentityPoolsCommand,
  TooManyRequestsException,
} from "@aws-sdk/client-cognito-identity";
import type { CognitoIdentityFake, FakeServer } from "../../../src";
import { clientOf, controlCall, POOL_ID, served } from "./support";

const USER_POOL = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123";
let fake: CognitoIdentityFake;
let server: FakeServer;

beforeAll(async () => {
  ({ fake, server } = await served());
});
afterEach(() => fake.reset());
afterAll(() => server.close());

const seedPool = () =>
  controlCall(server, "/pools", {
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "app",
    AllowUnauthenticatedIdentities: true,
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: "web" }],
    DeveloperProviderName: "login.myapp",
  });

test("a pool and identities seeded over HTTP are what the service and the library see", async () => {
  expect((await seedPool()).status).toBe(200);
  const one = await controlCall(server, "/identities", {
    IdentityPoolId: POOL_ID,
    Logins: { [USER_POOL]: "alice" },
  });
  expect(one.status).toBe(200);
  const many = await controlCall(server, "/identities", {
    Identities: [{ IdentityPoolId: POOL_ID, DeveloperUserIdentifiers: ["bob"] }, { IdentityPoolId: POOL_ID }],
  });
  expect(many.json.Identities).toHaveLength(2);
  const described = await clientOf(server).send(new DescribeIdentityPoolCommand({ IdentityPoolId: POOL_ID }));
  expect(described.IdentityPoolName).toBe("app");
  expect(fake.listIdentities(POOL_ID)).toHaveLength(3);
  const state = await controlCall(server, "/state");
  expect(state.json.IdentityPools).toHaveLength(1);
  expect(state.json.Identities).toHaveLength(3);
  expect(JSON.stringify(state.json)).toContain('"alice"');
});

test("a pool seeded with a fixed id lives in the region its id names", async () => {
  const euPool = "eu-west-1:11111111-2222-4333-8444-555555555555";
  await controlCall(server, "/pools", {
    IdentityPoolId: euPool,
    IdentityPoolName: "eu",
    AllowUnauthenticatedIdentities: true,
  });
  const described = await clientOf(server, "eu-west-1").send(
    new DescribeIdentityPoolCommand({ IdentityPoolId: euPool }),
  );
  expect(described.IdentityPoolName).toBe("eu");
});

test("a seed the API would refuse answers 400 with the service's error and changes nothing", async () => {
  await seedPool();
  const refused = await controlCall(server, "/identities", {
    IdentityPoolId: POOL_ID,
    Logins: { "accounts.google.com": "x" },
  });
  expect(refused.status).toBe(400);
  expect(refused.json).toEqual({ __type: "NotAuthorizedException", message: expect.any(String) });
  expect(fake.listIdentities(POOL_ID)).toHaveLength(0);
  const invalid = await controlCall(server, "/pools", {
    IdentityPoolName: "bad name!",
    AllowUnauthenticatedIdentities: true,
  });
  expect(invalid.json.__type).toBe("ValidationException");
});

test("a minted user-pool token signs in over the service", async () => {
  await seedPool();
  const minted = await controlCall(server, "/login-tokens/user-pool", {
    userPoolId: "us-east-1_Abc123",
    clientId: "web",
    sub: "carol",
  });
  const { IdentityId } = await clientOf(server).send(
    new GetIdCommand({ IdentityPoolId: POOL_ID, Logins: { [USER_POOL]: minted.json.token as string } }),
  );
  expect(IdentityId).toMatch(/^us-east-1:/);
  const oidc = await controlCall(server, "/login-tokens/oidc", {
    issuer: "https://idp.example.com",
    audience: "app",
    sub: "dave",
  });
  expect(String(oidc.json.token).split(".")).toHaveLength(3);
});

test("the journal reads back over HTTP; failures are scripted over HTTP", async () => {
  await controlCall(server, "/fail-next", {
    operation: "ListIdentityPools",
    error: "TooManyRequestsException",
    times: 1,
  });
  const client = clientOf(server);
  await expect(client.send(new ListIdentityPoolsCommand({ MaxResults: 5 }))).rejects.toBeInstanceOf(
    TooManyRequestsException,
  );
  await client.send(new ListIdentityPoolsCommand({ MaxResults: 5 }));
  const { json } = await controlCall(server, "/calls");
  expect(json.calls).toEqual([
    expect.objectContaining({
      operation: "ListIdentityPools",
      error: expect.objectContaining({ name: "TooManyRequestsException" }),
      region: "us-east-1",
    }),
    expect.objectContaining({
      operation: "ListIdentityPools",
      output: { IdentityPools: [] },
      input: { MaxResults: 5 },
    }),
  ]);
  expect((await controlCall(server, "/issued-credentials")).json).toEqual({ issuedCredentials: [] });
});

test("reset empties the state and the journal", async () => {
  await seedPool();
  expect((await controlCall(server, "/reset", {})).status).toBe(200);
  expect(fake.calls).toHaveLength(0);
  expect((await controlCall(server, "/state")).json).toEqual({ IdentityPools: [], Identities: [] });
});

test("bad JSON, unknown paths and wrong methods answer 4xx with a message", async () => {
  const bad = await controlCall(server, "/pools", "{not json");
  expect(bad.status).toBe(400);
  expect(bad.json.message).toMatch(/^The body is not JSON/);
  expect((await controlCall(server, "/pools", "[1]")).status).toBe(400);
  const unknown = await controlCall(server, "/nothing", {});
  expect(unknown.status).toBe(404);
  expect(unknown.json.message).toContain("GET /_fake lists them");
  expect((await controlCall(server, "/state", {})).status).toBe(405);
  expect((await controlCall(server, "/fail-next", { operation: "NoSuchOperation", error: "X" })).status).toBe(
    400,
  );
  expect((await controlCall(server, "/save", {})).status).toBe(409);
  const index = await controlCall(server, "");
  expect(index.json.routes).toContain("POST /_fake/reset");
});
