/** UnlinkIdentity through the real SDK client. */
import {
  DescribeIdentityCommand,
  InvalidParameterException,
  NotAuthorizedException,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity";
import { LOGINS_DONT_MATCH } from "../../src/core/errors";
import { UNKNOWN, world } from "../support/fixtures/identities";
import { expectError, USER_POOL } from "../support/helpers";
import { storedIdentity } from "../support/stored";

describe("UnlinkIdentity", () => {
  it("removes a login when the caller proves the identity with one of its logins", async () => {
    const { fake, clock, unlink, getId, idToken } = world();
    const id = await getId({ [USER_POOL]: idToken("alice"), "graph.facebook.com": "fb-1" });
    clock.now = new Date("2026-01-01T04:00:00Z");
    await unlink(id, { [USER_POOL]: idToken("alice") }, ["graph.facebook.com"]);
    expect(fake.getIdentity(id)).toMatchObject({
      Logins: { [USER_POOL]: "alice" },
      Disabled: false,
      LastModifiedDate: new Date("2026-01-01T04:00:00Z"),
    });
    expect(Object.keys(storedIdentity(fake, id)?.loginClaims ?? {})).toEqual([USER_POOL]);
    // The unlinked login is a new identity next time it is seen.
    expect(await getId({ "graph.facebook.com": "fb-1" })).not.toBe(id);
  });

  it("disables the identity when its last login is removed", async () => {
    const { fake, unlink, getId, client } = world();
    const id = await getId({ "graph.facebook.com": "fb-1" });
    await unlink(id, { "graph.facebook.com": "fb-1" }, ["graph.facebook.com"]);
    expect(fake.getIdentity(id)).toMatchObject({ Disabled: true, Logins: {} });
    await expectError(
      unlink(id, { "graph.facebook.com": "fb-1" }, ["graph.facebook.com"]),
      NotAuthorizedException,
      "NotAuthorizedException",
      `Access to Identity '${id}' is forbidden.`,
    );
    const described = await client.send(new DescribeIdentityCommand({ IdentityId: id }));
    expect(described.Logins).toBeUndefined();
  });

  it("answers Logins don't match without a login of that identity", async () => {
    const { fake, unlink, getId } = world();
    const id = await getId({ "graph.facebook.com": "fb-1", "www.amazon.com": "amzn-1" });
    await getId({ "graph.facebook.com": "fb-2" });
    const before = fake.state;
    const attempts: Record<string, string>[] = [
      {},
      { "graph.facebook.com": "fb-2" },
      { "graph.facebook.com": "fb-new" },
    ];
    for (const logins of attempts) {
      await expectError(
        unlink(id, logins, ["www.amazon.com"]),
        NotAuthorizedException,
        "NotAuthorizedException",
        LOGINS_DONT_MATCH,
      );
    }
    expect(fake.state).toBe(before);
  });

  it("checks the proving tokens like GetId does", async () => {
    const { unlink, getId, idToken, fake } = world();
    const id = await getId({ [USER_POOL]: idToken("alice") });
    const wrongClient = fake.loginToken.userPool({
      userPoolId: "us-east-1_TestPool1",
      clientId: "other",
      sub: "alice",
    });
    await expectError(
      unlink(id, { [USER_POOL]: wrongClient }, [USER_POOL]),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Token is not from a supported provider of this identity pool.",
    );
  });

  it("refuses to remove a provider that is not linked, and answers not found for an unknown identity", async () => {
    const { unlink, getId } = world();
    const id = await getId({ "graph.facebook.com": "fb-1" });
    await expectError(
      unlink(id, { "graph.facebook.com": "fb-1" }, ["www.amazon.com"]),
      InvalidParameterException,
      "InvalidParameterException",
      `Login 'www.amazon.com' is not linked to identity '${id}'.`,
    );
    await expectError(
      unlink(UNKNOWN, { "graph.facebook.com": "fb-1" }, ["graph.facebook.com"]),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      `Identity '${UNKNOWN}' not found.`,
    );
  });
});
