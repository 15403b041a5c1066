/**
 * Every operation's spec arbitrary.
 */
import fc from "fast-check";
import { DEV, DEV_USERS } from "./constants";
import { FACEBOOK, GOOGLE, USER_POOL } from "./reference";
import {
  type ArnSpec,
  classic,
  devLogins,
  type IdSpec,
  identityLogins,
  idSpec,
  logins,
  type MappingSpec,
  maxResults,
  one,
  type PoolSpec,
  pick,
  poolSpec,
  rarely,
  region,
  type Spec,
  template,
  where,
} from "./specs";

export const specs: [Spec["op"], fc.Arbitrary<Spec>][] = [
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
