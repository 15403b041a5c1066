/**
 * Server mode through the JS SDK v3 with `endpoint`: every operation family over loopback HTTP, the region
 * rules, the credential provider with `clientConfig: { endpoint }`, CORS and the OpenID discovery documents.
 */
import {
  CreateIdentityPoolCommand,
  DeleteIdentitiesCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  GetOpenIdTokenCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  GetPrincipalTagAttributeMapCommand,
  ListIdentitiesCommand,
  ListIdentityPoolsCommand,
  ListTagsForResourceCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  ResourceNotFoundException,
  SetIdentityPoolRolesCommand,
  SetPrincipalTagAttributeMapCommand,
  TagResourceCommand,
  UnlinkDeveloperIdentityCommand,
  UnlinkIdentityCommand,
  UntagResourceCommand,
  UpdateIdentityPoolCommand,
} from "@aws-sdk/client-cognito-identity";
import { fromCognitoIdentityPool } from "@aws-sdk/credential-providers";
import { createRemoteJWKSet, jwtVerify } from "jose";
import type { CognitoIdentityFake, FakeServer } from "../../../src";
import { createProviderCache } from "../../../src";
import { clientOf, POOL_ID, served } from "./support";

const ROLE = "arn:aws:iam::123456789012:role/guest";
const AUTH_ROLE = "arn:aws:iam::123456789012:role/user";
let fake: CognitoIdentityFake;
let server: FakeServer;

beforeAll(async () => {
  ({ fake, server } = await served());
});
afterEach(() => fake.reset());
afterAll(() => server.close());

test("pools, tags, roles and principal-tag maps over HTTP", async () => {
  const client = clientOf(server);
  const pool = await client.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: "app",
      AllowUnauthenticatedIdentities: true,
      SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
    }),
  );
  const id = pool.IdentityPoolId as string;
  expect(id).toMatch(/^us-east-1:/);
  const arn = `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${id}`;
  await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { team: "a", env: "test" } }));
  await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ["env"] }));
  expect((await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toEqual({
    team: "a",
  });
  await client.send(
    new UpdateIdentityPoolCommand({
      IdentityPoolId: id,
      IdentityPoolName: "renamed",
      AllowUnauthenticatedIdentities: true,
      SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
    }),
  );
  expect((await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: id }))).IdentityPoolName).toBe(
    "renamed",
  );
  await client.send(
    new SetIdentityPoolRolesCommand({ IdentityPoolId: id, Roles: { unauthenticated: ROLE } }),
  );
  expect((await client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: id }))).Roles).toEqual({
    unauthenticated: ROLE,
  });
  await client.send(
    new SetPrincipalTagAttributeMapCommand({
      IdentityPoolId: id,
      IdentityProviderName: "graph.facebook.com",
      PrincipalTags: { u: "sub" },
    }),
  );
  const map = await client.send(
    new GetPrincipalTagAttributeMapCommand({
      IdentityPoolId: id,
      IdentityProviderName: "graph.facebook.com",
    }),
  );
  expect(map.PrincipalTags).toEqual({ u: "sub" });
  expect((await client.send(new ListIdentityPoolsCommand({ MaxResults: 10 }))).IdentityPools).toHaveLength(1);
  await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId: id }));
  const err = await client
    .send(new DescribeIdentityPoolCommand({ IdentityPoolId: id }))
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ResourceNotFoundException);
  expect((err as Error).message).toBe(`IdentityPool '${id}' not found.`);
});

