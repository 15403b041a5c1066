/** DescribeIdentity, ListIdentities, DeleteIdentities and the fake's state API, through the real SDK client. */
import {
  CognitoIdentityServiceException,
  DeleteIdentitiesCommand,
  DescribeIdentityCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  InvalidParameterException,
  ListIdentitiesCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity";
import { DEV, UNKNOWN, world } from "../support/fixtures/identities";
import { expectError, rejection, USER_POOL } from "../support/helpers";

describe("DescribeIdentity", () => {
  it("describes an unauthenticated identity: no Logins, both dates", async () => {
    const { client, getId } = world();
    const id = await getId();
    const described = await client.send(new DescribeIdentityCommand({ IdentityId: id }));
    const { $metadata: _m, ...body } = described;
    expect(body).toEqual({
      IdentityId: id,
      CreationDate: new Date("2026-01-01T00:00:00Z"),
      LastModifiedDate: new Date("2026-01-01T00:00:00Z"),
    });
  });

  it("lists provider names only, the developer provider included, never user identifiers", async () => {
    const { client, poolId, idToken } = world();
    const { IdentityId } = await client.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: poolId,
        Logins: { [DEV]: "user-1", [USER_POOL]: idToken("alice"), "graph.facebook.com": "fb-1" },
      }),
    );
    const described = await client.send(new DescribeIdentityCommand({ IdentityId }));
    expect(described.Logins).toEqual([USER_POOL, "graph.facebook.com", DEV]);
  });

  it("answers Identity '<id>' not found for an unknown id and in another region", async () => {
    const { client, clientIn, getId } = world();
    await expectError(
      client.send(new DescribeIdentityCommand({ IdentityId: UNKNOWN })),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      `Identity '${UNKNOWN}' not found.`,
    );
    const id = await getId();
    await expectError(
      clientIn("eu-west-1").send(new DescribeIdentityCommand({ IdentityId: id })),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      `Identity '${id}' not found.`,
    );
  });
});

describe("ListIdentities", () => {
  it("lists a pool's identities in creation order, with the pool id", async () => {
    const { list, getId, poolId } = world();
    const ids = [await getId(), await getId({ "graph.facebook.com": "fb-1" }), await getId()];
    const page = await list();
    expect(page.IdentityPoolId).toBe(poolId);
    expect(page.Identities?.map((i) => i.IdentityId)).toEqual(ids);
    expect(page.Identities?.[1]).toEqual({
      IdentityId: ids[1],
      Logins: ["graph.facebook.com"],
      CreationDate: new Date("2026-01-01T00:00:00Z"),
      LastModifiedDate: new Date("2026-01-01T00:00:00Z"),
    });
    expect(page.NextToken).toBeUndefined();
  });

  it("pages with MaxResults and NextToken, stable across inserts and deletes", async () => {
    const { client, list, getId } = world();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await getId());
    const first = await list({ MaxResults: 2 });
    expect(first.Identities?.map((i) => i.IdentityId)).toEqual(ids.slice(0, 2));
    expect(first.NextToken).toEqual(expect.any(String));
    // Changes before the cursor do not shift the next page; new identities come at the end.
    await client.send(
      new DeleteIdentitiesCommand({ IdentityIdsToDelete: [ids[0] as string, ids[2] as string] }),
    );
    ids.push(await getId());
    const second = await list({ MaxResults: 2, NextToken: first.NextToken });
    expect(second.Identities?.map((i) => i.IdentityId)).toEqual([ids[3], ids[4]]);
    const third = await list({ MaxResults: 2, NextToken: second.NextToken });
    expect(third.Identities?.map((i) => i.IdentityId)).toEqual([ids[5]]);
    expect(third.NextToken).toBeUndefined();
  });

  it("hides disabled identities with HideDisabled, includes them otherwise", async () => {
    const { list, getId, idToken } = world();
    const older = await getId({ "graph.facebook.com": "fb-1" });
    const merged = await getId({ [USER_POOL]: idToken("alice") });
    await getId({ "graph.facebook.com": "fb-1", [USER_POOL]: idToken("alice") });
    const all = await list();
    expect(all.Identities?.map((i) => [i.IdentityId, i.Logins])).toEqual([
      [older, ["graph.facebook.com", USER_POOL]],
      [merged, undefined],
    ]);
    const visible = await list({ HideDisabled: true });
    expect(visible.Identities?.map((i) => i.IdentityId)).toEqual([older]);
    const explicit = await list({ HideDisabled: false });
    expect(explicit.Identities).toHaveLength(2);
  });

  it("validates MaxResults, refuses another listing's NextToken and an unknown pool", async () => {
    const { fake, client, list, getId } = world();
    for (let i = 0; i < 3; i++) await getId();
    const err = await rejection(list({ MaxResults: 0 }));
    expect(err).toBeInstanceOf(CognitoIdentityServiceException);
    expect(err.name).toBe("ValidationException");
    expect(err.message).toBe(
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    const other = fake.seedIdentityPool({ IdentityPoolName: "other", AllowUnauthenticatedIdentities: true });
    const token = (await list({ MaxResults: 1 })).NextToken;
    await expectError(
      client.send(
        new ListIdentitiesCommand({ IdentityPoolId: other.IdentityPoolId, MaxResults: 1, NextToken: token }),
      ),
      InvalidParameterException,
      "InvalidParameterException",
      "Invalid pagination token.",
    );
    await expectError(
      client.send(new ListIdentitiesCommand({ IdentityPoolId: UNKNOWN, MaxResults: 1 })),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      `IdentityPool '${UNKNOWN}' not found.`,
    );
  });
});

