import {
  CognitoIdentityServiceException,
  DescribeIdentityCommand,
  DeveloperUserAlreadyRegisteredException,
  GetIdCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  InvalidParameterException,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  NotAuthorizedException,
  ResourceConflictException,
  ResourceNotFoundException,
  UnlinkDeveloperIdentityCommand,
} from "@aws-sdk/client-cognito-identity";
import { LOGINS_DONT_MATCH } from "../../src/core/errors";
import { CLIENT_ID, expectError, rejection, setup, USER_POOL } from "../support/helpers";

const DEV = "login.myapp";
const WRONG_PROVIDER = "This identity pool does not support the specified developer provider";

function world(poolOverrides: Record<string, unknown> = {}) {
  const clock = { now: new Date("2026-01-01T00:00:00Z") };
  const env = setup({ now: () => clock.now });
  const pool = env.fake.seedIdentityPool({
    IdentityPoolName: "dev",
    AllowUnauthenticatedIdentities: true,
    SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
    DeveloperProviderName: DEV,
    ...poolOverrides,
  });
  const poolId = pool.IdentityPoolId;
  const devToken = async (
    Logins: Record<string, string>,
    IdentityId?: string,
    extra: Record<string, unknown> = {},
  ) =>
    env.client.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins, IdentityId, ...extra }),
    );
  const devId = async (Logins: Record<string, string>, IdentityId?: string) =>
    (await devToken(Logins, IdentityId)).IdentityId as string;
  const lookup = (input: {
    IdentityId?: string;
    DeveloperUserIdentifier?: string;
    MaxResults?: number;
    NextToken?: string;
  }) => env.client.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, ...input }));
  const merge = (
    SourceUserIdentifier: string,
    DestinationUserIdentifier: string,
    DeveloperProviderName = DEV,
  ) =>
    env.client.send(
      new MergeDeveloperIdentitiesCommand({
        IdentityPoolId: poolId,
        SourceUserIdentifier,
        DestinationUserIdentifier,
        DeveloperProviderName,
      }),
    );
  const unlink = (IdentityId: string, DeveloperUserIdentifier: string, DeveloperProviderName = DEV) =>
    env.client.send(
      new UnlinkDeveloperIdentityCommand({
        IdentityPoolId: poolId,
        IdentityId,
        DeveloperProviderName,
        DeveloperUserIdentifier,
      }),
    );
  return { ...env, clock, poolId, devToken, devId, lookup, merge, unlink };
}

