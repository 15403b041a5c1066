/**
 * Principal tags of a credential issue (semantics §8) and the issued credentials themselves.
 */
import { issueCredentials } from "../../src/core/domain/credentials/issue";
import { defaultTagMap, principalTagsFor } from "../../src/core/domain/credentials/principalTags";
import { IdSource } from "../../src/core/ids";
import { CLIENT_ID, setup, USER_POOL } from "../support/helpers";
import { storedPool } from "../support/stored";

const SAML_ARN = "arn:aws:iam::123456789012:saml-provider/corp";

function pool() {
  const { fake } = setup();
  const seeded = fake.seedIdentityPool({
    IdentityPoolName: "tags",
    AllowUnauthenticatedIdentities: true,
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
    SupportedLoginProviders: {
      "www.amazon.com": "amzn1.application-oa2-client.1",
      "accounts.google.com": "g.apps",
    },
    PrincipalTagAttributeMaps: {
      [USER_POOL]: { UseDefaults: true, PrincipalTags: { ignored: "email" } },
      "accounts.google.com": {
        UseDefaults: false,
        PrincipalTags: { mail: "email", org: "hd", verified: "email_verified", groups: "groups" },
      },
      "www.amazon.com": { UseDefaults: true },
    },
  });
  return storedPool(fake, seeded);
}

describe("principal tags", () => {
  it("UseDefaults maps client ← aud and username ← sub (only the defaults)", () => {
    const tags = principalTagsFor({
      pool: pool(),
      logins: [{ provider: USER_POOL, claims: { aud: CLIENT_ID, sub: "u-1", email: "a@b.c" } }],
    });
    expect(tags).toEqual({ client: CLIENT_ID, username: "u-1" });
  });

  it("a custom map reads each tag's claim; absent, array and object claims give no tag", () => {
    const tags = principalTagsFor({
      pool: pool(),
      logins: [
        {
          provider: "accounts.google.com",
          claims: { email: "a@example.com", email_verified: true, groups: ["x"], sub: "g-1" },
        },
      ],
    });
    expect(tags).toEqual({ mail: "a@example.com", verified: "true" });
  });

  it("the defaults follow the provider table (Login with Amazon's user_id, SAML attributes)", () => {
    expect(defaultTagMap("www.amazon.com")).toEqual({ client: "aud", username: "user_id" });
    expect(defaultTagMap(SAML_ARN)).toEqual({
      client: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier",
      username: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
    });
    const tags = principalTagsFor({
      pool: pool(),
      logins: [
        {
          provider: "www.amazon.com",
          claims: { aud: "amzn1.application-oa2-client.1", user_id: "amzn1.account.X" },
        },
      ],
    });
    expect(tags).toEqual({ client: "amzn1.application-oa2-client.1", username: "amzn1.account.X" });
  });

  it("providers without a map give none; several logins merge, the first value of a tag winning", () => {
    const p = pool();
    expect(
      principalTagsFor({ pool: p, logins: [{ provider: "graph.facebook.com", claims: { sub: "x" } }] }),
    ).toEqual({});
    expect(principalTagsFor({ pool: p })).toEqual({});
    const tags = principalTagsFor({
      pool: p,
      logins: [
        { provider: USER_POOL, claims: { aud: CLIENT_ID, sub: "u-1" } },
        { provider: "www.amazon.com", claims: { aud: "amzn", user_id: "a-1" } },
      ],
    });
    expect(tags).toEqual({ client: CLIENT_ID, username: "u-1" });
  });

  it("a developer's tags (given directly, or carried by the developer token) are the tags", () => {
    const tags = principalTagsFor({
      pool: pool(),
      logins: [{ provider: USER_POOL, claims: { aud: CLIENT_ID, sub: "u-1" } }],
      direct: { team: "blue" },
    });
    expect(tags).toEqual({ team: "blue" });
  });
});

describe("issueCredentials", () => {
  const request = {
    identityId: "us-east-1:11111111-2222-4333-8444-555555555555",
    identityPoolId: "us-east-1:66666666-7777-4888-9999-000000000000",
    roleArn: "arn:aws:iam::123456789012:role/auth",
    principalTags: { team: "blue" },
    now: Date.parse("2026-01-01T00:00:00.500Z"),
  };

  it("draws ASIA keys, a 40-character secret and a session token, valid one hour (epoch seconds)", () => {
    const ids = new IdSource(7, 0);
    const { credentials, issued } = issueCredentials(ids, request);
    expect(credentials.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(credentials.SecretKey).toHaveLength(40);
    expect(credentials.SessionToken.length).toBeGreaterThan(100);
    expect(credentials.Expiration).toBe(Date.parse("2026-01-01T01:00:00Z") / 1000);
    expect(issued).toEqual({
      identityId: request.identityId,
      identityPoolId: request.identityPoolId,
      roleArn: request.roleArn,
      accessKeyId: credentials.AccessKeyId,
      expiration: Date.parse("2026-01-01T01:00:00Z"),
      principalTags: { team: "blue" },
    });
    expect(Object.isFrozen(issued)).toBe(true);
    expect(ids.position).toBeGreaterThan(0);
  });

  it("is deterministic for a seed and position, and different at the next position", () => {
    const first = issueCredentials(new IdSource(7, 0), request).credentials;
    expect(issueCredentials(new IdSource(7, 0), request).credentials).toEqual(first);
    const ids = new IdSource(7, 0);
    issueCredentials(ids, request);
    const second = issueCredentials(ids, request).credentials;
    expect(second.AccessKeyId).not.toBe(first.AccessKeyId);
    expect(second.SessionToken).not.toBe(first.SessionToken);
  });
});
