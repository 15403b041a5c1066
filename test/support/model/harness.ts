/**
 * The model-based property test's machinery: command specs (plain data fast-check generates), their resolution
 * against the current model into a real API input plus the reference model's call, execution through the real
 * SDK client with the plug-in or through the fake's request handler (engine + wire layer, no SDK), and the
 * comparison of answers, state and invariants after every step.
 */
import * as sdk from "@aws-sdk/client-cognito-identity";
import fc from "fast-check";
import { type CognitoIdentityFake, createCognitoIdentityFake, type FakeSnapshot } from "../../../src";
import type { OperationName } from "../../../src/core";
import { coreStateOf } from "../../../src/internal";
import { sdkCommand } from "../helpers";
import { checkInvariants, digest } from "./invariants";
import {
  ACCOUNT,
  COGNITO,
  FACEBOOK,
  GOOGLE,
  type ModelResult,
  type PoolArn,
  type PoolConfigInput,
  REGIONS,
  type Ref,
  ReferenceModel,
  type Region,
  type RoleMappingInput,
  type TokenFacts,
  USER_POOL,
  USER_POOL_CLIENT,
  USER_POOL_ID,
  USER_POOL_MAPPING_KEY,
} from "./reference";

export const BASE_TIME = Date.UTC(2026, 0, 1);
const DEV = "login.dev";
const DEV_OTHER = "login.other";
const ROLE_AUTH = `arn:aws:iam::${ACCOUNT}:role/model-auth`;
const ROLE_UNAUTH = `arn:aws:iam::${ACCOUNT}:role/model-unauth`;
const ROLE_FB1 = `arn:aws:iam::${ACCOUNT}:role/model-fb1`;
const ROLE_U1 = `arn:aws:iam::${ACCOUNT}:role/model-u1`;
const ROLE_PREFERRED = `arn:aws:iam::${ACCOUNT}:role/model-preferred`;
const ROLE_OTHER = `arn:aws:iam::${ACCOUNT}:role/model-other`;
const ROLE_BAD = "arn:aws:iam::12345:role/short-account";
const UNKNOWN_POOL = "us-east-1:00000000-0000-4000-8000-0000000000ff";
const UNKNOWN_IDENTITY = "us-east-1:00000000-0000-4000-8000-0000000000ee";
const FB_USERS = ["fb-1", "fb-2", "fb-3"] as const;
const DEV_USERS = ["dev-1", "dev-2", "dev-3", "dev-4"] as const;

// ---- command specs ----------------------------------------------------------------------------------------

type PoolSpec =
  | { k: "live" | "any"; n: number }
  | { k: "unknown" }
  | { k: "bad" }
  | { k: "ofId"; id: IdSpec };
type IdSpec =
  | { k: "live" | "any"; n: number }
  | { k: "unknown" }
  | { k: "bad" }
  | { k: "ownerFb"; user: string }
  | { k: "ownerDev"; user: string };
type Where = "home" | "away";
type UpToken = "u1" | "u2" | "u3" | "expired" | "tampered" | "wrongAud" | "otherIss" | "algNone" | "notJwt";
type LoginSpec =
  | { p: "fb"; user: string }
  | { p: "up"; token: UpToken }
  | { p: "google" }
  | { p: "dev"; user: string }
  | { p: "devOther"; user: string }
  | { p: "cognito"; token: number | "own" | "garbage" | "tampered" }
  /** One of the identity's own linked provider logins (user pool or Facebook), when it has one. */
  | { p: "own" };
type Template = "full" | "closed" | "bare" | "social" | "otherDev" | "badProvider";
type ArnSpec = "ok" | "otherAccount" | "otherRegion" | "malformed";

export type Spec =
  | {
      op: "CreateIdentityPool";
      region: Region;
      template: Template;
      classic?: boolean;
      badName: boolean;
      tags: "none" | "team" | "aws" | "badchar";
    }
  | {
      op: "UpdateIdentityPool";
      pool: PoolSpec;
      where: Where;
      template: Template;
      classic?: boolean;
      badName: boolean;
      tags: "omit" | "team" | "empty" | "aws";
    }
  | { op: "DescribeIdentityPool"; pool: PoolSpec; where: Where }
  | { op: "DeleteIdentityPool"; pool: PoolSpec; where: Where }
  | { op: "ListIdentityPools"; region: Region; max: number; pages: 1 | "all" }
  | {
      op: "GetId";
      pool: PoolSpec;
      where: Where;
      logins: LoginSpec[];
      sendEmpty: boolean;
      account?: "ok" | "other" | "bad";
    }
  | { op: "GetOpenIdToken"; id: IdSpec; where: Where; logins: LoginSpec[] }
  | {
      op: "GetCredentialsForIdentity";
      id: IdSpec;
      where: Where;
      logins: LoginSpec[];
      custom?: "auth" | "other" | "preferred";
    }
  | {
      op: "GetOpenIdTokenForDeveloperIdentity";
      pool: PoolSpec;
      where: Where;
      logins: LoginSpec[];
      id?: IdSpec;
      duration?: number;
      tags: boolean;
    }
  | { op: "LookupDeveloperIdentity"; pool: PoolSpec; where: Where; id?: IdSpec; user?: string; max?: number }
  | {
      op: "MergeDeveloperIdentities";
      pool: PoolSpec;
      where: Where;
      source: string;
      destination: string;
      other: boolean;
    }
  | {
      op: "UnlinkDeveloperIdentity";
      pool: PoolSpec;
      poolOfId: boolean;
      id: IdSpec;
      where: Where;
      user: string;
      other: boolean;
    }
  | { op: "UnlinkIdentity"; id: IdSpec; where: Where; logins: LoginSpec[]; remove: string[] }
  | { op: "DescribeIdentity"; id: IdSpec; where: Where }
  | { op: "ListIdentities"; pool: PoolSpec; where: Where; max: number; hide?: boolean; pages: 1 | "all" }
  | { op: "DeleteIdentities"; ids: IdSpec[]; where: Where }
  | {
      op: "SetIdentityPoolRoles";
      pool: PoolSpec;
      where: Where;
      roles: "none" | "auth" | "both" | "bad";
      mapping: MappingSpec;
    }
  | { op: "GetIdentityPoolRoles"; pool: PoolSpec; where: Where }
  | {
      op: "SetPrincipalTagAttributeMap";
      pool: PoolSpec;
      where: Where;
      provider: "fb" | "up" | "google";
      defaults?: boolean;
      tags: "none" | "sub" | "both";
    }
  | { op: "GetPrincipalTagAttributeMap"; pool: PoolSpec; where: Where; provider: "fb" | "up" | "google" }
  | {
      op: "TagResource";
      pool: PoolSpec;
      arn: ArnSpec;
      where: Where;
      tags: "team" | "two" | "aws" | "badchar" | "empty";
    }
  | { op: "UntagResource"; pool: PoolSpec; arn: ArnSpec; where: Where; keys: string[] }
  | { op: "ListTagsForResource"; pool: PoolSpec; arn: ArnSpec; where: Where }
  | { op: "Checkpoint" }
  | { op: "Restore" };

type MappingSpec = "none" | "fbRules" | "fbDeny" | "upToken" | "upRules" | "google" | "noAmbiguous";