describe("DeleteIdentities", () => {
  it("deletes identities, frees their logins, and ignores unknown ids", async () => {
    const { fake, client, list, getId } = world();
    const keep = await getId();
    const gone = await getId({ "graph.facebook.com": "fb-1" });
    const out = await client.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [gone, UNKNOWN] }));
    expect(out.UnprocessedIdentityIds).toEqual([]);
    expect(fake.getIdentity(gone)).toBeUndefined();
    expect((await list()).Identities?.map((i) => i.IdentityId)).toEqual([keep]);
    await expectError(
      client.send(new DescribeIdentityCommand({ IdentityId: gone })),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      `Identity '${gone}' not found.`,
    );
    const again = await getId({ "graph.facebook.com": "fb-1" });
    expect(again).not.toBe(gone);
  });

  it("does not delete an identity of another region", async () => {
    const { fake, clientIn, getId } = world();
    const id = await getId();
    const out = await clientIn("eu-west-1").send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [id] }));
    expect(out.UnprocessedIdentityIds).toEqual([]);
    expect(fake.getIdentity(id)).toBeDefined();
  });

  it("takes 1 to 60 ids", async () => {
    const { client } = world();
    const err = await rejection(client.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [] })));
    expect(err.name).toBe("ValidationException");
    expect(err.message).toBe(
      "1 validation error detected: Value '[]' at 'identityIdsToDelete' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    const many = Array.from({ length: 61 }, () => UNKNOWN);
    const tooMany = await rejection(client.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: many })));
    expect(tooMany.name).toBe("ValidationException");
    expect(tooMany.message).toBe(
      `1 validation error detected: Value '[${many.join(", ")}]' at 'identityIdsToDelete' failed to satisfy constraint: Member must have length less than or equal to 60`,
    );
  });
});

