/**
 * What the server needs from the fake it serves: the engine (wire requests, state, journal) and the fake's
 * public API (seeding, records, login tokens), so that a test seeding in-process and a process calling over
 * HTTP see one state.
 */
import type { SeedIdentityInput, SeedIdentityPoolInput } from "../core/seed";
import type { LoginTokenMinter } from "../core/tokens/loginTokens";
import type { Jwks } from "../core/tokens/openid";
import type { Engine, FailureSpec } from "../engine/engine";

/** The part of the fake's public API the control plane calls; records are served as the fake returns them. */
export interface ServedFake {
  seedIdentityPool(input: SeedIdentityPoolInput): object;
  seedIdentities(inputs: readonly SeedIdentityInput[]): readonly object[];
  listIdentityPools(region?: string): readonly object[];
  listIdentities(identityPoolId: string): readonly object[];
  readonly loginToken: LoginTokenMinter;
  readonly issuedCredentials: readonly object[];
  jwks(): Jwks;
  reset(): void;
  failNext(operation: string, error: string | FailureSpec, options?: { times?: number }): void;
}

/**
 * Settings of `fake.listen()`. Every one is optional.
 *
 * @example
 * ```ts
 * const server = await fake.listen({ port: 4566, stateFile: "fake-state.json", maxJournal: 1000 });
 * ```
 */
export interface ListenOptions {
  /** The port; 0 (the default) takes any free port. */
  port?: number;
  /** The interface to listen on. Default `127.0.0.1` (loopback only). */
  host?: string;
  /** A state file: loaded at start if it exists, written on `close()` and on `POST /_fake/save`. */
  stateFile?: string;
  /** The most journal entries (and issued-credential records) kept; older ones are dropped. Default 5000. */
  maxJournal?: number;
  /** Time a client has to send the request headers before its connection is closed (408). Default 10 s. */
  headersTimeoutMs?: number;
  /** Time a client has to send a whole request, body included (408). Default 30 s. */
  requestTimeoutMs?: number;
}

/**
 * A running server.
 *
 * @example
 * ```ts
 * const server: FakeServer = await fake.listen();
 * new CognitoIdentityClient({ region: "us-east-1", endpoint: server.url, credentials });
 * await server.close();
 * ```
 */
export interface FakeServer {
  /** `http://<host>:<port>`, the endpoint to give clients. */
  readonly url: string;
  /** The port listened on. */
  readonly port: number;
  /** Writes the state file (if any), stops accepting, ends every connection and resolves when all is closed. */
  close(): Promise<void>;
}

/** Everything the server runs on. */
export interface ServerHost {
  readonly engine: Engine;
  readonly fake: ServedFake;
}