/** A weighted choice among constants: `[value, weight]` pairs. */
function pick<T>(...choices: [T, number][]): fc.Arbitrary<T> {
  return fc.oneof(...choices.map(([value, weight]) => ({ weight, arbitrary: fc.constant(value) })));
}
const one = <T>(...values: T[]): fc.Arbitrary<T> => pick(...values.map((v): [T, number] => [v, 1]));

const region = one<Region>(...REGIONS);
const where = pick<Where>(["home", 14], ["away", 1]);
const idSpec: fc.Arbitrary<IdSpec> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ k: fc.constant("live" as const), n: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("any" as const), n: fc.nat(40) }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant("ownerDev" as const), user: one(...DEV_USERS) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("ownerFb" as const), user: one(...FB_USERS) }) },
  { weight: 1, arbitrary: fc.constant({ k: "unknown" as const }) },
  { weight: 1, arbitrary: fc.constant({ k: "bad" as const }) },
);
const poolSpec: fc.Arbitrary<PoolSpec> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ k: fc.constant("live" as const), n: fc.nat(10) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("any" as const), n: fc.nat(10) }) },
  { weight: 6, arbitrary: fc.record({ k: fc.constant("ofId" as const), id: idSpec }) },
  { weight: 1, arbitrary: fc.constant({ k: "unknown" as const }) },
  { weight: 1, arbitrary: fc.constant({ k: "bad" as const }) },
);
const upToken = pick<UpToken>(
  ["u1", 6],
  ["u2", 6],
  ["u3", 3],
  ["expired", 1],
  ["tampered", 1],
  ["wrongAud", 1],
  ["otherIss", 1],
  ["algNone", 1],
  ["notJwt", 1],
);
const login: fc.Arbitrary<LoginSpec> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ p: fc.constant("fb" as const), user: one(...FB_USERS) }) },
  { weight: 8, arbitrary: fc.record({ p: fc.constant("up" as const), token: upToken }) },
  { weight: 1, arbitrary: fc.constant({ p: "google" as const }) },
  { weight: 1, arbitrary: fc.record({ p: fc.constant("dev" as const), user: one(...DEV_USERS) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      p: fc.constant("cognito" as const),
      token: fc.oneof(
        { weight: 3, arbitrary: fc.nat(3) },
        { weight: 3, arbitrary: fc.constant("own" as const) },
        { weight: 1, arbitrary: one("garbage" as const, "tampered" as const) },
      ),
    }),
  },
);
const loginKey = (l: LoginSpec): string => l.p;
const logins = (max: number) => fc.uniqueArray(login, { maxLength: max, selector: loginKey });
/** Logins for a call that names an identity: often one of its own, so that the call proves it. */
const identityLogins = fc.oneof(
  { weight: 2, arbitrary: logins(2) },
  { weight: 3, arbitrary: fc.constant<LoginSpec[]>([{ p: "own" }]) },
  { weight: 2, arbitrary: logins(1).map((ls): LoginSpec[] => [{ p: "own" }, ...ls]) },
  { weight: 1, arbitrary: fc.constant<LoginSpec[]>([{ p: "cognito", token: "own" }]) },
);
/** The Logins of a developer call: mostly the developer user and up to two provider logins. */
const devLogins = fc.oneof(
  {
    weight: 16,
    arbitrary: fc
      .tuple(
        one(...DEV_USERS),
        fc
          .uniqueArray(login, { maxLength: 2, selector: loginKey })
          .map((ls) => ls.filter((l) => l.p !== "dev" && l.p !== "cognito")),
      )
      .map(([user, rest]): LoginSpec[] => [{ p: "dev", user }, ...rest]),
  },
  { weight: 1, arbitrary: fc.constant<LoginSpec[]>([{ p: "devOther", user: "dev-1" }]) },
  {
    weight: 1,
    arbitrary: fc.constant<LoginSpec[]>([
      { p: "dev", user: "dev-1" },
      { p: "devOther", user: "dev-2" },
    ]),
  },
  { weight: 1, arbitrary: fc.constant<LoginSpec[]>([{ p: "fb", user: "fb-1" }]) },
  {
    weight: 1,
    arbitrary: fc.constant<LoginSpec[]>([
      { p: "dev", user: "dev-2" },
      { p: "cognito", token: 0 },
    ]),
  },
  { weight: 1, arbitrary: fc.constant<LoginSpec[]>([{ p: "dev", user: "" }]) },
);
const template = pick<Template>(
  ["full", 4],
  ["closed", 2],
  ["bare", 1],
  ["social", 1],
  ["otherDev", 1],
  ["badProvider", 1],
);
const classic = pick<boolean | undefined>([undefined, 3], [true, 1], [false, 1]);
const maxResults = pick([1, 2], [2, 2], [3, 1], [60, 3], [0, 1], [61, 1]);
const rarely = pick([false, 9], [true, 1]);

