/** LookupDeveloperIdentity, MergeDeveloperIdentities and UnlinkDeveloperIdentity through the real SDK client. */
import {
  InvalidParameterException,
  NotAuthorizedException,
  ResourceConflictException,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity";
import { DEV, WRONG_PROVIDER, world } from "../support/fixtures/developer";
import { expectError, rejection } from "../support/helpers";

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
