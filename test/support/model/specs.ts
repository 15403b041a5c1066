/**
 * Command specs (plain data fast-check generates) and the arbitraries they are built from.
 */
import fc from "fast-check";
import { DEV_USERS, FB_USERS } from "./constants";
import { REGIONS, type Region } from "./reference";

export type PoolSpec =
  | { k: "live" | "any"; n: number }
  | { k: "unknown" }
  | { k: "bad" }
  | { k: "ofId"; id: IdSpec };
export type IdSpec =
  | { k: "live" | "any"; n: number }
  | { k: "unknown" }
  | { k: "bad" }
  | { k: "ownerFb"; user: string }
  | { k: "ownerDev"; user: string };
export type Where = "home" | "away";
export type UpToken =
  | "u1"
  | "u2"
  | "u3"
  | "expired"
  | "tampered"
  | "wrongAud"
  | "otherIss"
  | "algNone"
  | "notJwt";
export type LoginSpec =
  | { p: "fb"; user: string }
  | { p: "up"; token: UpToken }
  | { p: "google" }
  | { p: "dev"; user: string }
  | { p: "devOther"; user: string }
  | { p: "cognito"; token: number | "own" | "garbage" | "tampered" }
  /** One of the identity's own linked provider logins (user pool or Facebook), when it has one. */
  | { p: "own" };
export type Template = "full" | "closed" | "bare" | "social" | "otherDev" | "badProvider";
export type ArnSpec = "ok" | "otherAccount" | "otherRegion" | "malformed";

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

export type MappingSpec = "none" | "fbRules" | "fbDeny" | "upToken" | "upRules" | "google" | "noAmbiguous";

/** A weighted choice among constants: `[value, weight]` pairs. */
export function pick<T>(...choices: [T, number][]): fc.Arbitrary<T> {
  return fc.oneof(...choices.map(([value, weight]) => ({ weight, arbitrary: fc.constant(value) })));
}
export const one = <T>(...values: T[]): fc.Arbitrary<T> => pick(...values.map((v): [T, number] => [v, 1]));

export const region = one<Region>(...REGIONS);
export const where = pick<Where>(["home", 14], ["away", 1]);
export const idSpec: fc.Arbitrary<IdSpec> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ k: fc.constant("live" as const), n: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("any" as const), n: fc.nat(40) }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant("ownerDev" as const), user: one(...DEV_USERS) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("ownerFb" as const), user: one(...FB_USERS) }) },
  { weight: 1, arbitrary: fc.constant({ k: "unknown" as const }) },
  { weight: 1, arbitrary: fc.constant({ k: "bad" as const }) },
);
export const poolSpec: fc.Arbitrary<PoolSpec> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ k: fc.constant("live" as const), n: fc.nat(10) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("any" as const), n: fc.nat(10) }) },
  { weight: 6, arbitrary: fc.record({ k: fc.constant("ofId" as const), id: idSpec }) },
  { weight: 1, arbitrary: fc.constant({ k: "unknown" as const }) },
  { weight: 1, arbitrary: fc.constant({ k: "bad" as const }) },
);
export const upToken = pick<UpToken>(
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
export const logins = (max: number) => fc.uniqueArray(login, { maxLength: max, selector: loginKey });
/** Logins for a call that names an identity: often one of its own, so that the call proves it. */
export const identityLogins = fc.oneof(
  { weight: 2, arbitrary: logins(2) },
  { weight: 3, arbitrary: fc.constant<LoginSpec[]>([{ p: "own" }]) },
  { weight: 2, arbitrary: logins(1).map((ls): LoginSpec[] => [{ p: "own" }, ...ls]) },
  { weight: 1, arbitrary: fc.constant<LoginSpec[]>([{ p: "cognito", token: "own" }]) },
);
/** The Logins of a developer call: mostly the developer user and up to two provider logins. */
export const devLogins = fc.oneof(
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
export const template = pick<Template>(
  ["full", 4],
  ["closed", 2],
  ["bare", 1],
  ["social", 1],
  ["otherDev", 1],
  ["badProvider", 1],
);
export const classic = pick<boolean | undefined>([undefined, 3], [true, 1], [false, 1]);
export const maxResults = pick([1, 2], [2, 2], [3, 1], [60, 3], [0, 1], [61, 1]);
export const rarely = pick([false, 9], [true, 1]);
