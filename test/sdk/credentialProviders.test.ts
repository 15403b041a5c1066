/**
 * The credential providers of @aws-sdk/credential-providers, which build their own internal client
 * (@aws-sdk/nested-clients): answered by the fake after fake.install() with nothing passed but the pool, or
 * through clientConfig.requestHandler without install; no socket opened; and the identity-id cache pitfall.
 */
import {
  CognitoIdentityClient,
  GetIdCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
} from "@aws-sdk/client-cognito-identity";
import { fromCognitoIdentity, fromCognitoIdentityPool } from "@aws-sdk/credential-providers";
import { ResourceNotFoundException as NestedResourceNotFoundException } from "@aws-sdk/nested-clients/cognito-identity";
import { type CognitoIdentityFake, createCognitoIdentityFake } from "../../src";
import { CLIENT_ID, expectError, guardSockets, NO_SOCKETS, rejection, USER_POOL } from "../support/helpers";

const NOW = new Date("2026-01-01T00:00:00Z");
const AUTH = "arn:aws:iam::123456789012:role/auth";
const UNAUTH = "arn:aws:iam::123456789012:role/unauth";
const DEV = "login.myapp";
const POOL_ID = "us-east-1:0c0ffee0-0000-4000-8000-000000000001";

/** The storage a provider caches identity ids in: any `{ getItem, setItem, removeItem }`. */
interface IdentityIdCache {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A fresh identity-id cache: pass one per test (see "the identity-id cache" below). */
function freshCache(): IdentityIdCache & { readonly entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

/** A fake with one pool (a user-pool provider, a developer provider, both roles) at a fixed pool id. */
function fakeWithPool(): CognitoIdentityFake {
  const fake = createCognitoIdentityFake({ now: () => NOW });
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "providers",
    AllowUnauthenticatedIdentities: true,
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
    DeveloperProviderName: DEV,
    Roles: { authenticated: AUTH, unauthenticated: UNAUTH },
  });
  return fake;
}

const idToken = (fake: CognitoIdentityFake, sub: string) =>
  fake.loginToken.userPool({ userPoolId: "us-east-1_TestPool1", clientId: CLIENT_ID, sub });

let guard: ReturnType<typeof guardSockets>;
beforeEach(() => {
  guard = guardSockets();
});
afterEach(() => guard.restore());

describe("fromCognitoIdentityPool after fake.install(): no client, no handler, no region", () => {
  let fake: CognitoIdentityFake;
  beforeEach(() => {
    fake = fakeWithPool();
    fake.install();
  });
  afterEach(() => fake.uninstall());

  it("obtains credentials for a user-pool sign-in, of the authenticated role", async () => {
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      logins: { [USER_POOL]: idToken(fake, "alice") },
      cache: freshCache(),
    });
    const credentials = await provider();
    expect(credentials).toEqual({
      identityId: expect.stringMatching(/^us-east-1:/),
      accessKeyId: expect.stringMatching(/^ASIA[A-Z0-9]{16}$/),
      secretAccessKey: expect.any(String),
      sessionToken: expect.any(String),
      expiration: new Date("2026-01-01T01:00:00Z"),
    });
    expect(fake.issuedCredentials).toEqual([
      {
        identityId: credentials.identityId,
        identityPoolId: POOL_ID,
        roleArn: AUTH,
        accessKeyId: credentials.accessKeyId,
        expiration: new Date("2026-01-01T01:00:00Z"),
        principalTags: {},
      },
    ]);
    expect(fake.getIdentity(credentials.identityId)?.Logins).toEqual({ [USER_POOL]: "alice" });
    expect(fake.calls.map((c) => [c.operation, c.region])).toEqual([
      ["GetId", "us-east-1"],
      ["GetCredentialsForIdentity", "us-east-1"],
    ]);
    expect(guard.attempts()).toBe(0);
  });

  it("obtains guest credentials, of the unauthenticated role", async () => {
    const credentials = await fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: freshCache() })();
    expect(fake.issuedCredentials.map((c) => [c.identityId, c.roleArn])).toEqual([
      [credentials.identityId, UNAUTH],
    ]);
    expect(guard.attempts()).toBe(0);
  });

  it("answers service errors as the SDK's typed exceptions", async () => {
    const unknownPool = "us-east-1:00000000-0000-4000-8000-000000000000";
    await expectError(
      fromCognitoIdentityPool({ identityPoolId: unknownPool, cache: freshCache() })(),
      NestedResourceNotFoundException,
      "ResourceNotFoundException",
      `IdentityPool '${unknownPool}' not found.`,
    );
    expect(guard.attempts()).toBe(0);
  });

  it("fromCognitoIdentity: a developer identity's token as the cognito-identity.amazonaws.com login", async () => {
    const client = new CognitoIdentityClient({});
    const { IdentityId, Token } = await client.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: POOL_ID,
        Logins: { [DEV]: "dev-1" },
        PrincipalTags: { team: "blue" },
      }),
    );
    const credentials = await fromCognitoIdentity({
      identityId: IdentityId as string,
      logins: { "cognito-identity.amazonaws.com": Token as string },
    })();
    expect(credentials.identityId).toBe(IdentityId);
    expect(fake.issuedCredentials).toEqual([
      {
        identityId: IdentityId,
        identityPoolId: POOL_ID,
        roleArn: AUTH,
        accessKeyId: credentials.accessKeyId,
        expiration: new Date("2026-01-01T01:00:00Z"),
        principalTags: { team: "blue" },
      },
    ]);
    expect(guard.attempts()).toBe(0);
  });
});

