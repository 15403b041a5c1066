/**
 * The public interface of a fake: what `createCognitoIdentityFake` returns. Service entities (pools,
 * identities, `fake.state`) and seed inputs speak the service's member names; the library's own options and
 * observation records (the journal, issued credentials, changes) are camelCase.
 */
import type { Pluggable, RetryStrategyV2 } from "@smithy/types";
import type { OperationName } from "./core/model/model.generated";
import type { SeedIdentityInput, SeedIdentityPoolInput } from "./core/seed";
import type { FakeState } from "./core/stateView";
import type { LoginTokenMinter } from "./core/tokens/loginTokens";
import type { Jwks } from "./core/tokens/openid";
import type { IdentityPoolRecord, IdentityRecord } from "./core/views";
import type { StateChanges } from "./engine/changes";
import type { CallRecord, FailureSpec } from "./engine/engine";
import type { AttachableClientMock } from "./sdk/attach";
import type { InstallOptions } from "./sdk/install";
import type { FakeRequestHandler } from "./sdk/requestHandler";
import type { ImmediateRetryOptions } from "./sdk/retry";
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
  /**
   * Retries without back-off for the clients the fake routes itself (`install()`, `attachTo()`) that use the
   * SDK's default retry strategy: they retry what the SDK retries, as many times, with no wait and no timer
   * (`$metadata.totalRetryDelay` 0), so fake timers cannot stall them. A client with another strategy than
   * the SDK's standard one (`ConfiguredRetryStrategy`, adaptive mode, its own) keeps it. Default `false`; the jest and Vitest helpers default it to `true`. For clients wired with
   * `plugin()` or `requestHandler()`, see {@link CognitoIdentityFake.retryStrategy}.
   */
  immediateRetries?: boolean;
}

/**
 * An O(1) snapshot of a fake's state (including the ID generator's position), for `fake.restore`.
 *
 * @example
 * ```ts
 * const before = fake.snapshot();
 * before.state.IdentityPools.size; // the state when it was taken, in the same vocabulary as fake.state
 * ```
 */
export interface FakeSnapshot {
  /** The state when the snapshot was taken. */
  readonly state: FakeState;
}

/**
 * A credential the fake issued: an observation record of the library (camelCase).
 *
 * @example
 * ```ts
 * fake.issuedCredentials.at(-1)?.roleArn; // "arn:aws:iam::123456789012:role/admin"
 * ```
 */
export interface IssuedCredential {
  readonly identityId: string;
  readonly identityPoolId: string;
  readonly roleArn: string;
  readonly accessKeyId: string;
  readonly expiration: Date;
  readonly principalTags: Readonly<Record<string, string>>;
}

