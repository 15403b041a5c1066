/**
 * The operations the benchmark times, each as a function from the world and a call number to the command
 * input (the same object goes to the SDK command and, as wire input, to the core's dispatch).
 */
import type { OperationName } from "../src/core";
import { PROVIDER, type World } from "./fixture";

/** One timed operation. */
export interface BenchOperation {
  readonly name: string;
  readonly operation: OperationName;
  input(world: World, i: number): Record<string, unknown>;
  /** Whether the flat-cost target (100k / 1k ≤ 1.3) applies. */
  readonly scaleTarget: boolean;
  /** Calls that create something: fewer iterations, so no quota is reached. */
  readonly creates?: boolean;
}

/** Spreads call numbers over the whole world, so lookups are not all cache-hot. */
const spread = (world: World, i: number): number => (i * 7919) % world.size;

export const OPERATIONS_UNDER_TEST: readonly BenchOperation[] = [
  {
    name: "GetId (new guest)",
    operation: "GetId",
    input: (w) => ({ IdentityPoolId: w.poolId }),
    scaleTarget: false,
  },
  {
    name: "GetId (existing login)",
    operation: "GetId",
    input: (w, i) => ({ IdentityPoolId: w.poolId, Logins: { [PROVIDER]: w.token(i) } }),
    scaleTarget: true,
  },
  {
    name: "GetCredentialsForIdentity (rules mapping)",
    operation: "GetCredentialsForIdentity",
    input: (w, i) => ({ IdentityId: w.identityId(i % 64), Logins: { [PROVIDER]: w.token(i % 64) } }),
    scaleTarget: false,
  },
  {
    name: "GetOpenIdToken (guest)",
    operation: "GetOpenIdToken",
    input: (w, i) => ({ IdentityId: w.guestId(i) }),
    scaleTarget: false,
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
];