describe("without install: clientConfig.requestHandler", () => {
  it("fromCognitoIdentityPool answers through fake.requestHandler()", async () => {
    const fake = fakeWithPool();
    const credentials = await fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      logins: { [USER_POOL]: idToken(fake, "alice") },
      cache: freshCache(),
      clientConfig: { requestHandler: fake.requestHandler(), region: "us-east-1" },
    })();
    expect(fake.issuedCredentials.map((c) => [c.identityId, c.roleArn, c.accessKeyId])).toEqual([
      [credentials.identityId, AUTH, credentials.accessKeyId],
    ]);
    expect(guard.attempts()).toBe(0);
  });

  it("fromCognitoIdentity answers through fake.requestHandler(), CustomRoleArn included", async () => {
    const fake = fakeWithPool();
    const clientConfig = { requestHandler: fake.requestHandler(), region: "us-east-1" };
    const client = new CognitoIdentityClient(clientConfig);
    const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
    const credentials = await fromCognitoIdentity({
      identityId: IdentityId as string,
      customRoleArn: UNAUTH,
      clientConfig,
    })();
    expect(credentials.identityId).toBe(IdentityId);
    expect(fake.issuedCredentials.map((c) => [c.identityId, c.roleArn])).toEqual([[IdentityId, UNAUTH]]);
    expect(guard.attempts()).toBe(0);
  });
});

describe("the socket guard", () => {
  it("sees the provider's connection attempt once the fake is uninstalled", async () => {
    const fake = fakeWithPool();
    fake.install();
    const cache = freshCache();
    await fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache })();
    expect(guard.attempts()).toBe(0);
    fake.uninstall();
    const error = await rejection(
      fromCognitoIdentityPool({
        identityPoolId: POOL_ID,
        cache: freshCache(),
        clientConfig: { region: "us-east-1", maxAttempts: 1 },
      })(),
    );
    expect(error.message).toContain(NO_SOCKETS);
    expect(guard.attempts()).toBeGreaterThan(0);
    expect(fake.calls.map((c) => c.operation)).toEqual(["GetId", "GetCredentialsForIdentity"]);
  });
});

describe("the identity-id cache: why each test passes a fresh one", () => {
  it("a cache shared across tests skips GetId and replays an identity id the next fake never issued", async () => {
    // Without `cache`, the provider uses one module-level store for the whole test file; `shared` plays it here.
    const shared = freshCache();
    const first = fakeWithPool();
    first.install();
    const firstId = (await fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: shared })()).identityId;
    first.uninstall();
    expect([...shared.entries]).toEqual([[`aws:cognito-identity-credentials:${POOL_ID}:ANONYMOUS`, firstId]]);

    // The next test: a new fake with the same pool id. The provider takes the id from the cache, skips GetId,
    // and asks the new fake for credentials of an identity it never issued.
    const second = fakeWithPool();
    second.install();
    try {
      await expectError(
        fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: shared })(),
        NestedResourceNotFoundException,
        "ResourceNotFoundException",
        `Identity '${firstId}' not found.`,
      );
      expect(second.calls.map((c) => c.operation)).toEqual(["GetCredentialsForIdentity"]);
      // The provider drops the stale id after the failure, so only the next attempt would work.
      expect(shared.entries.size).toBe(0);

      // A fresh cache per test: GetId first, as the code under test expects.
      const credentials = await fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: freshCache() })();
      expect(second.calls.map((c) => c.operation)).toEqual([
        "GetCredentialsForIdentity",
        "GetId",
        "GetCredentialsForIdentity",
      ]);
      expect(second.issuedCredentials.map((c) => c.identityId)).toEqual([credentials.identityId]);
    } finally {
      second.uninstall();
    }
  });

  it("the provider's default cache is that shared store", async () => {
    const poolId = "us-east-1:0c0ffee0-0000-4000-8000-00000000cace";
    const seed = (fake: CognitoIdentityFake) =>
      fake.seedIdentityPool({
        IdentityPoolId: poolId,
        IdentityPoolName: "default",
        AllowUnauthenticatedIdentities: true,
        Roles: { unauthenticated: UNAUTH },
      });
    const first = createCognitoIdentityFake({ now: () => NOW });
    seed(first);
    first.install();
    const firstId = (await fromCognitoIdentityPool({ identityPoolId: poolId })()).identityId;
    first.uninstall();

    const second = createCognitoIdentityFake({ now: () => NOW, seed: 2 });
    seed(second);
    second.install();
    try {
      await expectError(
        fromCognitoIdentityPool({ identityPoolId: poolId })(),
        NestedResourceNotFoundException,
        "ResourceNotFoundException",
        `Identity '${firstId}' not found.`,
      );
      expect(second.calls.map((c) => c.operation)).toEqual(["GetCredentialsForIdentity"]);
    } finally {
      second.uninstall();
    }
  });
});