const specs: [Spec["op"], fc.Arbitrary<Spec>][] = [
  [
    "CreateIdentityPool",
    fc.record({
      op: fc.constant("CreateIdentityPool" as const),
      region,
      template,
      classic,
      badName: rarely,
      tags: pick<"none" | "team" | "aws" | "badchar">(["none", 6], ["team", 2], ["aws", 1], ["badchar", 1]),
    }),
  ],
  [
    "UpdateIdentityPool",
    fc.record({
      op: fc.constant("UpdateIdentityPool" as const),
      pool: poolSpec,
      where,
      template,
      classic,
      badName: rarely,
      tags: pick<"omit" | "team" | "empty" | "aws">(["omit", 5], ["team", 2], ["empty", 1], ["aws", 1]),
    }),
  ],
  [
    "DescribeIdentityPool",
    fc.record({ op: fc.constant("DescribeIdentityPool" as const), pool: poolSpec, where }),
  ],
  [
    "DeleteIdentityPool",
    fc.record({ op: fc.constant("DeleteIdentityPool" as const), pool: poolSpec, where }),
  ],
  [
    "ListIdentityPools",
    fc.record({
      op: fc.constant("ListIdentityPools" as const),
      region,
      max: maxResults,
      pages: one<1 | "all">(1, "all"),
    }),
  ],
  [
    "GetId",
    fc.record({
      op: fc.constant("GetId" as const),
      pool: poolSpec,
      where,
      logins: logins(3),
      sendEmpty: fc.boolean(),
      account: pick<"ok" | "other" | "bad" | undefined>([undefined, 12], ["ok", 1], ["other", 1], ["bad", 1]),
    }),
  ],
  [
    "GetOpenIdToken",
    fc.record({ op: fc.constant("GetOpenIdToken" as const), id: idSpec, where, logins: identityLogins }),
  ],
  [
    "GetCredentialsForIdentity",
    fc.record({
      op: fc.constant("GetCredentialsForIdentity" as const),
      id: idSpec,
      where,
      logins: identityLogins,
      custom: pick<"auth" | "other" | "preferred" | undefined>(
        [undefined, 8],
        ["auth", 1],
        ["other", 1],
        ["preferred", 1],
      ),
    }),
  ],
  [
    "GetOpenIdTokenForDeveloperIdentity",
    fc.record({
      op: fc.constant("GetOpenIdTokenForDeveloperIdentity" as const),
      pool: poolSpec,
      where,
      logins: devLogins,
      id: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: idSpec }),
      duration: pick<number | undefined>([undefined, 8], [1, 2], [3600, 1], [0, 1], [86401, 1]),
      tags: fc.boolean(),
    }),
  ],
  [
    "LookupDeveloperIdentity",
    fc.record({
      op: fc.constant("LookupDeveloperIdentity" as const),
      pool: fc.oneof(
        {
          weight: 3,
          arbitrary: one(...DEV_USERS).map((user): PoolSpec => ({ k: "ofId", id: { k: "ownerDev", user } })),
        },
        { weight: 1, arbitrary: poolSpec },
      ),
      where,
      id: fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: idSpec }),
      user: pick<string | undefined>([undefined, 1], ...DEV_USERS.map((u): [string, number] => [u, 1])),
      max: pick<number | undefined>([undefined, 3], [1, 2], [60, 1], [0, 1]),
    }),
  ],
  [
    "MergeDeveloperIdentities",
    fc.record({
      op: fc.constant("MergeDeveloperIdentities" as const),
      pool: fc.oneof(
        {
          weight: 3,
          arbitrary: one(...DEV_USERS).map((user): PoolSpec => ({ k: "ofId", id: { k: "ownerDev", user } })),
        },
        { weight: 1, arbitrary: poolSpec },
      ),
      where,
      source: one(...DEV_USERS),
      destination: pick<string>(["sibling", 3], ...DEV_USERS.map((u): [string, number] => [u, 1])),
      other: rarely,
    }),
  ],
  [
    "UnlinkDeveloperIdentity",
    fc.record({
      op: fc.constant("UnlinkDeveloperIdentity" as const),
      pool: poolSpec,
      poolOfId: pick([true, 4], [false, 1]),
      id: fc.oneof(
        { weight: 3, arbitrary: one(...DEV_USERS).map((user): IdSpec => ({ k: "ownerDev", user })) },
        { weight: 1, arbitrary: idSpec },
      ),
      where,
      user: one(...DEV_USERS),
      other: rarely,
    }),
  ],
  [
    "UnlinkIdentity",
    fc.record({
      op: fc.constant("UnlinkIdentity" as const),
      id: idSpec,
      where,
      logins: identityLogins,
      remove: fc.uniqueArray(pick([FACEBOOK, 4], [USER_POOL, 4], [DEV, 1], [GOOGLE, 1]), { maxLength: 2 }),
    }),
  ],
  ["DescribeIdentity", fc.record({ op: fc.constant("DescribeIdentity" as const), id: idSpec, where })],
  [
    "ListIdentities",
    fc.record({
      op: fc.constant("ListIdentities" as const),
      pool: poolSpec,
      where,
      max: maxResults,
      hide: pick<boolean | undefined>([undefined, 1], [true, 1], [false, 1]),
      pages: one<1 | "all">(1, "all"),
    }),
  ],
  [
    "DeleteIdentities",
    fc.record({
      op: fc.constant("DeleteIdentities" as const),
      ids: fc.array(idSpec, { maxLength: 3 }),
      where,
    }),
  ],
  [
    "SetIdentityPoolRoles",
    fc.record({
      op: fc.constant("SetIdentityPoolRoles" as const),
      pool: poolSpec,
      where,
      roles: pick<"none" | "auth" | "both" | "bad">(["none", 1], ["auth", 2], ["both", 4], ["bad", 1]),
      mapping: pick<MappingSpec>(
        ["none", 4],
        ["fbRules", 2],
        ["fbDeny", 1],
        ["upToken", 2],
        ["upRules", 2],
        ["google", 1],
        ["noAmbiguous", 1],
      ),
    }),
  ],
  [
    "GetIdentityPoolRoles",
    fc.record({ op: fc.constant("GetIdentityPoolRoles" as const), pool: poolSpec, where }),
  ],
  [
    "SetPrincipalTagAttributeMap",
    fc.record({
      op: fc.constant("SetPrincipalTagAttributeMap" as const),
      pool: poolSpec,
      where,
      provider: pick<"fb" | "up" | "google">(["fb", 3], ["up", 3], ["google", 1]),
      defaults: pick<boolean | undefined>([undefined, 2], [true, 1], [false, 1]),
      tags: one<"none" | "sub" | "both">("none", "sub", "both"),
    }),
  ],
  [
    "GetPrincipalTagAttributeMap",
    fc.record({
      op: fc.constant("GetPrincipalTagAttributeMap" as const),
      pool: poolSpec,
      where,
      provider: pick<"fb" | "up" | "google">(["fb", 3], ["up", 3], ["google", 1]),
    }),
  ],
  [
    "TagResource",
    fc.record({
      op: fc.constant("TagResource" as const),
      pool: poolSpec,
      arn: pick<ArnSpec>(["ok", 6], ["otherAccount", 1], ["otherRegion", 1], ["malformed", 1]),
      where,
      tags: pick<"team" | "two" | "aws" | "badchar" | "empty">(
        ["team", 3],
        ["two", 3],
        ["aws", 1],
        ["badchar", 1],
        ["empty", 1],
      ),
    }),
  ],
  [
    "UntagResource",
    fc.record({
      op: fc.constant("UntagResource" as const),
      pool: poolSpec,
      arn: pick<ArnSpec>(["ok", 6], ["malformed", 1]),
      where,
      keys: fc.uniqueArray(one("team", "env", "nope"), { maxLength: 2 }),
    }),
  ],
  [
    "ListTagsForResource",
    fc.record({
      op: fc.constant("ListTagsForResource" as const),
      pool: poolSpec,
      arn: pick<ArnSpec>(["ok", 6], ["otherRegion", 1]),
      where,
    }),
  ],
];

/** Sign-in heavy: the operations that create, link, merge and unlink get more weight. */
const WEIGHTS: Partial<Record<Spec["op"], number>> = {
  CreateIdentityPool: 2,
  DeleteIdentityPool: 1,
  GetId: 10,
  GetOpenIdToken: 4,
  GetCredentialsForIdentity: 6,
  GetOpenIdTokenForDeveloperIdentity: 9,
  MergeDeveloperIdentities: 5,
  UnlinkDeveloperIdentity: 4,
  UnlinkIdentity: 4,
  DeleteIdentities: 2,
  SetIdentityPoolRoles: 3,
  SetPrincipalTagAttributeMap: 2,
  UpdateIdentityPool: 2,
};

/** The share of steps that go through the real SDK client (the rest: the fake's request handler). */
export const SDK_SHARE = 0.25;

/** One generated step: a spec and the path it takes. */
export class Step implements fc.AsyncCommand<World, World> {
  constructor(
    readonly spec: Spec,
    readonly via: "sdk" | "wire",
  ) {}
  check(): boolean {
    return true;
  }
  async run(_model: World, world: World): Promise<void> {
    await runStep(world, this.spec, this.via);
  }
  toString(): string {
    return `${this.via} ${JSON.stringify(this.spec)}`;
  }
}

const via = fc
  .integer({ min: 0, max: 99 })
  .map((n) => (n < SDK_SHARE * 100 ? ("sdk" as const) : ("wire" as const)));

/** Every operation's arbitrary, repeated by its weight (fc.commands picks uniformly among its arbitraries). */
export const stepArbitraries: fc.Arbitrary<Step>[] = [
  ...specs.flatMap(([op, arb]) => {
    const step = fc.tuple(arb, via).map(([spec, v]) => new Step(spec, v));
    return Array.from({ length: WEIGHTS[op] ?? 1 }, () => step);
  }),
  fc.constant(new Step({ op: "Checkpoint" }, "wire")),
  fc.constant(new Step({ op: "Restore" }, "wire")),
];

