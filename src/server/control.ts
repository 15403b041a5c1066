/**
 * The control plane under `/_fake/`: JSON in and out, for processes that cannot call the library directly
 * (boto3, the AWS CLI, a browser page, another test runner). Records are served as the fake's public API
 * returns them (dates as ISO 8601 text). A service error (a seed the API would refuse) answers 400
 * `{ "__type", "message" }`; bad JSON 400, an unknown path 404, a wrong method 405, each with a `message`.
 */
import { ServiceError } from "../core/errors";
import { OPERATION_NAMES } from "../core/model/model.generated";
import type { SeedIdentityInput, SeedIdentityPoolInput } from "../core/seed";
import type { CallRecord, FailureSpec } from "../engine/engine";
import type { ServerHost } from "./host";
import { regionOfId } from "./region";
import type { JsonAnswer } from "./wellKnown";

/** What a control request carries, read by the listener. */
export interface ControlRequest {
  readonly method: string;
  /** The path after `/_fake`, such as `/reset`. */
  readonly path: string;
  readonly body: string;
  /** Writes the state file and returns its path; `undefined` when the server has none. */
  readonly save?: () => string;
}

type Route = (host: ServerHost, input: Record<string, unknown>, request: ControlRequest) => unknown;

const ok = (body: unknown): JsonAnswer => ({ status: 200, body });
const fail = (status: number, message: string): JsonAnswer => ({ status, body: { message } });

/** Every region that holds a pool of the state, the default region first. */
function regions(host: ServerHost): string[] {
  const found = new Set([host.engine.options.region]);
  for (const [key] of host.engine.state.poolOrder) found.add(key.slice(key.indexOf("/") + 1));
  return [...found];
}

/** A journal entry as JSON: what was asked and answered (the entry's other fields stay in-process). */
const callJson = (call: CallRecord) => ({
  operation: call.operation,
  input: call.input,
  ...(call.output ? { output: call.output } : {}),
  ...(call.error ? { error: call.error } : {}),
  region: call.region,
  time: call.time,
});

const POST: Record<string, Route> = {
  "/reset": ({ fake }) => {
    fake.reset();
    return {};
  },
  "/pools": ({ fake }, input) => {
    // A pool seeded with a fixed id lives in the region its id names, unless `Region` says otherwise.
    const region = typeof input.IdentityPoolId === "string" ? regionOfId(input.IdentityPoolId) : undefined;
    const seed = { ...(region ? { Region: region } : {}), ...input } as unknown as SeedIdentityPoolInput;
    return fake.seedIdentityPool(seed);
  },
  "/identities": ({ fake }, input) => {
    const list = input.Identities;
    if (Array.isArray(list)) return { Identities: fake.seedIdentities(list as SeedIdentityInput[]) };
    return fake.seedIdentities([input as unknown as SeedIdentityInput])[0];
  },
  "/login-tokens/user-pool": ({ fake }, input) => ({
    token: fake.loginToken.userPool(input as unknown as Parameters<typeof fake.loginToken.userPool>[0]),
  }),
  "/login-tokens/oidc": ({ fake }, input) => ({
    token: fake.loginToken.oidc(input as unknown as Parameters<typeof fake.loginToken.oidc>[0]),
  }),
  "/fail-next": ({ fake }, input) => {
    const { operation, error, times } = input;
    if (operation !== "*" && !(OPERATION_NAMES as readonly unknown[]).includes(operation)) {
      throw new TypeError(`operation must be an operation name or *, got ${JSON.stringify(operation)}`);
    }
    if (typeof error !== "string" && (typeof error !== "object" || error === null)) {
      throw new TypeError("error must be an error name or { name, message?, statusCode? }");
    }
    const count = times === undefined ? 1 : Number(times);
    fake.failNext(operation as string, error as string | FailureSpec, { times: count });
    return {};
  },
  "/save": (_host, _input, request) => {
    if (!request.save) throw new ControlError(409, "This server has no state file (start it with --state).");
    return { path: request.save() };
  },
};

const GET: Record<string, Route> = {
  "/state": (host) => {
    const pools = regions(host).flatMap((region) => host.fake.listIdentityPools(region));
    const ids = [...host.engine.state.poolOrder].flatMap(([, poolIds]) => poolIds);
    return { IdentityPools: pools, Identities: ids.flatMap((id) => host.fake.listIdentities(id)) };
  },
  "/calls": (host) => ({ calls: host.engine.calls.map(callJson) }),
  "/issued-credentials": (host) => ({ issuedCredentials: host.fake.issuedCredentials }),
  "": () => ({
    routes: [
      ...Object.keys(GET)
        .filter(Boolean)
        .map((path) => `GET /_fake${path}`),
      ...Object.keys(POST).map((path) => `POST /_fake${path}`),
    ],
  }),
};

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Answers one control request.
 *
 * @example
 * ```ts
 * control(host, { method: "POST", path: "/reset", body: "" }); // { status: 200, body: {} }
 * ```
 */
export function control(host: ServerHost, request: ControlRequest): JsonAnswer {
  const path = request.path.replace(/\/+$/, "");
  const table = request.method === "GET" ? GET : request.method === "POST" ? POST : undefined;
  const route = table && Object.hasOwn(table, path) ? table[path] : undefined;
  if (!route) {
    const known = Object.hasOwn(GET, path) || Object.hasOwn(POST, path);
    return known
      ? fail(405, `${request.method} is not allowed on /_fake${path}.`)
      : fail(404, `No control route /_fake${path}; GET /_fake lists them.`);
  }
  let input: unknown = {};
  if (request.body.trim() !== "") {
    try {
      input = JSON.parse(request.body);
    } catch (err) {
      return fail(400, `The body is not JSON: ${(err as Error).message}`);
    }
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return fail(400, "The body must be a JSON object.");
  }
  try {
    return ok(route(host, input as Record<string, unknown>, request));
  } catch (err) {
    if (err instanceof ServiceError) return { status: 400, body: { __type: err.type, message: err.message } };
    if (err instanceof ControlError) return fail(err.status, err.message);
    return fail(400, err instanceof Error ? err.message : String(err));
  }
}
