/**
 * Plans: the fixed inputs steps draw on (templates, tags, mappings, roles) and the dispatch to the pool and identity planners.
 */

import { DEV, DEV_OTHER, ROLE_AUTH, ROLE_BAD, ROLE_FB1, ROLE_U1, ROLE_UNAUTH } from "./constants";
import { planIdentity } from "./planIdentities";
import { type PoolOp, planPool } from "./planPools";
import {
  ACCOUNT,
  FACEBOOK,
  GOOGLE,
  type ModelResult,
  type PoolArn,
  type PoolConfigInput,
  type ReferenceModel,
  type Region,
  type RoleMappingInput,
  USER_POOL,
  USER_POOL_CLIENT,
  USER_POOL_MAPPING_KEY,
} from "./reference";
import { otherRegion, type Resolved } from "./resolve";
import type { ArnSpec, MappingSpec, Spec, Template } from "./specs";
import type { World } from "./world";

const TEMPLATES: Record<Template, Omit<PoolConfigInput, "IdentityPoolName">> = {
  full: {
    AllowUnauthenticatedIdentities: true,
    SupportedLoginProviders: { [FACEBOOK]: "fb-app" },
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: USER_POOL_CLIENT }],
    DeveloperProviderName: DEV,
  },
  closed: {
    AllowUnauthenticatedIdentities: false,
    SupportedLoginProviders: { [FACEBOOK]: "fb-app-2" },
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: USER_POOL_CLIENT }],
    DeveloperProviderName: DEV,
  },
  bare: { AllowUnauthenticatedIdentities: true },
  social: { AllowUnauthenticatedIdentities: false, SupportedLoginProviders: { [FACEBOOK]: "fb-app" } },
  otherDev: {
    AllowUnauthenticatedIdentities: true,
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: USER_POOL_CLIENT }],
    DeveloperProviderName: DEV_OTHER,
  },
  badProvider: {
    AllowUnauthenticatedIdentities: true,
    SupportedLoginProviders: { "login.example.com": "x" },
  },
};

export const TAGS = {
  none: undefined,
  omit: undefined,
  team: { team: "blue" },
  two: { team: "red", env: "prod" },
  empty: {},
  aws: { "aws:reserved": "x" },
  badchar: { "bad#key": "v" },
} as const;

export const MAPPINGS: Record<MappingSpec, Record<string, RoleMappingInput> | undefined> = {
  none: undefined,
  fbRules: {
    [FACEBOOK]: {
      Type: "Rules",
      AmbiguousRoleResolution: "AuthenticatedRole",
      RulesConfiguration: {
        Rules: [{ Claim: "sub", MatchType: "Equals", Value: "fb-1", RoleARN: ROLE_FB1 }],
      },
    },
  },
  fbDeny: {
    [FACEBOOK]: {
      Type: "Rules",
      AmbiguousRoleResolution: "Deny",
      RulesConfiguration: {
        Rules: [{ Claim: "sub", MatchType: "Equals", Value: "fb-1", RoleARN: ROLE_FB1 }],
      },
    },
  },
  upToken: { [USER_POOL_MAPPING_KEY]: { Type: "Token", AmbiguousRoleResolution: "AuthenticatedRole" } },
  upRules: {
    [USER_POOL_MAPPING_KEY]: {
      Type: "Rules",
      AmbiguousRoleResolution: "Deny",
      RulesConfiguration: {
        Rules: [{ Claim: "sub", MatchType: "StartsWith", Value: "u1", RoleARN: ROLE_U1 }],
      },
    },
  },
  google: { [GOOGLE]: { Type: "Token", AmbiguousRoleResolution: "Deny" } },
  noAmbiguous: { [FACEBOOK]: { Type: "Token" } },
};

export const ROLES = {
  none: {},
  auth: { authenticated: ROLE_AUTH },
  both: { authenticated: ROLE_AUTH, unauthenticated: ROLE_UNAUTH },
  bad: { authenticated: ROLE_BAD },
} as const;

export const PROVIDERS = { fb: FACEBOOK, up: USER_POOL, google: GOOGLE } as const;
export const PRINCIPAL_TAGS = {
  none: undefined,
  sub: { user: "sub" },
  both: { client: "aud", who: "sub" },
} as const;

/** One step, ready to run: the request and what the model answers to it. */
export interface Plan {
  readonly op: string;
  readonly region: Region;
  readonly input: Record<string, unknown>;
  readonly pages?: 1 | "all";
  readonly readOnly: boolean;
  readonly model: (m: ReferenceModel) => ModelResult;
}

const READ_ONLY = new Set([
  "DescribeIdentityPool",
  "ListIdentityPools",
  "DescribeIdentity",
  "ListIdentities",
  "GetIdentityPoolRoles",
  "GetPrincipalTagAttributeMap",
  "ListTagsForResource",
  "LookupDeveloperIdentity",
]);

export function configInput(
  spec: { template: Template; classic?: boolean; badName: boolean },
  name: string,
): PoolConfigInput {
  const input: PoolConfigInput = {
    IdentityPoolName: spec.badName ? "bad!name" : name,
    ...structuredClone(TEMPLATES[spec.template]),
  };
  if (spec.classic !== undefined) input.AllowClassicFlow = spec.classic;
  return input;
}

export function arnOf(pool: Resolved, arn: ArnSpec, r: Region): { text: string; model: PoolArn } {
  if (arn === "malformed") {
    const text = `arn:aws:iam::${ACCOUNT}:role/not-a-pool`;
    return { text, model: { malformed: text } };
  }
  const home = "raw" in pool.ref ? r : pool.home;
  const region = arn === "otherRegion" ? otherRegion(home) : home;
  const account = arn === "otherAccount" ? "999999999999" : ACCOUNT;
  const text = `arn:aws:cognito-identity:${region}:${account}:identitypool/${pool.text}`;
  return { text, model: { pool: pool.ref, account, region, text } };
}

/** A developer user of another identity of the pool than `user`'s (for merges that find both users). */
export function sibling(world: World, pool: Resolved, user: string): string {
  if ("raw" in pool.ref) return user;
  const poolM = pool.ref.m;
  const others = world.model.identities.filter(
    (i) => i.pool === poolM && !i.deleted && i.devUsers.length > 0 && !i.devUsers.includes(user),
  );
  return others[0]?.devUsers[0] ?? user;
}

/** Turns a spec into a request and the model's call, against the current model. */

const POOL_OPS: ReadonlySet<string> = new Set<PoolOp>([
  "CreateIdentityPool",
  "UpdateIdentityPool",
  "DescribeIdentityPool",
  "DeleteIdentityPool",
  "GetIdentityPoolRoles",
  "ListIdentityPools",
  "SetIdentityPoolRoles",
  "SetPrincipalTagAttributeMap",
  "GetPrincipalTagAttributeMap",
  "TagResource",
  "UntagResource",
  "ListTagsForResource",
]);

const isPoolSpec = (spec: Spec): spec is Extract<Spec, { op: PoolOp }> => POOL_OPS.has(spec.op);

/** The plan of one step: the API input, the region, and the reference model's call. */
export function plan(world: World, spec: Exclude<Spec, { op: "Checkpoint" | "Restore" }>): Plan {
  const readOnly = READ_ONLY.has(spec.op);
  return isPoolSpec(spec) ? planPool(world, spec, readOnly) : planIdentity(world, spec, readOnly);
}