/** The steps every run starts with: a pool of each useful kind, in both regions. */
export const PRELUDE: Step[] = [
  new Step(
    { op: "CreateIdentityPool", region: "us-east-1", template: "full", badName: false, tags: "none" },
    "sdk",
  ),
  new Step(
    { op: "CreateIdentityPool", region: "eu-west-1", template: "closed", badName: false, tags: "team" },
    "wire",
  ),
  new Step(
    { op: "CreateIdentityPool", region: "us-east-1", template: "social", badName: false, tags: "none" },
    "wire",
  ),
  new Step(
    {
      op: "GetId",
      pool: { k: "live", n: 0 },
      where: "home",
      logins: [{ p: "fb", user: "fb-1" }],
      sendEmpty: false,
    },
    "wire",
  ),
  new Step(
    {
      op: "GetOpenIdTokenForDeveloperIdentity",
      pool: { k: "live", n: 0 },
      where: "home",
      logins: [{ p: "dev", user: "dev-1" }],
      tags: false,
    },
    "wire",
  ),
  new Step(
    {
      op: "GetOpenIdTokenForDeveloperIdentity",
      pool: { k: "live", n: 1 },
      where: "home",
      logins: [{ p: "dev", user: "dev-2" }],
      tags: true,
    },
    "wire",
  ),
  new Step({ op: "GetId", pool: { k: "live", n: 0 }, where: "home", logins: [], sendEmpty: false }, "sdk"),
  new Step(
    { op: "SetIdentityPoolRoles", pool: { k: "live", n: 0 }, where: "home", roles: "both", mapping: "none" },
    "wire",
  ),
];

// ---- the world ------------------------------------------------------------------------------------------

/** What the runs did, for the test's summary line. */
export interface Stats {
  /** Requests checked against the model (a listing followed to its last page counts once). */
  steps: number;
  /** Of those, sent through the real SDK client with the plug-in. */
  sdk: number;
  /** Of those, sent through `fake.requestHandler()` (engine + wire layer + core, no SDK). */
  wire: number;
  /** Requests the fake answered with an error (the model predicted each). */
  failures: number;
  /** Command sequences run (fast-check runs, shrinking included). */
  runs: number;
  /** The most `identityPools` entries seen pointing at a deleted pool (see `checkInvariants`). */
  /** `<operation> → ok|<error name>` → how often. */
  readonly answers: Map<string, number>;
}

export interface World {
  readonly fake: CognitoIdentityFake;
  readonly clients: Readonly<Record<Region, sdk.CognitoIdentityClient>>;
  readonly clock: { now: number };
  readonly stats: Stats;
  readonly loginTokens: ReadonlyMap<UpToken, string>;
  readonly loginFacts: ReadonlyMap<string, TokenFacts>;
  model: ReferenceModel;
  poolIds: string[];
  identityIds: string[];
  snapshots: { snap: FakeSnapshot; digest: string }[];
  checkpoint?: {
    snap: FakeSnapshot;
    model: ReferenceModel;
    poolIds: string[];
    identityIds: string[];
  };
}

