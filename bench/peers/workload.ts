/**
 * The workload every peer runs (the fake, moto in-process through boto3, moto's server through the JS SDK):
 * the same world built through the API (two pools, 60 guests in the first), then each command with the same
 * inputs. Inputs are templates: `{pool}`, `{pool2}`, `{guest}` (the 60 guests in turn), `{i}` (call number),
 * `{k}` (call number mod 60) are filled in per call, by the JS runner and by `moto_inprocess.py` alike.
 */

/** One command of the peers' workload. */
export interface PeerOperation {
  readonly name: string;
  readonly operation: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly creates?: boolean;
}

/** How long each peer measures: the median over `repeats` batches of `iterations` calls, after `warmup`. */
export interface PeerTiming {
  readonly warmup: number;
  readonly iterations: number;
  readonly repeats: number;
  readonly createWarmup: number;
  readonly createIterations: number;
}

export const PEER_WORLD = {
  pool: {
    IdentityPoolName: "peers",
    AllowUnauthenticatedIdentities: true,
    AllowClassicFlow: true,
    DeveloperProviderName: "login.peers",
  },
  pool2: {
    IdentityPoolName: "peers2",
    AllowUnauthenticatedIdentities: true,
    AllowClassicFlow: true,
    DeveloperProviderName: "login.peers2",
  },
  guests: 60,
  /** Set on the first pool where a peer supports it (the fake needs roles to issue credentials). */
  roles: {
    authenticated: "arn:aws:iam::123456789012:role/user",
    unauthenticated: "arn:aws:iam::123456789012:role/guest",
  },
} as const;

export const PEER_OPERATIONS: readonly PeerOperation[] = [
  { name: "DescribeIdentityPool", operation: "DescribeIdentityPool", input: { IdentityPoolId: "{pool}" } },
  {
    name: "ListIdentities (page of 60)",
    operation: "ListIdentities",
    input: { IdentityPoolId: "{pool}", MaxResults: 60 },
  },
  {
    name: "GetCredentialsForIdentity (guest)",
    operation: "GetCredentialsForIdentity",
    input: { IdentityId: "{guest}" },
  },
  { name: "GetOpenIdToken (guest)", operation: "GetOpenIdToken", input: { IdentityId: "{guest}" } },
  {
    name: "GetOpenIdTokenForDeveloperIdentity",
    operation: "GetOpenIdTokenForDeveloperIdentity",
    input: { IdentityPoolId: "{pool2}", Logins: { "login.peers2": "dev-{k}" } },
  },
  { name: "GetId (new guest)", operation: "GetId", input: { IdentityPoolId: "{pool2}" } },
  {
    name: "UpdateIdentityPool",
    operation: "UpdateIdentityPool",
    input: { IdentityPoolId: "{pool}", ...PEER_WORLD.pool },
  },
  {
    name: "CreateIdentityPool",
    operation: "CreateIdentityPool",
    input: { IdentityPoolName: "created {i}", AllowUnauthenticatedIdentities: true },
    creates: true,
  },
];

/** A template filled in. */
export function resolve(value: unknown, env: Readonly<Record<string, string>>): unknown {
  if (typeof value === "string")
    return value.replace(/\{(\w+)\}/g, (whole, key: string) => env[key] ?? whole);
  if (Array.isArray(value)) return value.map((v) => resolve(v, env));
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, env)]));
  return value;
}
