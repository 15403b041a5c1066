/**
 * The hostile-input tests of `test/wire/hostile*.test.ts`: a client whose serialized request (body and headers)
 * a build-step middleware rewrites before the fake answers it, the constants they share, a guard that no global
 * prototype was polluted after each test, and the count of hostile inputs a file tried (printed at its end).
 */
import * as sdk from "@aws-sdk/client-cognito-identity";
import type { OperationName } from "../../src/core";
import { sdkCommand, setup, USER_POOL } from "./helpers";
import { report } from "./report";

export const NOW = new Date("2026-01-01T00:00:00Z");
export const USER_POOL_ID = "us-east-1_TestPool1";
export const CLIENT_ID = "testclient123";
export const DEV = "login.hostile";
export const COGNITO = "cognito-identity.amazonaws.com";
export const MB = 1024 * 1024;
export const NOT_JSON = "Unable to parse the request body as JSON.";

let tried = 0;

/** Counts hostile inputs that do not go through {@link hostileWorld}'s `send`. */
export const countTried = (n = 1): void => {
  tried += n;
};

// ---- pollution guard ------------------------------------------------------------------------------------

const PROTOTYPES = {
  Object: Object.prototype,
  Array: Array.prototype,
  Function: Function.prototype,
  String: String.prototype,
};
const ownNames = () =>
  Object.fromEntries(Object.entries(PROTOTYPES).map(([k, p]) => [k, Object.getOwnPropertyNames(p).sort()]));

/**
 * Registers, for the calling test file, a check after every test that no global prototype gained a property,
 * and prints the number of hostile inputs tried at the end under `label`.
 */
export function guardHostileFile(label: string): void {
  const before = ownNames();
  afterAll(() => {
    report(`${label}: ${tried} hostile or malformed inputs tried`);
  });
  afterEach(() => {
    expect(ownNames()).toEqual(before);
    const probe = {} as Record<string, unknown>;
    for (const key of ["polluted", "isAdmin", "x", "y"]) {
      expect(probe[key]).toBeUndefined();
      expect(key in probe).toBe(false);
    }
    expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
  });
}

// ---- the hostile client ---------------------------------------------------------------------------------

export interface WireRequestLike {
  headers: Record<string, unknown>;
  body: unknown;
}

/** A fake, a pool, and a client whose next request can be rewritten on the wire. */
export function hostileWorld() {
  const { fake, client } = setup({ now: () => NOW });
  // A stream body is one of the hostile inputs: the SDK cannot retry a failed streaming request and says so on
  // the client's logger, which defaults to the console. This client's logger keeps those notes to itself.
  const quiet = () => {};
  client.config.logger = { trace: quiet, debug: quiet, info: quiet, warn: quiet, error: quiet };
  let rewrite: ((request: WireRequestLike) => void) | undefined;
  client.middlewareStack.add(
    (next) => async (args) => {
      rewrite?.(args.request as WireRequestLike);
      return next(args);
    },
    { step: "build", name: "hostileRewrite", priority: "low" },
  );
  const pool = fake.seedIdentityPool({
    IdentityPoolName: "hostile",
    AllowUnauthenticatedIdentities: true,
    SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
    DeveloperProviderName: DEV,
    Roles: {
      authenticated: "arn:aws:iam::123456789012:role/auth",
      unauthenticated: "arn:aws:iam::123456789012:role/unauth",
    },
  });

  /**
   * Sends `op` with `rewrite` applied to its serialized request; answers the output, or the rejection (which
   * must be a service exception, and must have left the state identical).
   */
  async function send(
    op: OperationName,
    change: (request: WireRequestLike) => void,
    input: Record<string, unknown> = {},
  ): Promise<
    { ok: true; output: Record<string, unknown> } | { ok: false; error: sdk.CognitoIdentityServiceException }
  > {
    tried++;
    const stateBefore = fake.state;
    rewrite = change;
    try {
      const output = (await client.send(sdkCommand(op, input))) as unknown as Record<string, unknown>;
      return { ok: true, output };
    } catch (e) {
      if (!(e instanceof sdk.CognitoIdentityServiceException)) {
        throw new Error(`${op}: the SDK call rejected with ${String(e)}, not a service exception`);
      }
      expect(e.$fault).toBe("client");
      expect(e.$metadata.httpStatusCode).toBe(400);
      if (fake.state !== stateBefore) throw new Error(`${op} failed with ${e.name} but changed the state`);
      return { ok: false, error: e };
    } finally {
      rewrite = undefined;
    }
  }

  /** Sends a raw body; expects the error `name` (and `message` when given). */
  async function expectBodyError(op: OperationName, body: unknown, name: string, message?: string | RegExp) {
    const answer = await send(op, (r) => {
      r.body = body;
    });
    if (answer.ok) throw new Error(`${op} accepted the body ${String(body).slice(0, 80)}`);
    expect(answer.error.name).toBe(name);
    if (typeof message === "string") expect(answer.error.message).toBe(message);
    else if (message) expect(answer.error.message).toMatch(message);
    return answer.error;
  }

  return { fake, client, poolId: pool.IdentityPoolId, send, expectBodyError };
}