test("identities, credentials and OpenID tokens, verified through the server's jwks_uri", async () => {
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "app",
    AllowUnauthenticatedIdentities: true,
    SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
    Roles: { unauthenticated: ROLE, authenticated: AUTH_ROLE },
  });
  const client = clientOf(server);
  const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
  const creds = await client.send(new GetCredentialsForIdentityCommand({ IdentityId }));
  expect(creds.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
  expect(fake.issuedCredentials.map((c) => c.roleArn)).toEqual([ROLE]);
  const { Token } = await client.send(new GetOpenIdTokenCommand({ IdentityId }));
  const keys = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks_uri`));
  const { payload } = await jwtVerify(Token as string, keys, {
    audience: POOL_ID,
    issuer: "https://cognito-identity.amazonaws.com",
    currentDate: new Date("2026-01-01T00:01:00Z"),
  });
  expect(payload.sub).toBe(IdentityId);
  const linked = await client.send(
    new GetIdCommand({ IdentityPoolId: POOL_ID, Logins: { "graph.facebook.com": "fb-token" } }),
  );
  await client.send(
    new UnlinkIdentityCommand({
      IdentityId: linked.IdentityId,
      Logins: { "graph.facebook.com": "fb-token" },
      LoginsToRemove: ["graph.facebook.com"],
    }),
  );
  expect(
    (await client.send(new DescribeIdentityCommand({ IdentityId: linked.IdentityId }))).Logins,
  ).toBeUndefined();
  const list = await client.send(new ListIdentitiesCommand({ IdentityPoolId: POOL_ID, MaxResults: 10 }));
  expect(list.Identities).toHaveLength(2);
  const deleted = await client.send(
    new DeleteIdentitiesCommand({ IdentityIdsToDelete: [IdentityId as string] }),
  );
  expect(deleted.UnprocessedIdentityIds).toEqual([]);
  expect(fake.listIdentities(POOL_ID)).toHaveLength(1);
});

test("developer identities over HTTP", async () => {
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "dev",
    AllowUnauthenticatedIdentities: false,
    DeveloperProviderName: "login.myapp",
  });
  const client = clientOf(server);
  const a = await client.send(
    new GetOpenIdTokenForDeveloperIdentityCommand({
      IdentityPoolId: POOL_ID,
      Logins: { "login.myapp": "alice" },
    }),
  );
  const b = await client.send(
    new GetOpenIdTokenForDeveloperIdentityCommand({
      IdentityPoolId: POOL_ID,
      Logins: { "login.myapp": "bob" },
    }),
  );
  const found = await client.send(
    new LookupDeveloperIdentityCommand({ IdentityPoolId: POOL_ID, DeveloperUserIdentifier: "alice" }),
  );
  expect(found.IdentityId).toBe(a.IdentityId);
  const merged = await client.send(
    new MergeDeveloperIdentitiesCommand({
      IdentityPoolId: POOL_ID,
      DeveloperProviderName: "login.myapp",
      SourceUserIdentifier: "bob",
      DestinationUserIdentifier: "alice",
    }),
  );
  expect(merged.IdentityId).toBe(a.IdentityId);
  await client.send(
    new UnlinkDeveloperIdentityCommand({
      IdentityPoolId: POOL_ID,
      IdentityId: a.IdentityId,
      DeveloperProviderName: "login.myapp",
      DeveloperUserIdentifier: "bob",
    }),
  );
  const after = await client.send(
    new LookupDeveloperIdentityCommand({ IdentityPoolId: POOL_ID, IdentityId: a.IdentityId }),
  );
  expect(after.DeveloperUserIdentifierList).toEqual(["alice"]);
  expect(b.IdentityId).not.toBe(a.IdentityId);
});

test("the region comes from the SigV4 scope, else from the id's prefix", async () => {
  const eu = clientOf(server, "eu-west-1");
  const pool = await eu.send(
    new CreateIdentityPoolCommand({ IdentityPoolName: "eu", AllowUnauthenticatedIdentities: true }),
  );
  expect(pool.IdentityPoolId).toMatch(/^eu-west-1:/);
  expect(fake.calls.at(-1)?.region).toBe("eu-west-1");
  const us = clientOf(server, "us-east-1");
  const err = await us
    .send(new DescribeIdentityPoolCommand({ IdentityPoolId: pool.IdentityPoolId }))
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ResourceNotFoundException);
  const unsigned = await fetch(server.url, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "AWSCognitoIdentityService.GetId",
    },
    body: JSON.stringify({ IdentityPoolId: pool.IdentityPoolId }),
  });
  expect(unsigned.status).toBe(200);
  expect(((await unsigned.json()) as { IdentityId: string }).IdentityId).toMatch(/^eu-west-1:/);
});

test("fromCognitoIdentityPool with clientConfig: { endpoint }", async () => {
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "app",
    AllowUnauthenticatedIdentities: true,
    Roles: { unauthenticated: ROLE },
  });
  const provider = fromCognitoIdentityPool({
    identityPoolId: POOL_ID,
    clientConfig: { region: "us-east-1", endpoint: server.url },
    cache: createProviderCache(),
  });
  expect((await provider()).accessKeyId).toMatch(/^ASIA/);
  expect(fake.calls.map((c) => c.operation)).toEqual(["GetId", "GetCredentialsForIdentity"]);
});

test("CORS: a preflight is answered and every answer allows the page's origin", async () => {
  const preflight = await fetch(server.url, {
    method: "OPTIONS",
    headers: {
      origin: "http://app.test",
      "access-control-request-method": "POST",
      "access-control-request-headers": "x-amz-target,content-type",
    },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get("access-control-allow-origin")).toBe("http://app.test");
  expect(preflight.headers.get("access-control-allow-headers")).toBe("x-amz-target,content-type");
  const answer = await fetch(server.url, {
    method: "POST",
    headers: { origin: "http://app.test", "x-amz-target": "AWSCognitoIdentityService.ListIdentityPools" },
    body: '{"MaxResults":1}',
  });
  expect(answer.headers.get("access-control-allow-origin")).toBe("http://app.test");
  expect(answer.headers.get("access-control-expose-headers")).toContain("x-amzn-errortype");
});

test("openid-configuration names the global or regional issuer and the server's jwks_uri", async () => {
  const global = (await (await fetch(`${server.url}/.well-known/openid-configuration`)).json()) as Record<
    string,
    unknown
  >;
  expect(global).toMatchObject({
    issuer: "https://cognito-identity.amazonaws.com",
    jwks_uri: `${server.url}/.well-known/jwks_uri`,
  });
  const regional = (await (
    await fetch(`${server.url}/.well-known/openid-configuration?region=eu-west-1`)
  ).json()) as Record<string, unknown>;
  expect(regional.issuer).toBe("https://cognito-identity.eu-west-1.amazonaws.com");
  const jwks = (await (await fetch(`${server.url}/.well-known/jwks_uri`)).json()) as {
    keys: { kid: string }[];
  };
  expect(jwks.keys.map((k) => k.kid)).toContain("eu-west-11");
  expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
});
