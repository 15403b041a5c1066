/**
 * `createCognitoIdentityFake`: the public face of the library, a thin layer over the {@link Engine}.
 */
import type { Pluggable } from "@smithy/types";
import { type SeedIdentityPoolInput, seedPool } from "./core/seed";
import type { CoreState, IdentityPoolRecord } from "./core/state";
import { poolIdsInRegion } from "./core/store/pools";
import { type CallRecord, Engine, type FailureSpec } from "./engine/engine";
import { createPlugin } from "./sdk/plugin";
import { createRequestHandler, type FakeRequestHandler } from "./sdk/requestHandler";

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
  /** Adds a pool as the API would (validated the same way) and returns its record. */
  seedIdentityPool(input: SeedIdentityPoolInput): IdentityPoolRecord;
  /** The record of a pool, in any region, or `undefined`. */
  getIdentityPool(identityPoolId: string): IdentityPoolRecord | undefined;
  /** The pools of a region (default: the fake's region), oldest first. */
  listIdentityPools(region?: string): IdentityPoolRecord[];
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
  return {
    plugin: () => plugin,
    requestHandler: () => handler,
    seedIdentityPool: (input) => engine.apply(input.Region, (state, env) => seedPool(state, input, env)).pool,
    getIdentityPool: (id) => engine.state.pools.get(id)?.pool,
    listIdentityPools(region = engine.options.region) {
      const ctx = engine.context(region);
      return poolIdsInRegion(engine.state, ctx).flatMap((id) => engine.state.pools.get(id)?.pool ?? []);
    },
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
  };
}
