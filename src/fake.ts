/**
 * `createCognitoIdentityFake`: the public face of the library, a thin layer over the {@link Engine}.
 */
import type { Pluggable } from "@smithy/types";
import { type SeedIdentityInput, type SeedIdentityPoolInput, seedIdentities, seedPool } from "./core/seed";
import type { CoreState, StoredIdentity, StoredPool } from "./core/state";
import { identitiesOfPool, identityAnywhere } from "./core/store/identities";
import { poolIdsInRegion } from "./core/store/pools";
import { type LoginTokenMinter, loginTokenMinter } from "./core/tokens/loginTokens";
import { type Jwks, jwks } from "./core/tokens/openid";
import { type CallRecord, Engine, type FailureSpec } from "./engine/engine";
import { type InstallOptions, type InstallTarget, installFake, uninstallFake } from "./sdk/install";
import { createPlugin } from "./sdk/plugin";
import { createRequestHandler, type FakeRequestHandler } from "./sdk/requestHandler";
import type { FakeServer, ListenOptions } from "./server/host";

/** Settings of a fake. Every one is optional. */
export interface CognitoIdentityFakeOptions {
  /** The account that owns the pools. Default `123456789012`. */
  accountId?: string;
  /** The region for seeding and for requests whose endpoint names none. Default `us-east-1`. */
  region?: string;
  /** Seed of the deterministic generator of IDs, keys and secrets. Default 1. */
  seed?: number;
  /** The clock. Default `() => new Date()`, so jest fake timers apply. */
  now?: () => Date;
}

/** An opaque, O(1) snapshot of a fake's state (including the ID generator's position). */
export interface FakeSnapshot {
  readonly state: CoreState;
}

/** A credential the fake issued. */
export interface IssuedCredential {
  readonly identityId: string;
  readonly identityPoolId: string;
  readonly roleArn: string;
  readonly accessKeyId: string;
  readonly expiration: Date;
  readonly principalTags: Readonly<Record<string, string>>;
}

/** The fake. See {@link createCognitoIdentityFake}. */
export interface CognitoIdentityFake {
  /** A `Pluggable` for `client.middlewareStack.use(...)`: that client's commands are answered by the fake. */
  // biome-ignore lint/suspicious/noExplicitAny: plugs into every client whatever copy of @smithy/types it uses
  plugin(): Pluggable<any, any>;
  /** An SDK request handler answering through the fake, for `clientConfig: { requestHandler }`. */
  requestHandler(): FakeRequestHandler;
  /**
   * Answers every Cognito Identity client of the process — `CognitoIdentityClient` and the internal clients
   * `fromCognitoIdentityPool` / `fromCognitoIdentity` build — with no per-client set-up, and lets none reach
   * the network. Clients with no region get the fake's. Returns the function that undoes it. One fake at a
   * time: installing another while one is installed throws; installing the same one again is a no-op.
   *
   * @example
   * ```ts
   * const uninstall = fake.install();
   * const client = new CognitoIdentityClient({}); // no region, no credentials, no plug-in
   * await client.send(new ListIdentityPoolsCommand({ MaxResults: 10 })); // answered by the fake
   * uninstall();
   * ```
   */
  install(options?: InstallOptions): () => void;
  /**
   * Undoes {@link CognitoIdentityFake.install}; a no-op when this fake is not installed.
   *
   * @example
   * ```ts
   * afterAll(() => fake.uninstall());
   * ```
   */
  uninstall(): void;
  /**
   * The public JWK set that verifies the OpenID tokens the fake issues (RS512, `kid` `<region>1`).
   *
   * @example
   * ```ts
   * import { createLocalJWKSet, jwtVerify } from "jose";
   * const { payload } = await jwtVerify(token, createLocalJWKSet(fake.jwks()), {
   *   issuer: "https://cognito-identity.amazonaws.com", audience: poolId,
   * });
   * ```
   */
  jwks(): Jwks;
  /** Adds a pool as the API would (validated the same way) and returns its record. */
  seedIdentityPool(input: SeedIdentityPoolInput): StoredPool;
  /** The record of a pool, in any region, or `undefined`. */
  getIdentityPool(identityPoolId: string): StoredPool | undefined;
  /** The pools of a region (default: the fake's region), oldest first. */
  listIdentityPools(region?: string): StoredPool[];
  /**
   * Adds an identity to a pool, in the pool's region, as if its logins had signed in, and returns its record.
   * `Logins` maps provider → user identifier (the `sub` for JWT providers, the token for opaque ones).
   *
   * @example
   * ```ts
   * const identity = fake.seedIdentity({
   *   IdentityPoolId: pool.identityPoolId,
   *   Logins: { "graph.facebook.com": "fb-user-1" },
   *   DeveloperUserIdentifiers: ["user-42"],
   * });
   * identity.identityId; // "us-east-1:…"
   * ```
   */
  seedIdentity(input: SeedIdentityInput): StoredIdentity;
  /**
   * Adds many identities in one step, each validated as by {@link CognitoIdentityFake.seedIdentity}; all or
   * none are added. Several times faster than one call per identity (100,000 identities: under a second on a 2-core VM).
   *
   * @example
   * ```ts
   * fake.seedIdentities(
   *   Array.from({ length: 1000 }, (_, i) => ({ IdentityPoolId: poolId, Logins: { "graph.facebook.com": `user-${i}` } })),
   * ).length; // 1000
   * ```
   */
  seedIdentities(inputs: readonly SeedIdentityInput[]): StoredIdentity[];
  /**
   * The record of an identity, in any region, or `undefined`: linked logins (provider → user identifier),
   * developer user identifiers, dates (epoch ms) and the disabled flag.
   *
   * @example
   * ```ts
   * const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: poolId }));
   * fake.getIdentity(IdentityId!)?.disabled; // false
   * ```
   */
  getIdentity(identityId: string): StoredIdentity | undefined;
  /**
   * The identities of a pool, oldest first, disabled ones included (`[]` for an unknown pool).
   *
   * @example
   * ```ts
   * fake.listIdentities(poolId).filter((i) => !i.disabled).length;
   * ```
   */
  listIdentities(identityPoolId: string): StoredIdentity[];
  /** Mints provider login tokens (user pool, OIDC) that the fake accepts, on the fake's clock. */
  readonly loginToken: LoginTokenMinter;
  /** The whole current state: immutable and frozen; reading it copies nothing. */
  readonly state: CoreState;
  /** An O(1) snapshot of the current state. */
  snapshot(): FakeSnapshot;
  /** Returns to a snapshot (the ID generator included). */
  restore(snapshot: FakeSnapshot): void;
  /** Back to the empty state, the initial ID sequence, an empty journal and no scripted failures. */
  reset(): void;
  /** The journal: one record per request received, oldest first. */
  readonly calls: readonly CallRecord[];
  /** One record per credential issued, oldest first. */
  readonly issuedCredentials: readonly IssuedCredential[];
  /** The next `times` (default 1) requests of `operation` (`"*"`: any) answer with this service error. */
  failNext(operation: string, error: string | FailureSpec, options?: { times?: number }): void;
  /**
   * Serves this fake over HTTP (node:http): the service's wire protocol on `POST /` for boto3, the AWS CLI, other
   * SDKs and browsers, the OpenID discovery documents, and the control plane under `/_fake/`. Same state and
   * journal as in-process. Default host `127.0.0.1`, port 0 (any free port).
   *
   * @example
   * ```ts
   * const server = await fake.listen();
   * const client = new CognitoIdentityClient({ region: "us-east-1", endpoint: server.url });
   * await server.close();
   * ```
   */
  listen(options?: ListenOptions): Promise<FakeServer>;
}