describe("GetOpenIdTokenForDeveloperIdentity", () => {
  it("creates the identity of a new developer user and returns it for that user afterwards", async () => {
    const { fake, client, devToken } = world();
    const first = await devToken({ [DEV]: "user-1" });
    expect(first.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(typeof first.Token).toBe("string");
    const again = await devToken({ [DEV]: "user-1" });
    expect(again.IdentityId).toBe(first.IdentityId);
    const other = await devToken({ [DEV]: "user-2" });
    expect(other.IdentityId).not.toBe(first.IdentityId);
    expect(fake.getIdentity(first.IdentityId as string)).toMatchObject({
      Logins: {},
      DeveloperUserIdentifiers: ["user-1"],
      Disabled: false,
    });
    const described = await client.send(new DescribeIdentityCommand({ IdentityId: first.IdentityId }));
    expect(described.Logins).toEqual([DEV]);
  });

  it("links the developer user to a given unauthenticated identity", async () => {
    const { fake, client, clock, poolId, devId } = world();
    const guest = (await client.send(new GetIdCommand({ IdentityPoolId: poolId }))).IdentityId as string;
    clock.now = new Date("2026-01-01T00:05:00Z");
    expect(await devId({ [DEV]: "user-1" }, guest)).toBe(guest);
    expect(fake.getIdentity(guest)?.DeveloperUserIdentifiers).toEqual(["user-1"]);
    expect(fake.getIdentity(guest)?.LastModifiedDate).toEqual(new Date("2026-01-01T00:05:00Z"));
  });

  it("links other logins presented with the developer user", async () => {
    const { fake, client, poolId, devId } = world();
    const id = await devId({ [DEV]: "user-1", "graph.facebook.com": "fb-1" });
    const viaFacebook = await client.send(
      new GetIdCommand({ IdentityPoolId: poolId, Logins: { "graph.facebook.com": "fb-1" } }),
    );
    expect(viaFacebook.IdentityId).toBe(id);
    expect(fake.getIdentity(id)?.Logins).toEqual({ "graph.facebook.com": "fb-1" });
  });

  it("merges implicitly: a developer user presented with another identity's login joins the oldest identity", async () => {
    const { fake, client, poolId, devId } = world();
    const facebook = (
      await client.send(
        new GetIdCommand({ IdentityPoolId: poolId, Logins: { "graph.facebook.com": "fb-1" } }),
      )
    ).IdentityId as string;
    const developer = await devId({ [DEV]: "user-1" });
    expect(await devId({ [DEV]: "user-1", "graph.facebook.com": "fb-1" })).toBe(facebook);
    expect(fake.getIdentity(facebook)?.DeveloperUserIdentifiers).toEqual(["user-1"]);
    expect(fake.getIdentity(developer)?.Disabled).toBe(true);
  });

  it("answers DeveloperUserAlreadyRegisteredException for a user registered under another identity", async () => {
    const { fake, client, poolId, devId } = world();
    await devId({ [DEV]: "user-1" });
    const guest = (await client.send(new GetIdCommand({ IdentityPoolId: poolId }))).IdentityId as string;
    await expectError(
      devId({ [DEV]: "user-1" }, guest),
      DeveloperUserAlreadyRegisteredException,
      "DeveloperUserAlreadyRegisteredException",
      "This developer user identifier is already registered with Cognito.",
    );
    expect(fake.getIdentity(guest)?.DeveloperUserIdentifiers).toEqual([]);
  });

  it("answers Logins don't match when linking to an authenticated identity without one of its logins", async () => {
    const { fake, client, poolId, devId } = world();
    const id = (
      await client.send(
        new GetIdCommand({ IdentityPoolId: poolId, Logins: { "graph.facebook.com": "fb-1" } }),
      )
    ).IdentityId as string;
    await expectError(
      devId({ [DEV]: "user-1" }, id),
      NotAuthorizedException,
      "NotAuthorizedException",
      LOGINS_DONT_MATCH,
    );
    expect(await devId({ [DEV]: "user-1", "graph.facebook.com": "fb-1" }, id)).toBe(id);
    expect(fake.getIdentity(id)?.DeveloperUserIdentifiers).toEqual(["user-1"]);
    // Now the developer user alone proves the identity.
    expect(await devId({ [DEV]: "user-1" }, id)).toBe(id);
  });

  it("refuses a developer provider name the pool does not have", async () => {
    const { devId } = world();
    await expectError(
      devId({ "login.other": "user-1" }),
      NotAuthorizedException,
      "NotAuthorizedException",
      WRONG_PROVIDER,
    );
    const { devId: noDeveloperPool } = world({ DeveloperProviderName: undefined });
    await expectError(
      noDeveloperPool({ [DEV]: "user-1" }),
      NotAuthorizedException,
      "NotAuthorizedException",
      WRONG_PROVIDER,
    );
  });

  it("takes exactly one developer provider per call", async () => {
    const { devId } = world();
    await expectError(
      devId({ [DEV]: "user-1", "login.other": "user-2" }),
      InvalidParameterException,
      "InvalidParameterException",
      "You can only specify one developer provider as part of the Logins map.",
    );
    await expectError(
      devId({ "graph.facebook.com": "fb-1" }),
      InvalidParameterException,
      "InvalidParameterException",
      "The Logins map must contain the developer provider of this identity pool.",
    );
  });

  it("refuses a disabled or unknown IdentityId", async () => {
    const { devId, merge } = world();
    const source = await devId({ [DEV]: "user-1" });
    await devId({ [DEV]: "user-2" });
    await merge("user-1", "user-2");
    await expectError(
      devId({ [DEV]: "user-3" }, source),
      NotAuthorizedException,
      "NotAuthorizedException",
      `Access to Identity '${source}' is forbidden.`,
    );
    const unknown = "us-east-1:00000000-0000-4000-8000-000000000000";
    await expectError(
      devId({ [DEV]: "user-3" }, unknown),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      `Identity '${unknown}' not found.`,
    );
  });

  it("validates TokenDuration (1-86400) and PrincipalTags", async () => {
    const { devToken } = world();
    const ok = await devToken({ [DEV]: "user-1" }, undefined, {
      TokenDuration: 86400,
      PrincipalTags: { team: "a" },
    });
    expect(typeof ok.Token).toBe("string");
    for (const [value, phrase] of [
      [0, "Member must have value greater than or equal to 1"],
      [86401, "Member must have value less than or equal to 86400"],
    ] as const) {
      const err = await rejection(devToken({ [DEV]: "user-1" }, undefined, { TokenDuration: value }));
      expect(err).toBeInstanceOf(CognitoIdentityServiceException);
      expect(err.name).toBe("ValidationException");
      expect(err.message).toBe(
        `1 validation error detected: Value '${value}' at 'tokenDuration' failed to satisfy constraint: ${phrase}`,
      );
    }
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
    const err = await rejection(devToken({ [DEV]: "user-1" }, undefined, { PrincipalTags: tags }));
    expect(err.name).toBe("ValidationException");
    const printed = Object.keys(tags)
      .map((k) => `${k}=v`)
      .join(", ");
    expect(err.message).toBe(
      `1 validation error detected: Value '{${printed}}' at 'principalTags' failed to satisfy constraint: Member must have length less than or equal to 50`,
    );
  });
});

describe("LookupDeveloperIdentity", () => {
  it("finds the identity of a developer user, and the users of an identity", async () => {
    const { devId, lookup } = world();
    const id = await devId({ [DEV]: "user-1" });
    const byUser = await lookup({ DeveloperUserIdentifier: "user-1" });
    expect(byUser.IdentityId).toBe(id);
    expect(byUser.DeveloperUserIdentifierList).toEqual(["user-1"]);
    expect(byUser.NextToken).toBeUndefined();
    const byIdentity = await lookup({ IdentityId: id });
    expect(byIdentity.IdentityId).toBe(id);
    expect(byIdentity.DeveloperUserIdentifierList).toEqual(["user-1"]);
  });

  it("verifies a matching pair and answers ResourceConflictException otherwise", async () => {
    const { devId, lookup } = world();
    const id1 = await devId({ [DEV]: "user-1" });
    await devId({ [DEV]: "user-2" });
    const both = await lookup({ IdentityId: id1, DeveloperUserIdentifier: "user-1" });
    expect(both.IdentityId).toBe(id1);
    expect(both.DeveloperUserIdentifierList).toEqual(["user-1"]);
    await expectError(
      lookup({ IdentityId: id1, DeveloperUserIdentifier: "user-2" }),
      ResourceConflictException,
      "ResourceConflictException",
      `Developer user identifier 'user-2' is not linked to identity '${id1}'.`,
    );
  });

  it("needs one of IdentityId and DeveloperUserIdentifier", async () => {
    const { lookup } = world();
    await expectError(
      lookup({}),
      InvalidParameterException,
      "InvalidParameterException",
      "Either IdentityID or DeveloperUserIdentifier must not be null.",
    );
  });

  it("answers ResourceNotFoundException for an unknown developer user or identity", async () => {
    const { lookup } = world();
    await expectError(
      lookup({ DeveloperUserIdentifier: "nobody" }),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      "Developer user identifier 'nobody' not found.",
    );
    const unknown = "us-east-1:00000000-0000-4000-8000-000000000000";
    await expectError(
      lookup({ IdentityId: unknown }),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      `Identity '${unknown}' not found.`,
    );
  });

  it("pages through a user's identifiers with MaxResults and NextToken", async () => {
    const { fake, poolId, lookup } = world();
    const users = ["u1", "u2", "u3", "u4", "u5"];
    const { IdentityId } = fake.seedIdentity({ IdentityPoolId: poolId, DeveloperUserIdentifiers: users });
    const seen: string[][] = [];
    let NextToken: string | undefined;
    do {
      const page = await lookup({ DeveloperUserIdentifier: "u3", MaxResults: 2, NextToken });
      expect(page.IdentityId).toBe(IdentityId);
      seen.push(page.DeveloperUserIdentifierList ?? []);
      NextToken = page.NextToken;
    } while (NextToken);
    expect(seen).toEqual([["u1", "u2"], ["u3", "u4"], ["u5"]]);
  });

  it("validates MaxResults and refuses a foreign NextToken", async () => {
    const { devId, lookup } = world();
    await devId({ [DEV]: "user-1" });
    const err = await rejection(lookup({ DeveloperUserIdentifier: "user-1", MaxResults: 61 }));
    expect(err.name).toBe("ValidationException");
    expect(err.message).toBe(
      "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
    );
    await expectError(
      lookup({ DeveloperUserIdentifier: "user-1", NextToken: "garbage" }),
      InvalidParameterException,
      "InvalidParameterException",
      "Invalid pagination token.",
    );
  });
});

describe("MergeDeveloperIdentities", () => {
  it("moves the source user's identity onto the destination's identity and disables the source's", async () => {
    const { fake, clock, devId, merge, lookup } = world();
    const source = await devId({ [DEV]: "user-1", "graph.facebook.com": "fb-1" });
    const destination = await devId({ [DEV]: "user-2" });
    clock.now = new Date("2026-01-01T02:00:00Z");
    const merged = await merge("user-1", "user-2");
    expect(merged.IdentityId).toBe(destination);
    expect(fake.getIdentity(destination)).toMatchObject({
      Logins: { "graph.facebook.com": "fb-1" },
      DeveloperUserIdentifiers: ["user-2", "user-1"],
      LastModifiedDate: new Date("2026-01-01T02:00:00Z"),
    });
    expect(fake.getIdentity(source)).toMatchObject({
      Disabled: true,
      Logins: {},
      DeveloperUserIdentifiers: [],
    });
    expect((await lookup({ DeveloperUserIdentifier: "user-1" })).IdentityId).toBe(destination);
    expect(await devId({ [DEV]: "user-1" })).toBe(destination);
  });

  it("returns the destination unchanged when both users already share an identity", async () => {
    const { fake, poolId, merge } = world();
    const seeded = fake.seedIdentity({ IdentityPoolId: poolId, DeveloperUserIdentifiers: ["a", "b"] });
    const before = fake.state;
    expect((await merge("a", "b")).IdentityId).toBe(seeded.IdentityId);
    expect(fake.state).toBe(before);
  });

  it("refuses to merge two different users of the same public provider", async () => {
    const { fake, devId, merge } = world();
    await devId({ [DEV]: "user-1", "graph.facebook.com": "fb-1" });
    await devId({ [DEV]: "user-2", "graph.facebook.com": "fb-2" });
    const before = fake.state;
    await expectError(
      merge("user-1", "user-2"),
      ResourceConflictException,
      "ResourceConflictException",
      "A different user of provider 'graph.facebook.com' is already linked to this identity.",
    );
    expect(fake.state).toBe(before);
  });

  it("refuses a merge that would link more than 20 logins", async () => {
    const { fake, poolId, merge } = world();
    fake.seedIdentity({
      IdentityPoolId: poolId,
      DeveloperUserIdentifiers: Array.from({ length: 10 }, (_, i) => `s${i}`),
    });
    fake.seedIdentity({
      IdentityPoolId: poolId,
      DeveloperUserIdentifiers: Array.from({ length: 11 }, (_, i) => `d${i}`),
    });
    await expectError(
      merge("s0", "d0"),
      ResourceConflictException,
      "ResourceConflictException",
      "The number of linked logins of an identity is limited to 20.",
    );
  });

  it("refuses another developer provider name and unknown users", async () => {
    const { devId, merge } = world();
    await devId({ [DEV]: "user-1" });
    await expectError(
      merge("user-1", "user-2", "login.other"),
      NotAuthorizedException,
      "NotAuthorizedException",
      WRONG_PROVIDER,
    );
    await expectError(
      merge("user-1", "nobody"),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      "Developer user identifier 'nobody' not found.",
    );
    await expectError(
      merge("nobody", "user-1"),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      "Developer user identifier 'nobody' not found.",
    );
  });
});

describe("UnlinkDeveloperIdentity", () => {
  it("unlinks a developer user; the user is a new identity next time it is seen", async () => {
    const { fake, poolId, devId, unlink, lookup } = world();
    const seeded = fake.seedIdentity({ IdentityPoolId: poolId, DeveloperUserIdentifiers: ["a", "b"] });
    await unlink(seeded.IdentityId, "a");
    expect(fake.getIdentity(seeded.IdentityId)).toMatchObject({
      DeveloperUserIdentifiers: ["b"],
      Disabled: false,
    });
    await expectError(
      lookup({ DeveloperUserIdentifier: "a" }),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      "Developer user identifier 'a' not found.",
    );
    const fresh = await devId({ [DEV]: "a" });
    expect(fresh).not.toBe(seeded.IdentityId);
  });

  it("disables the identity when its last login goes, but not while another login remains", async () => {
    const { fake, clock, devId, unlink } = world();
    const withFacebook = await devId({ [DEV]: "user-1", "graph.facebook.com": "fb-1" });
    const devOnly = await devId({ [DEV]: "user-2" });
    clock.now = new Date("2026-01-01T03:00:00Z");
    await unlink(withFacebook, "user-1");
    expect(fake.getIdentity(withFacebook)).toMatchObject({
      Disabled: false,
      Logins: { "graph.facebook.com": "fb-1" },
    });
    await unlink(devOnly, "user-2");
    expect(fake.getIdentity(devOnly)).toMatchObject({
      Disabled: true,
      DeveloperUserIdentifiers: [],
      LastModifiedDate: new Date("2026-01-01T03:00:00Z"),
    });
    await expectError(
      unlink(devOnly, "user-2"),
      NotAuthorizedException,
      "NotAuthorizedException",
      `Access to Identity '${devOnly}' is forbidden.`,
    );
  });

  it("refuses a user that is not linked to that identity, an unknown user and another provider", async () => {
    const { devId, unlink } = world();
    const id1 = await devId({ [DEV]: "user-1" });
    await devId({ [DEV]: "user-2" });
    await expectError(
      unlink(id1, "user-2"),
      ResourceConflictException,
      "ResourceConflictException",
      `Developer user identifier 'user-2' is not linked to identity '${id1}'.`,
    );
    await expectError(
      unlink(id1, "nobody"),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      "Developer user identifier 'nobody' not found.",
    );
    await expectError(
      unlink(id1, "user-1", "login.other"),
      NotAuthorizedException,
      "NotAuthorizedException",
      WRONG_PROVIDER,
    );
  });
});
