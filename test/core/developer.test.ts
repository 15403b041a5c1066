/** GetOpenIdTokenForDeveloperIdentity through the real SDK client. */
import {
  CognitoIdentityServiceException,
  DescribeIdentityCommand,
  DeveloperUserAlreadyRegisteredException,
  GetIdCommand,
  InvalidParameterException,
  NotAuthorizedException,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity";
import { LOGINS_DONT_MATCH } from "../../src/core/errors";
import { DEV, WRONG_PROVIDER, world } from "../support/fixtures/developer";
import { expectError, rejection } from "../support/helpers";

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