/**
 * Creates an in-memory Cognito Identity service.
 *
 * @example
 * ```ts
 * import { CognitoIdentityClient, CreateIdentityPoolCommand } from "@aws-sdk/client-cognito-identity";
 * import { createCognitoIdentityFake } from "cognito-identity-fake";
 *
 * const fake = createCognitoIdentityFake({ seed: 1 });
 * const client = new CognitoIdentityClient({ region: "us-east-1" });
 * client.middlewareStack.use(fake.plugin());
 * const pool = await client.send(new CreateIdentityPoolCommand({
 *   IdentityPoolName: "app", AllowUnauthenticatedIdentities: true,
 * }));
 * fake.getIdentityPool(pool.IdentityPoolId!)?.config.IdentityPoolName; // "app"
 * ```
 */
export function createCognitoIdentityFake(options: CognitoIdentityFakeOptions = {}): CognitoIdentityFake {
  const engine = new Engine({
    accountId: options.accountId ?? "123456789012",
    region: options.region ?? "us-east-1",
    seed: options.seed ?? 1,
    now: options.now ?? (() => new Date()),
  });
  const answer = engine.handle.bind(engine);
  const plugin = createPlugin(answer);
  const handler = createRequestHandler(answer);
  const installTarget: InstallTarget = Object.freeze({ plugin, region: engine.options.region });
  const fake: CognitoIdentityFake = {
    plugin: () => plugin,
    requestHandler: () => handler,
    install: (installOptions) => installFake(installTarget, installOptions),
    uninstall: () => uninstallFake(installTarget),
    jwks() {
      const regions = [engine.options.region];
      for (const [key] of engine.state.poolOrder) regions.push(key.slice(key.indexOf("/") + 1));
      return jwks(regions);
    },
    seedIdentityPool: (input) => engine.apply(input.Region, (state, env) => seedPool(state, input, env)).pool,
    getIdentityPool: (id) => engine.state.pools.get(id)?.pool,
    listIdentityPools(region = engine.options.region) {
      const ctx = engine.context(region);
      return poolIdsInRegion(engine.state, ctx).flatMap((id) => engine.state.pools.get(id)?.pool ?? []);
    },
    seedIdentity: (input) =>
      engine.apply(undefined, (state, env) => seedIdentities(state, [input], env))
        .identities[0] as StoredIdentity,
    seedIdentities: (inputs) =>
      engine.apply(undefined, (state, env) => seedIdentities(state, inputs, env)).identities,
    getIdentity: (id) => identityAnywhere(engine.state, id),
    listIdentities(poolId) {
      const entry = engine.state.pools.get(poolId);
      return entry ? identitiesOfPool(entry) : [];
    },
    loginToken: loginTokenMinter(() => engine.options.now().getTime()),
    get state() {
      return engine.state;
    },
    snapshot: () => Object.freeze({ state: engine.state }),
    restore(snapshot) {
      engine.state = snapshot.state;
    },
    reset: () => engine.reset(),
    get calls() {
      return engine.calls;
    },
    get issuedCredentials() {
      return engine.issued.map((c) => Object.freeze({ ...c, expiration: new Date(c.expiration) }));
    },
    failNext(operation, error, { times = 1 } = {}) {
      engine.failNext(operation, typeof error === "string" ? { name: error } : error, times);
    },
    // Loaded on first use: importing the library does not load the server.
    listen: async (listenOptions) =>
      (await import("./server/listener")).listen({ engine, fake }, listenOptions),
  };
  return fake;
}