describe("state API", () => {
  it("seeds identities with logins and developer users that the API then finds", async () => {
    const { fake, poolId, getId, client } = world();
    const seeded = fake.seedIdentity({
      IdentityPoolId: poolId,
      Logins: { "graph.facebook.com": "fb-seeded", [USER_POOL]: "alice" },
      DeveloperUserIdentifiers: ["user-9"],
    });
    expect(seeded).toMatchObject({
      IdentityPoolId: poolId,
      Logins: { "graph.facebook.com": "fb-seeded", [USER_POOL]: "alice" },
      DeveloperUserIdentifiers: ["user-9"],
      CreationDate: new Date("2026-01-01T00:00:00Z"),
      LastModifiedDate: new Date("2026-01-01T00:00:00Z"),
      Disabled: false,
    });
    expect(fake.getIdentity(seeded.IdentityId)).toEqual(seeded);
    expect(await getId({ "graph.facebook.com": "fb-seeded" })).toBe(seeded.IdentityId);
    const { IdentityId } = await client.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { [DEV]: "user-9" } }),
    );
    expect(IdentityId).toBe(seeded.IdentityId);
    expect(fake.listIdentities(poolId).map((i) => i.IdentityId)).toEqual([seeded.IdentityId]);
    expect(fake.listIdentities(UNKNOWN)).toEqual([]);
  });

  it("refuses seeds the API would refuse", () => {
    const { fake, poolId } = world();
    fake.seedIdentity({ IdentityPoolId: poolId, Logins: { "graph.facebook.com": "fb-1" } });
    expect(() =>
      fake.seedIdentity({ IdentityPoolId: poolId, Logins: { "graph.facebook.com": "fb-1" } }),
    ).toThrow("already linked");
    expect(() =>
      fake.seedIdentity({ IdentityPoolId: poolId, Logins: { "accounts.google.com": "g" } }),
    ).toThrow("Token is not from a supported provider of this identity pool.");
    expect(() => fake.seedIdentity({ IdentityPoolId: UNKNOWN })).toThrow(
      `IdentityPool '${UNKNOWN}' not found.`,
    );
    expect(fake.listIdentities(poolId)).toHaveLength(1);
  });

  it("seeds many identities at once, or none when one of them would be refused", () => {
    const { fake, poolId } = world();
    const seeded = fake.seedIdentities([
      { IdentityPoolId: poolId, Logins: { "graph.facebook.com": "fb-a" } },
      { IdentityPoolId: poolId, DeveloperUserIdentifiers: ["dev-a"] },
      { IdentityPoolId: poolId },
    ]);
    expect(fake.listIdentities(poolId).map((i) => i.IdentityId)).toEqual(seeded.map((i) => i.IdentityId));
    expect(fake.getIdentity(seeded[0]?.IdentityId as string)?.Logins).toEqual({
      "graph.facebook.com": "fb-a",
    });
    const before = fake.state;
    expect(() =>
      fake.seedIdentities([
        { IdentityPoolId: poolId, Logins: { "graph.facebook.com": "fb-b" } },
        { IdentityPoolId: poolId, Logins: { "graph.facebook.com": "fb-b" } },
      ]),
    ).toThrow(
      /^The graph\.facebook\.com login of this user is already linked to identity 'us-east-1:[0-9a-f-]+'\.$/,
    );
    expect(() =>
      fake.seedIdentities([
        { IdentityPoolId: poolId, DeveloperUserIdentifiers: ["dev-b"] },
        { IdentityPoolId: poolId, DeveloperUserIdentifiers: ["dev-b"] },
      ]),
    ).toThrow("This developer user identifier is already registered with Cognito.");
    expect(fake.state).toBe(before);
  });

  it("seeds an identity in its pool's region", async () => {
    const { fake, clientIn } = world();
    const pool = fake.seedIdentityPool({
      IdentityPoolName: "eu",
      AllowUnauthenticatedIdentities: true,
      Region: "eu-west-1",
    });
    const seeded = fake.seedIdentity({ IdentityPoolId: pool.IdentityPoolId });
    expect(seeded.IdentityId.startsWith("eu-west-1:")).toBe(true);
    const described = await clientIn("eu-west-1").send(
      new DescribeIdentityCommand({ IdentityId: seeded.IdentityId }),
    );
    expect(described.IdentityId).toBe(seeded.IdentityId);
  });
});
