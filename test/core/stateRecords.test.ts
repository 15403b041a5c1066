/**
 * One vocabulary: the records the state API returns and `fake.state` speak the service's member names and
 * types (dates as Date), carry no internal fields, are deep-frozen and cached per stored record, and go from
 * one call into the next without renaming.
 */
import {
  DescribeIdentityCommand,
  DescribeIdentityPoolCommand,
  GetIdCommand,
  GetPrincipalTagAttributeMapCommand,
  SetIdentityPoolRolesCommand,
} from "@aws-sdk/client-cognito-identity";
import * as api from "../../src";
import { CLIENT_ID, setup, USER_POOL } from "../support/helpers";

const AUTH = "arn:aws:iam::123456789012:role/user";
const DAY = new Date("2026-01-01T00:00:00Z");

function world() {
  const { fake, client, clientIn } = setup();
  const pool = fake.seedIdentityPool({
    IdentityPoolName: "app",
    AllowUnauthenticatedIdentities: true,
    DeveloperProviderName: "login.app",
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
    SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
    IdentityPoolTags: { team: "blue" },
    Roles: { authenticated: AUTH },
    RoleMappings: { [`${USER_POOL}:${CLIENT_ID}`]: { Type: "Token", AmbiguousRoleResolution: "Deny" } },
    PrincipalTagAttributeMaps: {
      [USER_POOL]: { UseDefaults: false, PrincipalTags: { team: "custom:team" } },
    },
  });
  return { fake, client, clientIn, pool };
}

describe("pool records", () => {
  it("are the DescribeIdentityPool output plus account, region, ARN, roles, mappings, tag maps and date", async () => {
    const { fake, client, pool } = world();
    const described = await client.send(
      new DescribeIdentityPoolCommand({ IdentityPoolId: pool.IdentityPoolId }),
    );
    const { $metadata: _, ...output } = described;
    const tagMap = await client.send(
      new GetPrincipalTagAttributeMapCommand({
        IdentityPoolId: pool.IdentityPoolId,
        IdentityProviderName: USER_POOL,
      }),
    );
    expect(pool).toEqual({
      ...output,
      AccountId: "123456789012",
      Region: "us-east-1",
      Arn: `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${pool.IdentityPoolId}`,
      Roles: { authenticated: AUTH },
      RoleMappings: { [`${USER_POOL}:${CLIENT_ID}`]: { Type: "Token", AmbiguousRoleResolution: "Deny" } },
      PrincipalTagAttributeMaps: {
        [USER_POOL]: { UseDefaults: tagMap.UseDefaults, PrincipalTags: tagMap.PrincipalTags },
      },
      CreationDate: DAY,
    });
    expect(pool.CreationDate).toBeInstanceOf(Date);
    expect(fake.getIdentityPool(pool.IdentityPoolId)).toBe(pool);
  });

  it("always carry IdentityPoolTags, and a new record once the pool changes", async () => {
    const { fake, client } = world();
    const bare = fake.seedIdentityPool({ IdentityPoolName: "bare", AllowUnauthenticatedIdentities: true });
    expect(bare.IdentityPoolTags).toEqual({});
    await client.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: bare.IdentityPoolId,
        Roles: { authenticated: AUTH },
      }),
    );
    const after = fake.getIdentityPool(bare.IdentityPoolId);
    expect(after).not.toBe(bare);
    expect(after?.Roles).toEqual({ authenticated: AUTH });
    expect(bare.Roles).toEqual({});
  });
});

describe("identity records", () => {
  it("name what DescribeIdentity names, plus pool, developer users and Disabled; nothing internal", async () => {
    const { fake, client, pool } = world();
    const seeded = fake.seedIdentity({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { "graph.facebook.com": "fb-1" },
      DeveloperUserIdentifiers: ["dev-1"],
    });
    expect(Object.keys(seeded)).toEqual([
      "IdentityId",
      "IdentityPoolId",
      "Logins",
      "DeveloperUserIdentifiers",
      "CreationDate",
      "LastModifiedDate",
      "Disabled",
    ]);
    const described = await client.send(new DescribeIdentityCommand({ IdentityId: seeded.IdentityId }));
    expect(seeded).toEqual({
      IdentityId: described.IdentityId,
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { "graph.facebook.com": "fb-1" },
      DeveloperUserIdentifiers: ["dev-1"],
      CreationDate: described.CreationDate,
      LastModifiedDate: described.LastModifiedDate,
      Disabled: false,
    });
    expect(seeded).toStrictEqual({ ...seeded, CreationDate: DAY, LastModifiedDate: DAY });
    expect(JSON.stringify(seeded)).toContain('"CreationDate":"2026-01-01T00:00:00.000Z"');
  });

  it("are the same object while the identity is unchanged, whichever API reads them", () => {
    const { fake, pool } = world();
    const a = fake.seedIdentity({ IdentityPoolId: pool.IdentityPoolId });
    expect(fake.getIdentity(a.IdentityId)).toBe(a);
    expect(fake.state.Identities.get(a.IdentityId)).toBe(a);
    expect(fake.listIdentities(pool.IdentityPoolId)[0]).toBe(a);
  });

  it("from seedIdentities equal what later reads return (made fresh, so a dropped batch is not kept)", () => {
    const { fake, pool } = world();
    const batch = fake.seedIdentities([
      { IdentityPoolId: pool.IdentityPoolId },
      { IdentityPoolId: pool.IdentityPoolId },
    ]);
    const listed = fake.listIdentities(pool.IdentityPoolId);
    expect(listed).toEqual(batch);
    expect(fake.listIdentities(pool.IdentityPoolId)[1]).toBe(listed[1]);
    expect(fake.getIdentity(batch[0]?.IdentityId as string)).toBe(listed[0]);
  });

  it("are deep-frozen, dates included: changing a read date changes nothing", () => {
    const { fake, pool } = world();
    const identity = fake.seedIdentity({
      IdentityPoolId: pool.IdentityPoolId,
      DeveloperUserIdentifiers: ["u"],
    });
    expect(Object.isFrozen(identity)).toBe(true);
    expect(Object.isFrozen(identity.Logins)).toBe(true);
    expect(Object.isFrozen(identity.DeveloperUserIdentifiers)).toBe(true);
    expect(Object.isFrozen(identity.CreationDate)).toBe(true);
    identity.CreationDate.setTime(0);
    expect(identity.CreationDate).toEqual(DAY);
    expect(() => {
      (identity as { Disabled: boolean }).Disabled = true;
    }).toThrow(TypeError);
    expect(Object.isFrozen(pool.PrincipalTagAttributeMaps[USER_POOL])).toBe(true);
    expect(Object.isFrozen(pool.RoleMappings)).toBe(true);
  });

  it("go into the next call without renaming", async () => {
    const { fake, client, pool } = world();
    const identity = fake.seedIdentity({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { "graph.facebook.com": "fb-1" },
    });
    const described = await client.send(new DescribeIdentityCommand({ IdentityId: identity.IdentityId }));
    expect(described.Logins).toEqual(Object.keys(identity.Logins));
    const signedIn = await client.send(
      new GetIdCommand({ IdentityPoolId: identity.IdentityPoolId, Logins: { "graph.facebook.com": "fb-1" } }),
    );
    expect(signedIn.IdentityId).toBe(identity.IdentityId);
  });
});

