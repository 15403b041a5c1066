/**
 * The operations the benchmark times, each as a function from the world and a call number to the command
 * input (the same object goes to the SDK command and, as wire input, to the core's dispatch).
 */
import type { OperationName } from "../src/core";
import { PLAIN_DEVELOPER_PROVIDER, PROVIDER, type World } from "./fixture";

/** One timed operation. */
export interface BenchOperation {
  readonly name: string;
  readonly operation: OperationName;
  input(world: World, i: number): Record<string, unknown>;
  /** Whether the flat-cost target (100k / 1k ≤ 1.3) applies. */
  readonly scaleTarget: boolean;
  /** Measured at 1k / 10k / 100k identities without a target (those with `scaleTarget` always are). */
  readonly scaled?: boolean;
  /** Calls that create something: fewer iterations, so no quota is reached. */
  readonly creates?: boolean;
  /** Login tokens the world mints (default 64, cycled; each verified once, then remembered). */
  readonly worldTokens?: number;
  /** Mints a new OpenID token per call (an RS512 signature): held to the strict floor plus one signature. */
  readonly mintsToken?: boolean;
  /** Verifies a login token's RS256 signature per call: the verification's cost is printed beside (same target). */
  readonly verifiesToken?: boolean;
}

const ROLES = {
  authenticated: "arn:aws:iam::123456789012:role/user",
  unauthenticated: "arn:aws:iam::123456789012:role/guest",
};

/** Spreads call numbers over the whole world, so lookups are not all cache-hot. */
const spread = (world: World, i: number): number => (i * 7919) % world.size;

export const OPERATIONS_UNDER_TEST: readonly BenchOperation[] = [
  {
    name: "GetId (new guest)",
    operation: "GetId",
    input: (w) => ({ IdentityPoolId: w.poolId }),
    scaleTarget: false,
    scaled: true,
  },
  {
    name: "GetId (existing login)",
    operation: "GetId",
    input: (w, i) => ({ IdentityPoolId: w.poolId, Logins: { [PROVIDER]: w.token(i) } }),
    scaleTarget: true,
  },
  {
    name: "GetId (login token not seen before)",
    operation: "GetId",
    input: (w, i) => ({ IdentityPoolId: w.poolId, Logins: { [PROVIDER]: w.token(i) } }),
    scaleTarget: false,
    worldTokens: 4200,
    verifiesToken: true,
  },
  {
    name: "GetCredentialsForIdentity (rules mapping)",
    operation: "GetCredentialsForIdentity",
    input: (w, i) => ({ IdentityId: w.identityId(i % 64), Logins: { [PROVIDER]: w.token(i % 64) } }),
    scaleTarget: false,
    scaled: true,
  },
  {
    name: "GetCredentialsForIdentity (guest, plain roles)",
    operation: "GetCredentialsForIdentity",
    input: (w, i) => ({ IdentityId: w.guestId(i) }),
    scaleTarget: false,
  },
  {
    name: "GetOpenIdToken (guest, new token)",
    operation: "GetOpenIdToken",
    input: (w, i) => {
      w.tick();
      return { IdentityId: w.guestId(i) };
    },
    scaleTarget: false,
    scaled: true,
    mintsToken: true,
  },
  {
    name: "GetOpenIdTokenForDeveloperIdentity (new token)",
    operation: "GetOpenIdTokenForDeveloperIdentity",
    input: (w, i) => {
      w.tick();
      return {
        IdentityPoolId: w.plainPoolId,
        Logins: { [PLAIN_DEVELOPER_PROVIDER]: w.plainDeveloperUser(i) },
      };
    },
    scaleTarget: false,
    mintsToken: true,
  },
  {
    name: "DescribeIdentity",
    operation: "DescribeIdentity",
    input: (w, i) => ({ IdentityId: w.identityId(spread(w, i)) }),
    scaleTarget: true,
  },
  {
    name: "LookupDeveloperIdentity",
    operation: "LookupDeveloperIdentity",
    input: (w, i) => ({ IdentityPoolId: w.poolId, DeveloperUserIdentifier: w.developerUser(spread(w, i)) }),
    scaleTarget: true,
  },
  {
    name: "ListIdentities (page of 60)",
    operation: "ListIdentities",
    input: (w) => ({ IdentityPoolId: w.poolId, MaxResults: 60 }),
    scaleTarget: true,
  },
  {
    name: "CreateIdentityPool",
    operation: "CreateIdentityPool",
    input: (_w, i) => ({ IdentityPoolName: `bench ${i}`, AllowUnauthenticatedIdentities: true }),
    scaleTarget: false,
    creates: true,
  },
  {
    name: "DescribeIdentityPool",
    operation: "DescribeIdentityPool",
    input: (w) => ({ IdentityPoolId: w.poolId }),
    scaleTarget: false,
  },
  {
    name: "ListIdentityPools",
    operation: "ListIdentityPools",
    input: () => ({ MaxResults: 60 }),
    scaleTarget: false,
  },
  {
    name: "UpdateIdentityPool",
    operation: "UpdateIdentityPool",
    input: (w, i) => ({
      IdentityPoolId: w.plainPoolId,
      IdentityPoolName: `plain ${i % 2}`,
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: true,
      DeveloperProviderName: PLAIN_DEVELOPER_PROVIDER,
    }),
    scaleTarget: false,
  },
  {
    name: "GetIdentityPoolRoles (rules mapping)",
    operation: "GetIdentityPoolRoles",
    input: (w) => ({ IdentityPoolId: w.poolId }),
    scaleTarget: false,
  },
  {
    name: "SetIdentityPoolRoles",
    operation: "SetIdentityPoolRoles",
    input: (w) => ({ IdentityPoolId: w.plainPoolId, Roles: ROLES }),
    scaleTarget: false,
  },
  {
    name: "GetPrincipalTagAttributeMap",
    operation: "GetPrincipalTagAttributeMap",
    input: (w) => ({ IdentityPoolId: w.poolId, IdentityProviderName: PROVIDER }),
    scaleTarget: false,
  },
  {
    name: "TagResource",
    operation: "TagResource",
    input: (w, i) => ({ ResourceArn: w.poolArn, Tags: { team: `t${i % 8}` } }),
    scaleTarget: false,
  },
  {
    name: "ListTagsForResource",
    operation: "ListTagsForResource",
    input: (w) => ({ ResourceArn: w.poolArn }),
    scaleTarget: false,
  },
];