/** The fake. See `createCognitoIdentityFake`. */
export interface CognitoIdentityFake {
  /** A `Pluggable` for `client.middlewareStack.use(...)`: that client's commands are answered by the fake. */
  // biome-ignore lint/suspicious/noExplicitAny: plugs into every client whatever copy of @smithy/types it uses
  plugin(): Pluggable<any, any>;
  /** An SDK request handler answering through the fake, for `clientConfig: { requestHandler }`. */
  requestHandler(): FakeRequestHandler;
  /**
   * Answers every Cognito Identity client of the process — `CognitoIdentityClient`, the internal clients
   * `fromCognitoIdentityPool` / `fromCognitoIdentity` build, and over `fetch`/`http` Amplify JS v6 and the SDK
   * v2 — with no per-client set-up, and lets none reach the network; STS `GetCallerIdentity` signed with a key
   * it issued answers the role. Clients with no region get the fake's. Returns the function that undoes it.
   * One fake at a time: installing another while one is installed throws; installing the same one again is a
   * no-op.
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
  /**
   * Adds a pool as the API would (validated the same way) and returns its record.
   *
   * @example
   * ```ts
   * const pool = fake.seedIdentityPool({ IdentityPoolName: "app", AllowUnauthenticatedIdentities: true });
   * fake.seedIdentity({ IdentityPoolId: pool.IdentityPoolId });
   * ```
   */
  seedIdentityPool(input: SeedIdentityPoolInput): IdentityPoolRecord;
  /**
   * The record of a pool, in any region, or `undefined`.
   *
   * @example
   * ```ts
   * fake.getIdentityPool(poolId)?.Roles.authenticated; // "arn:aws:iam::123456789012:role/user"
   * ```
   */
  getIdentityPool(identityPoolId: string): IdentityPoolRecord | undefined;
  /**
   * The pools of every region, oldest first; only those of `region` when given.
   *
   * @example
   * ```ts
   * fake.listIdentityPools().map((p) => p.IdentityPoolName); // ["app", "other-region-app"]
   * fake.listIdentityPools("eu-west-1").length; // 1
   * ```
   */
  listIdentityPools(region?: string): IdentityPoolRecord[];
  /**
   * Adds an identity to a pool, in the pool's region, as if its logins had signed in, and returns its record.
   * `Logins` maps provider → user identifier (the `sub` for JWT providers, the token for opaque ones).
   *
   * @example
   * ```ts
   * const identity = fake.seedIdentity({
   *   IdentityPoolId: pool.IdentityPoolId,
   *   Logins: { "graph.facebook.com": "fb-user-1" },
   *   DeveloperUserIdentifiers: ["user-42"],
   * });
   * identity.IdentityId; // "us-east-1:…"
   * ```
   */
  seedIdentity(input: SeedIdentityInput): IdentityRecord;
  /**
   * Adds many identities in one step, each validated as by {@link CognitoIdentityFake.seedIdentity}; all or
   * none are added. Several times faster than one call per identity (100,000 identities: under a second on a 2-core VM).
   * The records returned equal what later reads return, but are made fresh (not cached), so a batch the
   * caller drops costs no memory.
   *
   * @example
   * ```ts
   * fake.seedIdentities(
   *   Array.from({ length: 1000 }, (_, i) => ({ IdentityPoolId: poolId, Logins: { "graph.facebook.com": `user-${i}` } })),
   * ).length; // 1000
   * ```
   */
  seedIdentities(inputs: readonly SeedIdentityInput[]): IdentityRecord[];
  /**
   * The record of an identity, in any region, or `undefined`.
   *
   * @example
   * ```ts
   * const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: poolId }));
   * fake.getIdentity(IdentityId!)?.Disabled; // false
   * ```
   */
  getIdentity(identityId: string): IdentityRecord | undefined;
  /**
   * The identities of a pool, oldest first, disabled ones included (`[]` for an unknown pool).
   *
   * @example
   * ```ts
   * fake.listIdentities(poolId).filter((i) => !i.Disabled).length;
   * ```
   */
  listIdentities(identityPoolId: string): IdentityRecord[];
  /** Mints provider login tokens (user pool, OIDC) that the fake accepts, on the fake's clock. */
  readonly loginToken: LoginTokenMinter;
  /**
   * The whole current state, frozen, in the records' vocabulary: read-only maps of pools and identities by id
   * over the store (reading it copies nothing; records are made on access).
   *
   * @example
   * ```ts
   * fake.state.Identities.get(identityId)?.Logins; // { "graph.facebook.com": "fb-user-1" }
   * ```
   */
  readonly state: FakeState;
  /**
   * An O(1) snapshot of the current state.
   *
   * @example
   * ```ts
   * const saved = fake.snapshot();
   * fake.restore(saved);
   * ```
   */
  snapshot(): FakeSnapshot;
  /** Returns to a snapshot (the ID generator included). */
  restore(snapshot: FakeSnapshot): void;
  /** Back to the empty state, the initial ID sequence, an empty journal and no scripted failures. */
  reset(): void;
  /** The journal: one record per request received, oldest first. */
  readonly calls: readonly CallRecord[];
  /**
   * What a call of the journal changed: pools, identities, logins, developer users, roles, role mappings,
   * tags, as plain data and text.
   *
   * @example
   * ```ts
   * fake.changesOf(fake.calls.at(-1)!).text; // 'identity us-east-1:… linked graph.facebook.com user "fb-1"'
   * ```
   */
  changesOf(call: CallRecord): StateChanges;
  /** One record per credential issued, oldest first. */
  readonly issuedCredentials: readonly IssuedCredential[];
  /**
   * The next `times` (default 1) requests of `operation` (`"*"`: any) answer with this service error. An
   * unknown operation name throws at once, naming the nearest one.
   *
   * @example
   * ```ts
   * fake.failNext("GetId", "TooManyRequestsException", { times: 2 });
   * ```
   */
  failNext(operation: OperationName | "*", error: string | FailureSpec, options?: { times?: number }): void;
  /**
   * The record of the credential the fake issued with this access key id, or `undefined`: which identity and
   * which role a set of credentials stands for.
   *
   * @example
   * ```ts
   * const credentials = await fromCognitoIdentityPool({ identityPoolId, cache: createProviderCache() })();
   * fake.credentialsFor(credentials.accessKeyId)?.roleArn; // "arn:aws:iam::123456789012:role/guest"
   * ```
   */
  credentialsFor(accessKeyId: string): IssuedCredential | undefined;
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
  /**
   * Routes an aws-sdk-client-mock mock (`mockClient(...)` of a Cognito Identity client class) to the fake: the
   * mock's own behaviours (`.on(Command)`, `.resolves()`, …) win; every other command is answered by the fake
   * through the client's SDK stack, as the plug-in answers (typed outputs and errors, `$metadata`, retries,
   * and `immediateRetries` when the fake has it). The mock records every call, so `aws-sdk-client-mock-jest`
   * matchers see them all. Survives `mock.reset()`; works whether `install()` ran before or after
   * `mockClient()`. Returns the mock.
   *
   * @example
   * ```ts
   * const mock = fake.attachTo(mockClient(CognitoIdentityClient));
   * mock.on(GetOpenIdTokenCommand).rejects(new Error("scripted outage"));
   * await client.send(new GetIdCommand({ IdentityPoolId })); // answered by the fake
   * ```
   */
  attachTo<M extends AttachableClientMock>(mock: M): M;
  /**
   * A retry strategy that retries as the SDK's standard one decides (throttling and transient errors, up to
   * `maxAttempts`, default 3) but without back-off and without timers, for a client wired with `plugin()` or
   * `requestHandler()`. Each call returns a new strategy.
   *
   * @example
   * ```ts
   * const client = new CognitoIdentityClient({ region: "us-east-1", retryStrategy: fake.retryStrategy() });
   * client.middlewareStack.use(fake.plugin());
   * ```
   */
  retryStrategy(options?: ImmediateRetryOptions): RetryStrategyV2;
}