describe("listIdentityPools", () => {
  it("lists every region's pools, oldest first, or one region's", () => {
    const { fake, pool } = world();
    const eu = fake.seedIdentityPool({
      IdentityPoolName: "eu",
      AllowUnauthenticatedIdentities: true,
      Region: "eu-west-1",
    });
    const us = fake.seedIdentityPool({ IdentityPoolName: "us", AllowUnauthenticatedIdentities: true });
    expect(fake.listIdentityPools()).toEqual([pool, eu, us]);
    expect(fake.listIdentityPools("eu-west-1")).toEqual([eu]);
    expect(fake.listIdentityPools("us-east-1")).toEqual([pool, us]);
    expect(fake.listIdentityPools("ap-south-1")).toEqual([]);
  });
});

describe("fake.state", () => {
  it("maps pool and identity ids to their records, every region, read through the store", () => {
    const { fake, pool } = world();
    const eu = fake.seedIdentityPool({
      IdentityPoolName: "eu",
      AllowUnauthenticatedIdentities: true,
      Region: "eu-west-1",
    });
    const one = fake.seedIdentity({ IdentityPoolId: eu.IdentityPoolId });
    const two = fake.seedIdentity({ IdentityPoolId: pool.IdentityPoolId });
    const { IdentityPools, Identities } = fake.state;
    expect(IdentityPools.size).toBe(2);
    expect(IdentityPools.get(eu.IdentityPoolId)).toBe(eu);
    expect(IdentityPools.has("us-east-1:nope")).toBe(false);
    expect([...IdentityPools.keys()]).toEqual([pool.IdentityPoolId, eu.IdentityPoolId]);
    expect(Identities.size).toBe(2);
    expect([...Identities.values()]).toEqual([two, one]);
    expect(new Map(Identities)).toEqual(
      new Map([
        [two.IdentityId, two],
        [one.IdentityId, one],
      ]),
    );
    const seen: string[] = [];
    Identities.forEach((record, id) => {
      seen.push(`${id}=${record.IdentityPoolId}`);
    });
    expect(seen).toEqual([
      `${two.IdentityId}=${pool.IdentityPoolId}`,
      `${one.IdentityId}=${eu.IdentityPoolId}`,
    ]);
    expect(Identities.get(42 as unknown as string)).toBeUndefined();
  });

  it("is frozen, the same object until the state changes, and prints and serializes as maps", () => {
    const { fake, pool } = world();
    const before = fake.state;
    expect(fake.state).toBe(before);
    expect(Object.isFrozen(before)).toBe(true);
    expect(Object.isFrozen(before.IdentityPools)).toBe(true);
    const identity = fake.seedIdentity({ IdentityPoolId: pool.IdentityPoolId });
    expect(fake.state).not.toBe(before);
    expect(before.Identities.size).toBe(0);
    expect(Object.prototype.toString.call(fake.state.Identities)).toBe("[object Map]");
    expect(JSON.parse(JSON.stringify(fake.state))).toEqual({
      IdentityPools: { [pool.IdentityPoolId]: JSON.parse(JSON.stringify(pool)) },
      Identities: { [identity.IdentityId]: JSON.parse(JSON.stringify(identity)) },
    });
  });

  it("is what a snapshot holds, and what restore brings back", () => {
    const { fake, pool } = world();
    const snapshot = fake.snapshot();
    fake.seedIdentity({ IdentityPoolId: pool.IdentityPoolId });
    expect(snapshot.state.Identities.size).toBe(0);
    fake.restore(snapshot);
    expect(fake.state).toBe(snapshot.state);
  });

  it("the internal store is not part of the package's exports", () => {
    expect(Object.keys(api)).not.toContain("coreStateOf");
    expect(() => fake().restore({ state: fake().state })).toThrow(
      "not a cognito-identity fake, nor a snapshot taken by fake.snapshot()",
    );
  });
});

const fake = () => setup().fake;