const decodePart = (part: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;

/** Flips one character in the middle of a JWT's signature. */
export const tamper = (token: string): string => {
  const at = token.lastIndexOf(".") + 10;
  return `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;
};

/** The user-pool login tokens of the test (minted once, valid for years on the test's clock). */
function mintLoginTokens(fake: CognitoIdentityFake): {
  tokens: Map<UpToken, string>;
  facts: Map<string, TokenFacts>;
} {
  const iat = BASE_TIME / 1000;
  const exp = iat + 10 * 365 * 86400;
  const mint = (
    sub: string,
    options: { clientId?: string; userPoolId?: string; claims?: Record<string, unknown> } = {},
  ) =>
    fake.loginToken.userPool({
      userPoolId: options.userPoolId ?? USER_POOL_ID,
      clientId: options.clientId ?? USER_POOL_CLIENT,
      sub,
      claims: { iat, exp, ...options.claims },
    });
  const valid = mint("u2");
  const payload = valid.split(".")[1] as string;
  const noneHeader = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
  const tokens = new Map<UpToken, string>([
    ["u1", mint("u1")],
    ["u2", valid],
    [
      "u3",
      mint("u3", { claims: { "cognito:preferred_role": ROLE_PREFERRED, "cognito:roles": [ROLE_PREFERRED] } }),
    ],
    ["expired", mint("u1", { claims: { exp: iat - 1 } })],
    ["tampered", tamper(valid)],
    ["wrongAud", mint("u1", { clientId: "otherclient" })],
    ["otherIss", mint("u1", { userPoolId: "us-east-1_OtherPool9" })],
    ["algNone", `${noneHeader}.${payload}.`],
    ["notJwt", "not-a-jwt"],
  ]);
  const facts = new Map<string, TokenFacts>();
  for (const [kind, token] of tokens) {
    if (kind === "notJwt") continue;
    const claims = decodePart(token.split(".")[1] as string);
    facts.set(token, {
      kind: "login",
      iss: String(claims.iss),
      aud: String(claims.aud),
      sub: String(claims.sub),
      exp: Number(claims.exp),
      signatureValid: kind !== "tampered" && kind !== "algNone",
      claims,
    });
  }
  return { tokens, facts };
}

/** A fake with a controlled clock, a client per region plugged into it, and the login tokens. */
export function createWorld(): World {
  const clock = { now: BASE_TIME };
  const fake = createCognitoIdentityFake({ seed: 7, now: () => new Date(clock.now) });
  const client = (r: Region) => {
    const c = new sdk.CognitoIdentityClient({ region: r, maxAttempts: 1 });
    c.middlewareStack.use(fake.plugin());
    return c;
  };
  const { tokens, facts } = mintLoginTokens(fake);
  const world: World = {
    fake,
    clients: { "us-east-1": client("us-east-1"), "eu-west-1": client("eu-west-1") },
    clock,
    stats: { steps: 0, sdk: 0, wire: 0, failures: 0, runs: 0, answers: new Map() },
    loginTokens: tokens,
    loginFacts: facts,
    model: undefined as unknown as ReferenceModel,
    poolIds: [],
    identityIds: [],
    snapshots: [],
  };
  startRun(world);
  return world;
}

function newModel(world: World): ReferenceModel {
  const model = new ReferenceModel(
    (kind, m) => (kind === "pool" ? world.poolIds[m] : world.identityIds[m]) ?? `?${kind}${m}`,
  );
  for (const [token, facts] of world.loginFacts) model.tokens.set(token, facts);
  return model;
}

/** Back to an empty fake and model for a new run. */
export function startRun(world: World): void {
  world.fake.reset();
  world.clock.now = BASE_TIME;
  world.poolIds = [];
  world.identityIds = [];
  world.model = newModel(world);
  world.snapshots = [];
  world.checkpoint = undefined;
  world.stats.runs++;
}

/** After a run: every snapshot taken during it still describes the state it was taken of. */
export function finishRun(world: World): void {
  for (const { snap, digest: taken } of world.snapshots) {
    if (digest(coreStateOf(snap)) !== taken)
      throw new Error("a snapshot taken earlier no longer describes its state");
  }
}

// ---- resolution -----------------------------------------------------------------------------------------

const otherRegion = (r: Region): Region => (r === "us-east-1" ? "eu-west-1" : "us-east-1");

interface Resolved {
  readonly ref: Ref;
  readonly text: string;
  readonly home: Region;
}

function resolveIdentity(world: World, spec: IdSpec): Resolved {
  const { model } = world;
  const known = (m: number): Resolved => {
    const identity = model.identities[m];
    const pool = identity ? model.pools[identity.pool] : undefined;
    return { ref: { m }, text: world.identityIds[m] as string, home: pool?.region ?? "us-east-1" };
  };
  const unknown: Resolved = { ref: { raw: UNKNOWN_IDENTITY }, text: UNKNOWN_IDENTITY, home: "us-east-1" };
  switch (spec.k) {
    case "any":
      return model.identities.length === 0 ? unknown : known(spec.n % model.identities.length);
    case "live": {
      const live = model.identities.filter(
        (i) => !i.deleted && !(model.pools[i.pool] as { deleted: boolean }).deleted,
      );
      const chosen = live[spec.n % Math.max(1, live.length)];
      return chosen ? known(chosen.m) : unknown;
    }
    case "unknown":
      return unknown;
    case "bad":
      return { ref: { raw: "not an id!" }, text: "not an id!", home: "us-east-1" };
    case "ownerFb":
    case "ownerDev": {
      for (let m = model.identities.length - 1; m >= 0; m--) {
        const i = model.identities[m];
        if (!i || i.deleted) continue;
        if (spec.k === "ownerFb" ? i.logins.get(FACEBOOK) === spec.user : i.devUsers.includes(spec.user))
          return known(m);
      }
      return resolveIdentity(world, { k: "live", n: spec.user.length });
    }
  }
}

function resolvePool(world: World, spec: PoolSpec): Resolved {
  const { model } = world;
  const unknown: Resolved = { ref: { raw: UNKNOWN_POOL }, text: UNKNOWN_POOL, home: "us-east-1" };
  switch (spec.k) {
    case "live":
    case "any": {
      const candidates = model.pools.filter((p) => spec.k === "any" || !p.deleted);
      if (candidates.length === 0) return unknown;
      const m = (candidates[spec.n % candidates.length] as { m: number }).m;
      return {
        ref: { m },
        text: world.poolIds[m] as string,
        home: (model.pools[m] as { region: Region }).region,
      };
    }
    case "unknown":
      return unknown;
    case "bad":
      return { ref: { raw: "bad pool id!" }, text: "bad pool id!", home: "us-east-1" };
    case "ofId": {
      const id = resolveIdentity(world, spec.id);
      if ("raw" in id.ref) return unknown;
      const m = (model.identities[id.ref.m] as { pool: number }).pool;
      return {
        ref: { m },
        text: world.poolIds[m] as string,
        home: (model.pools[m] as { region: Region }).region,
      };
    }
  }
}

const at = (home: Region, w: Where): Region => (w === "home" ? home : otherRegion(home));

function openIdTokens(world: World): string[] {
  const out: string[] = [];
  for (const [token, facts] of world.model.tokens) if (facts.kind === "openid") out.push(token);
  return out.reverse();
}

/** The login token that proves a user-pool user the test minted a token for. */
const TOKEN_OF_SUB: Record<string, UpToken> = { u1: "u1", u2: "u2", u3: "u3" };

function loginsOf(world: World, specs: readonly LoginSpec[], identity?: Resolved): Record<string, string> {
  const out: Record<string, string> = {};
  const own = identity && "m" in identity.ref ? world.model.identities[identity.ref.m] : undefined;
  for (const l of specs) {
    switch (l.p) {
      case "own": {
        const sub = own?.logins.get(USER_POOL);
        const fb = own?.logins.get(FACEBOOK);
        const kind = sub === undefined ? undefined : TOKEN_OF_SUB[sub];
        if (kind !== undefined) out[USER_POOL] = world.loginTokens.get(kind) as string;
        else if (fb !== undefined) out[FACEBOOK] = fb;
        break;
      }
      case "fb":
        out[FACEBOOK] = l.user;
        break;
      case "up":
        out[USER_POOL] = world.loginTokens.get(l.token) as string;
        break;
      case "google":
        out[GOOGLE] = "google-token";
        break;
      case "dev":
        out[DEV] = l.user;
        break;
      case "devOther":
        out[DEV_OTHER] = l.user;
        break;
      case "cognito": {
        const issued = openIdTokens(world);
        const mine = issued.filter((t) => {
          const facts = world.model.tokens.get(t);
          return facts?.kind === "openid" && own !== undefined && facts.identity === own.m;
        });
        if (l.token === "own" && mine.length > 0) out[COGNITO] = mine[0] as string;
        else if (l.token === "garbage" || l.token === "own" || issued.length === 0)
          out[COGNITO] = "garbage.token.value";
        else if (l.token === "tampered") {
          const token = tamper(issued[0] as string);
          const facts = world.model.tokens.get(issued[0] as string) as TokenFacts & { kind: "openid" };
          world.model.tokens.set(token, { ...facts, signatureValid: false });
          out[COGNITO] = token;
        } else out[COGNITO] = issued[(l.token as number) % issued.length] as string;
        break;
      }
    }
  }
  return out;
}

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

const TAGS = {
  none: undefined,
  omit: undefined,
  team: { team: "blue" },
  two: { team: "red", env: "prod" },
  empty: {},
  aws: { "aws:reserved": "x" },
  badchar: { "bad#key": "v" },
} as const;

const MAPPINGS: Record<MappingSpec, Record<string, RoleMappingInput> | undefined> = {
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

const ROLES = {
  none: {},
  auth: { authenticated: ROLE_AUTH },
  both: { authenticated: ROLE_AUTH, unauthenticated: ROLE_UNAUTH },
  bad: { authenticated: ROLE_BAD },
} as const;

const PROVIDERS = { fb: FACEBOOK, up: USER_POOL, google: GOOGLE } as const;
const PRINCIPAL_TAGS = {
  none: undefined,
  sub: { user: "sub" },
  both: { client: "aud", who: "sub" },
} as const;

/** One step, ready to run: the request and what the model answers to it. */
interface Plan {
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

function configInput(
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

function arnOf(pool: Resolved, arn: ArnSpec, r: Region): { text: string; model: PoolArn } {
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
function sibling(world: World, pool: Resolved, user: string): string {
  if ("raw" in pool.ref) return user;
  const poolM = pool.ref.m;
  const others = world.model.identities.filter(
    (i) => i.pool === poolM && !i.deleted && i.devUsers.length > 0 && !i.devUsers.includes(user),
  );
  return others[0]?.devUsers[0] ?? user;
}

/** Turns a spec into a request and the model's call, against the current model. */
function plan(world: World, spec: Exclude<Spec, { op: "Checkpoint" | "Restore" }>): Plan {
  const now = world.clock.now;
  const readOnly = READ_ONLY.has(spec.op);
  switch (spec.op) {
    case "CreateIdentityPool": {
      const input = configInput(spec, `pool ${world.model.pools.length}`);
      if (TAGS[spec.tags]) input.IdentityPoolTags = { ...TAGS[spec.tags] };
      return {
        op: spec.op,
        region: spec.region,
        input: { ...input },
        readOnly,
        model: (m) => m.createIdentityPool(input, spec.region),
      };
    }
    case "UpdateIdentityPool": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const input = configInput(spec, `renamed ${world.clock.now / 1000}`);
      if (TAGS[spec.tags]) input.IdentityPoolTags = { ...TAGS[spec.tags] };
      return {
        op: spec.op,
        region: r,
        input: { IdentityPoolId: pool.text, ...input },
        readOnly,
        model: (m) => m.updateIdentityPool(pool.ref, input, r),
      };
    }
    case "DescribeIdentityPool":
    case "DeleteIdentityPool":
    case "GetIdentityPoolRoles": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const call = {
        DescribeIdentityPool: (m: ReferenceModel) => m.describeIdentityPool(pool.ref, r),
        DeleteIdentityPool: (m: ReferenceModel) => m.deleteIdentityPool(pool.ref, r),
        GetIdentityPoolRoles: (m: ReferenceModel) => m.getIdentityPoolRoles(pool.ref, r),
      }[spec.op];
      return { op: spec.op, region: r, input: { IdentityPoolId: pool.text }, readOnly, model: call };
    }
    case "ListIdentityPools":
      return {
        op: spec.op,
        region: spec.region,
        input: { MaxResults: spec.max },
        pages: spec.pages,
        readOnly,
        model: (m) => m.listIdentityPools(spec.max, spec.region, spec.pages),
      };
    case "GetId": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const l = spec.logins.length > 0 || spec.sendEmpty ? loginsOf(world, spec.logins) : undefined;
      const account =
        spec.account === undefined
          ? undefined
          : { ok: ACCOUNT, other: "999999999999", bad: "acct" }[spec.account];
      return {
        op: spec.op,
        region: r,
        input: { IdentityPoolId: pool.text, Logins: l, AccountId: account },
        readOnly,
        model: (m) => m.getId(pool.ref, l, account, r, now),
      };
    }
    case "GetOpenIdToken": {
      const id = resolveIdentity(world, spec.id);
      const r = at(id.home, spec.where);
      const l = loginsOf(world, spec.logins, id);
      return {
        op: spec.op,
        region: r,
        input: { IdentityId: id.text, Logins: l },
        readOnly,
        model: (m) => m.getOpenIdToken(id.ref, l, r, now),
      };
    }
    case "GetCredentialsForIdentity": {
      const id = resolveIdentity(world, spec.id);
      const r = at(id.home, spec.where);
      const l = loginsOf(world, spec.logins, id);
      const custom =
        spec.custom === undefined
          ? undefined
          : { auth: ROLE_AUTH, other: ROLE_OTHER, preferred: ROLE_PREFERRED }[spec.custom];
      return {
        op: spec.op,
        region: r,
        input: { IdentityId: id.text, Logins: l, CustomRoleArn: custom },
        readOnly,
        model: (m) => m.getCredentialsForIdentity(id.ref, l, custom, r, now),
      };
    }
    case "GetOpenIdTokenForDeveloperIdentity": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const l = loginsOf(world, spec.logins);
      const id = spec.id === undefined ? undefined : resolveIdentity(world, spec.id);
      const tags = spec.tags ? { dept: "eng" } : undefined;
      return {
        op: spec.op,
        region: r,
        input: {
          IdentityPoolId: pool.text,
          IdentityId: id?.text,
          Logins: l,
          TokenDuration: spec.duration,
          PrincipalTags: tags,
        },
        readOnly,
        model: (m) =>
          m.getOpenIdTokenForDeveloperIdentity(
            {
              IdentityPoolId: pool.ref,
              IdentityId: id?.ref,
              Logins: l,
              TokenDuration: spec.duration,
              PrincipalTags: tags,
            },
            r,
            now,
          ),
      };
    }
    case "LookupDeveloperIdentity": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const id = spec.id === undefined ? undefined : resolveIdentity(world, spec.id);
      return {
        op: spec.op,
        region: r,
        input: {
          IdentityPoolId: pool.text,
          IdentityId: id?.text,
          DeveloperUserIdentifier: spec.user,
          MaxResults: spec.max,
        },
        readOnly,
        model: (m) =>
          m.lookupDeveloperIdentity(
            {
              IdentityPoolId: pool.ref,
              IdentityId: id?.ref,
              DeveloperUserIdentifier: spec.user,
              MaxResults: spec.max,
            },
            r,
          ),
      };
    }
    case "MergeDeveloperIdentities": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const input = {
        SourceUserIdentifier: spec.source,
        DestinationUserIdentifier:
          spec.destination === "sibling" ? sibling(world, pool, spec.source) : spec.destination,
        DeveloperProviderName: spec.other ? DEV_OTHER : DEV,
      };
      return {
        op: spec.op,
        region: r,
        input: { IdentityPoolId: pool.text, ...input },
        readOnly,
        model: (m) => m.mergeDeveloperIdentities({ IdentityPoolId: pool.ref, ...input }, r, now),
      };
    }
    case "UnlinkDeveloperIdentity": {
      const id = resolveIdentity(world, spec.id);
      const pool = resolvePool(world, spec.poolOfId ? { k: "ofId", id: spec.id } : spec.pool);
      const r = at(pool.home, spec.where);
      const input = {
        DeveloperProviderName: spec.other ? DEV_OTHER : DEV,
        DeveloperUserIdentifier: spec.user,
      };
      return {
        op: spec.op,
        region: r,
        input: { IdentityId: id.text, IdentityPoolId: pool.text, ...input },
        readOnly,
        model: (m) =>
          m.unlinkDeveloperIdentity({ IdentityId: id.ref, IdentityPoolId: pool.ref, ...input }, r, now),
      };
    }
    case "UnlinkIdentity": {
      const id = resolveIdentity(world, spec.id);
      const r = at(id.home, spec.where);
      const l = loginsOf(world, spec.logins, id);
      return {
        op: spec.op,
        region: r,
        input: { IdentityId: id.text, Logins: l, LoginsToRemove: spec.remove },
        readOnly,
        model: (m) => m.unlinkIdentity(id.ref, l, spec.remove, r, now),
      };
    }
    case "DescribeIdentity": {
      const id = resolveIdentity(world, spec.id);
      const r = at(id.home, spec.where);
      return {
        op: spec.op,
        region: r,
        input: { IdentityId: id.text },
        readOnly,
        model: (m) => m.describeIdentity(id.ref, r),
      };
    }
    case "ListIdentities": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      return {
        op: spec.op,
        region: r,
        input: { IdentityPoolId: pool.text, MaxResults: spec.max, HideDisabled: spec.hide },
        pages: spec.pages,
        readOnly,
        model: (m) => m.listIdentities(pool.ref, spec.max, spec.hide, r, spec.pages),
      };
    }
    case "DeleteIdentities": {
      const ids = spec.ids.map((s) => resolveIdentity(world, s));
      const r = at(ids[0]?.home ?? "us-east-1", spec.where);
      return {
        op: spec.op,
        region: r,
        input: { IdentityIdsToDelete: ids.map((i) => i.text) },
        readOnly,
        model: (m) =>
          m.deleteIdentities(
            ids.map((i) => i.ref),
            r,
          ),
      };
    }
    case "SetIdentityPoolRoles": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const roles = { ...ROLES[spec.roles] };
      const mappings = structuredClone(MAPPINGS[spec.mapping]);
      return {
        op: spec.op,
        region: r,
        input: { IdentityPoolId: pool.text, Roles: roles, RoleMappings: mappings },
        readOnly,
        model: (m) => m.setIdentityPoolRoles(pool.ref, roles, mappings, r),
      };
    }
    case "SetPrincipalTagAttributeMap": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const provider = PROVIDERS[spec.provider];
      const tags = PRINCIPAL_TAGS[spec.tags] ? { ...PRINCIPAL_TAGS[spec.tags] } : undefined;
      return {
        op: spec.op,
        region: r,
        input: {
          IdentityPoolId: pool.text,
          IdentityProviderName: provider,
          UseDefaults: spec.defaults,
          PrincipalTags: tags,
        },
        readOnly,
        model: (m) => m.setPrincipalTagAttributeMap(pool.ref, provider, spec.defaults, tags, r),
      };
    }
    case "GetPrincipalTagAttributeMap": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const provider = PROVIDERS[spec.provider];
      return {
        op: spec.op,
        region: r,
        input: { IdentityPoolId: pool.text, IdentityProviderName: provider },
        readOnly,
        model: (m) => m.getPrincipalTagAttributeMap(pool.ref, provider, r),
      };
    }
    case "TagResource":
    case "UntagResource":
    case "ListTagsForResource": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const arn = arnOf(pool, spec.arn, r);
      if (spec.op === "TagResource") {
        const tags = { ...TAGS[spec.tags] };
        return {
          op: spec.op,
          region: r,
          input: { ResourceArn: arn.text, Tags: tags },
          readOnly,
          model: (m) => m.tagResource(arn.model, tags, r),
        };
      }
      if (spec.op === "UntagResource") {
        return {
          op: spec.op,
          region: r,
          input: { ResourceArn: arn.text, TagKeys: spec.keys },
          readOnly,
          model: (m) => m.untagResource(arn.model, spec.keys, r),
        };
      }
      return {
        op: spec.op,
        region: r,
        input: { ResourceArn: arn.text },
        readOnly,
        model: (m) => m.listTagsForResource(arn.model, r),
      };
    }
  }
}

// ---- execution ------------------------------------------------------------------------------------------

type Answer = { ok: true; output: Record<string, unknown> } | { ok: false; name: string; message: string };

/** An SDK output as plain JSON: no `$metadata`, no undefined members, dates in epoch seconds. */
export function plain(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === "$metadata" || v === undefined) continue;
      Object.defineProperty(out, k, {
        value: plain(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

async function once(
  world: World,
  op: string,
  r: Region,
  input: Record<string, unknown>,
  path: "sdk" | "wire",
): Promise<Answer> {
  if (path === "sdk") {
    try {
      const out = await world.clients[r].send(sdkCommand(op as OperationName, input));
      return { ok: true, output: plain(out) as Record<string, unknown> };
    } catch (e) {
      if (!(e instanceof sdk.CognitoIdentityServiceException)) throw e;
      return { ok: false, name: e.name, message: e.message };
    }
  }
  const { response } = await world.fake.requestHandler().handle({
    protocol: "https:",
    hostname: `cognito-identity.${r}.amazonaws.com`,
    method: "POST",
    path: "/",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `AWSCognitoIdentityService.${op}`,
    },
    body: JSON.stringify(input),
  });
  const { statusCode, body } = response as { statusCode: number; body: Uint8Array };
  const json = JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>;
  if (statusCode === 200) return { ok: true, output: plain(json) as Record<string, unknown> };
  return {
    ok: false,
    name: String(json.__type).split("#").pop() as string,
    message: String(json.message ?? json.Message ?? ""),
  };
}

/** Runs a request; `pages: "all"` follows `NextToken` and answers every page's items together. */
async function execute(world: World, p: Plan, path: "sdk" | "wire"): Promise<Answer> {
  const first = await once(world, p.op, p.region, p.input, path);
  if (p.pages !== "all" || !first.ok) return first;
  const key = p.op === "ListIdentityPools" ? "IdentityPools" : "Identities";
  const items = [...(first.output[key] as unknown[])];
  let token = first.output.NextToken as string | undefined;
  const output = { ...first.output };
  for (let guard = 0; token !== undefined; guard++) {
    if (guard > 1000) throw new Error("pagination does not end");
    const next = await once(world, p.op, p.region, { ...p.input, NextToken: token }, path);
    if (!next.ok) return next;
    items.push(...(next.output[key] as unknown[]));
    token = next.output.NextToken as string | undefined;
  }
  delete output.NextToken;
  output[key] = items;
  return { ok: true, output };
}

// ---- comparison -----------------------------------------------------------------------------------------

/** JSON with sorted keys: equal for equal data whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function same(actual: unknown, expected: unknown, what: string): void {
  if (canonical(actual) === canonical(expected)) return;
  throw new Error(`${what} differs\n  fake:  ${canonical(actual)}\n  model: ${canonical(expected)}`);
}

/** A model output with ids in the fake's terms. */
function translate(world: World, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => translate(world, v));
  if (value !== null && typeof value === "object") {
    if ("$pool" in value) return world.poolIds[(value as { $pool: number }).$pool];
    if ("$identity" in value) return world.identityIds[(value as { $identity: number }).$identity];
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translate(world, v)]));
  }
  return value;
}

const sortLogins = (identity: Record<string, unknown>) => {
  if (Array.isArray(identity.Logins)) identity.Logins = [...(identity.Logins as string[])].sort();
};

function learnIds(world: World, expected: ModelResult & { ok: true }, actual: Record<string, unknown>): void {
  const created = expected.created;
  if (created?.pool !== undefined) {
    const id = actual.IdentityPoolId;
    if (typeof id !== "string" || world.poolIds.includes(id))
      throw new Error(`pool created with id ${String(id)}, not a new one`);
    if (world.poolIds.length !== created.pool) throw new Error("pool ids out of step");
    world.poolIds.push(id);
  }
  if (created?.identity !== undefined) {
    const id = actual.IdentityId;
    if (typeof id !== "string" || world.identityIds.includes(id))
      throw new Error(`identity created with id ${String(id)}, not a new one`);
    if (world.identityIds.length !== created.identity) throw new Error("identity ids out of step");
    world.identityIds.push(id);
  }
}

function compareOutput(
  world: World,
  p: Plan,
  expected: ModelResult & { ok: true },
  output: Record<string, unknown>,
  next: ReferenceModel,
): void {
  const want = translate(world, expected.output) as Record<string, unknown>;
  const got = { ...output };
  if (want.NextToken === true) {
    if (typeof got.NextToken !== "string")
      throw new Error(`${p.op}: expected a NextToken, got ${String(got.NextToken)}`);
    delete want.NextToken;
    delete got.NextToken;
  } else if (got.NextToken !== undefined) {
    throw new Error(`${p.op}: unexpected NextToken`);
  }
  if (Array.isArray(got.Identities))
    got.Identities = (got.Identities as Record<string, unknown>[]).map((i) => {
      const copy = { ...i };
      sortLogins(copy);
      return copy;
    });
  if (p.op === "DescribeIdentity") sortLogins(got);
  const list = want.DeveloperUserIdentifierList as { $subsetOf: string[]; size: number } | undefined;
  if (list) {
    const page = got.DeveloperUserIdentifierList as string[];
    if (
      !Array.isArray(page) ||
      page.length !== list.size ||
      page.some((u) => !list.$subsetOf.includes(u)) ||
      new Set(page).size !== page.length
    ) {
      throw new Error(
        `LookupDeveloperIdentity: page ${JSON.stringify(page)} is not ${list.size} of ${JSON.stringify(list.$subsetOf)}`,
      );
    }
    delete want.DeveloperUserIdentifierList;
    delete got.DeveloperUserIdentifierList;
  }
  if (expected.issued) {
    const credentials = got.Credentials as Record<string, unknown>;
    if (
      !/^ASIA[A-Z0-9]{16}$/.test(String(credentials.AccessKeyId)) ||
      String(credentials.SecretKey).length !== 40 ||
      !credentials.SessionToken
    ) {
      throw new Error(`malformed credentials ${JSON.stringify(credentials)}`);
    }
    const issued = world.fake.issuedCredentials.at(-1);
    same(
      issued && { ...issued, expiration: issued.expiration.getTime() / 1000 },
      {
        identityId: world.identityIds[expected.issued.identity],
        identityPoolId: world.poolIds[expected.issued.pool],
        roleArn: expected.issued.roleArn,
        accessKeyId: credentials.AccessKeyId,
        expiration: credentials.Expiration,
        principalTags: expected.issued.tags,
      },
      "issued credential",
    );
    got.Credentials = { Expiration: credentials.Expiration };
  }
  if (expected.token) {
    const token = String(got.Token);
    const [h, body] = token.split(".");
    const header = decodePart(h ?? "");
    const claims = decodePart(body ?? "");
    const t = expected.token;
    const tags =
      Object.keys(t.tags).length > 0
        ? { principal_tags: Object.fromEntries(Object.entries(t.tags).map(([k, v]) => [k, [v]])) }
        : undefined;
    same(
      {
        alg: header.alg,
        sub: claims.sub,
        aud: claims.aud,
        amr: claims.amr,
        iat: claims.iat,
        exp: claims.exp,
        tags: claims["https://aws.amazon.com/tags"],
      },
      {
        alg: "RS512",
        sub: world.identityIds[t.identity],
        aud: world.poolIds[t.pool],
        amr: t.amr,
        iat: t.iat,
        exp: t.exp,
        tags,
      },
      `${p.op} token`,
    );
    next.tokens.set(token, {
      kind: "openid",
      signatureValid: true,
      pool: t.pool,
      identity: t.identity,
      amr: t.amr,
      exp: t.exp,
      tags: t.tags,
    });
    delete got.Token;
  }
  same(got, want, `${p.op} output`);
}

/** The model and the fake's state agree: pools, their configuration, and every identity in order. */
function compareState(world: World): void {
  const state = coreStateOf(world.fake);
  const pools = world.model.livePools();
  if (state.pools.size !== pools.length)
    throw new Error(`the fake has ${state.pools.size} pools, the model ${pools.length}`);
  for (const pool of pools) {
    const entry = state.pools.get(world.poolIds[pool.m] as string);
    if (!entry) throw new Error(`pool ${pool.m} missing from the fake`);
    same(
      {
        region: entry.pool.region,
        roles: entry.pool.roles,
        roleMappings: plain(entry.pool.roleMappings),
        tagMaps: entry.pool.principalTagMaps,
        tags: entry.pool.config.IdentityPoolTags,
      },
      {
        region: pool.region,
        roles: Object.fromEntries(pool.roles),
        roleMappings: Object.fromEntries(pool.mappings),
        tagMaps: Object.fromEntries(
          [...pool.tagMaps].map(([k, v]) => [k, { useDefaults: v.useDefaults, principalTags: v.tags }]),
        ),
        tags: Object.fromEntries(pool.tags),
      },
      `pool ${pool.m} record`,
    );
    // Both sides built in the same shape and order, so plain JSON compares them (this runs every step).
    const records = [...entry.identities.values()].sort((a, b) => a.seq - b.seq);
    const fake = JSON.stringify(
      records.map((r) => [
        r.identityId,
        Object.entries(r.logins).sort(),
        [...r.developerUserIdentifiers].sort(),
        r.disabled,
        r.creationDate,
        r.lastModifiedDate,
      ]),
    );
    const model = JSON.stringify(
      world.model
        .liveIdentities(pool.m)
        .map((i) => [
          world.identityIds[i.m],
          [...i.logins].sort(),
          [...i.devUsers].sort(),
          i.disabled,
          i.created,
          i.modified,
        ]),
    );
    if (fake !== model)
      throw new Error(`identities of pool ${pool.m} differ\n  fake:  ${fake}\n  model: ${model}`);
  }
}

async function runStep(world: World, spec: Spec, path: "sdk" | "wire"): Promise<void> {
  world.clock.now += 1000;
  if (spec.op === "Checkpoint") {
    world.checkpoint = {
      snap: world.fake.snapshot(),
      model: world.model.clone(),
      poolIds: [...world.poolIds],
      identityIds: [...world.identityIds],
    };
    return;
  }
  if (spec.op === "Restore") {
    const cp = world.checkpoint;
    if (!cp) return;
    world.fake.restore(cp.snap);
    if (world.fake.state !== cp.snap.state)
      throw new Error("restore did not bring back the snapshot's state");
    world.model = cp.model.clone();
    world.poolIds = [...cp.poolIds];
    world.identityIds = [...cp.identityIds];
    compareState(world);
    return;
  }
  const p = plan(world, spec);
  world.stats.steps++;
  world.stats[path]++;
  const before = world.fake.state;
  const expected = p.model(world.model);
  const next = world.model.takeNext();
  const actual = await execute(world, p, path);
  const label = `${p.op} → ${actual.ok ? "ok" : actual.name}`;
  if (process.env.FAKE_PROPERTY_TRACE && !actual.ok)
    console.log(`${label} ${actual.message} ${JSON.stringify(p.input)}`);
  world.stats.answers.set(label, (world.stats.answers.get(label) ?? 0) + 1);
  if (!expected.ok || !actual.ok) {
    if (expected.ok !== actual.ok || (!expected.ok && !actual.ok && expected.name !== actual.name)) {
      throw new Error(
        `${p.op} in ${p.region} ${JSON.stringify(p.input)}\n  fake:  ${JSON.stringify(actual)}\n  model: ${JSON.stringify(expected)}`,
      );
    }
    if (!expected.ok && !actual.ok && expected.message !== undefined && expected.message !== actual.message) {
      throw new Error(`${p.op}: message\n  fake:  ${actual.message}\n  model: ${expected.message}`);
    }
  }
  if (!actual.ok) {
    world.stats.failures++;
    if (world.fake.state !== before) throw new Error(`${p.op} failed (${actual.name}) but changed the state`);
  } else if (expected.ok) {
    learnIds(world, expected, actual.output);
    compareOutput(world, p, expected, actual.output, next);
    if (p.readOnly && world.fake.state !== before)
      throw new Error(`${p.op} only reads, but changed the state`);
  }
  world.model = next;
  checkInvariants(coreStateOf(world.fake));
  compareState(world);
  const taken = { snap: world.fake.snapshot(), digest: digest(coreStateOf(world.fake)) };
  world.snapshots.push(taken);
  const earlier = world.snapshots[(world.stats.steps * 7919) % world.snapshots.length];
  if (earlier && digest(coreStateOf(earlier.snap)) !== earlier.digest)
    throw new Error("an earlier snapshot changed");
}
