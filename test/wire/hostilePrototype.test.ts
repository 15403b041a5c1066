/**
 * Hostile input at the wire layer, through the real SDK client: prototype-pollution keys (`__proto__`,
 * `constructor`, `prototype`) are plain data. Every input must answer the service's error (or be ignored where the
 * service ignores it), the SDK call must reject with a service exception, a failure must leave the state
 * identical, and no global object may be polluted (`test/support/hostile.ts`).
 */
import * as sdk from "@aws-sdk/client-cognito-identity";
import { COGNITO, countTried, DEV, guardHostileFile, hostileWorld } from "../support/hostile";

guardHostileFile("hostilePrototype");

const POLLUTING = ["__proto__", "constructor", "prototype"] as const;

describe("prototype-pollution keys are plain data", () => {
  it("in Logins: an unsupported provider, never a prototype", async () => {
    const w = hostileWorld();
    for (const key of POLLUTING) {
      for (const op of ["GetId", "GetOpenIdTokenForDeveloperIdentity"] as const) {
        const body = `{"IdentityPoolId":"${w.poolId}","Logins":{"${key}":"tok"}}`;
        const err = await w.expectBodyError(op, body, "NotAuthorizedException");
        expect(err.message).toBe(
          op === "GetId"
            ? "Token is not from a supported provider of this identity pool."
            : "This identity pool does not support the specified developer provider",
        );
      }
      // An object where a token belongs: a type error, whatever the key.
      await w.expectBodyError(
        "GetId",
        `{"IdentityPoolId":"${w.poolId}","Logins":{"${key}":{"polluted":"yes"}}}`,
        "SerializationException",
        "START_OBJECT can not be converted to a String",
      );
    }
    expect(w.fake.listIdentities(w.poolId)).toEqual([]);
  });

  it("in SupportedLoginProviders: refused as an unknown provider", async () => {
    const w = hostileWorld();
    for (const key of POLLUTING) {
      await w.expectBodyError(
        "CreateIdentityPool",
        `{"IdentityPoolName":"p","AllowUnauthenticatedIdentities":true,"SupportedLoginProviders":{"${key}":"x"}}`,
        "InvalidParameterException",
        `${key} is not a supported login provider.`,
      );
    }
  });

  it("in IdentityPoolTags and Tags: stored, listed and removed as ordinary keys", async () => {
    const w = hostileWorld();
    const created = await w.send("CreateIdentityPool", (r) => {
      r.body =
        '{"IdentityPoolName":"p","AllowUnauthenticatedIdentities":true,"IdentityPoolTags":{"__proto__":"a","constructor":"b","prototype":"c"}}';
    });
    if (!created.ok) throw created.error;
    const poolId = created.output.IdentityPoolId as string;
    const stored = w.fake.getIdentityPool(poolId)?.IdentityPoolTags ?? {};
    expect(Object.keys(stored)).toEqual(["__proto__", "constructor", "prototype"]);
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    const arn = `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${poolId}`;
    const tagged = await w.send("TagResource", (r) => {
      r.body = `{"ResourceArn":"${arn}","Tags":{"__proto__":"z","extra":"e"}}`;
    });
    expect(tagged.ok).toBe(true);
    const listed = await w.send("ListTagsForResource", () => {}, { ResourceArn: arn });
    if (!listed.ok) throw listed.error;
    // The SDK's answer carries the keys as own keys and no prototype is touched. SDKs of 2025 copy a map by
    // assignment and so drop "__proto__"; the wire answer below carries it whatever the SDK.
    expect(Object.getPrototypeOf(listed.output.Tags)).toBe(Object.prototype);
    const sdkTags = Object.entries(listed.output.Tags as object);
    expect(sdkTags.filter(([key]) => key !== "__proto__")).toEqual([
      ["constructor", "b"],
      ["prototype", "c"],
      ["extra", "e"],
    ]);
    expect(sdkTags.filter(([key]) => key === "__proto__")).toEqual(
      Object.hasOwn(listed.output.Tags as object, "__proto__") ? [["__proto__", "z"]] : [],
    );
    const wire = JSON.parse(
      new TextDecoder().decode(
        (
          (
            await w.fake.requestHandler().handle({
              hostname: "cognito-identity.us-east-1.amazonaws.com",
              headers: { "x-amz-target": "AWSCognitoIdentityService.ListTagsForResource" },
              body: JSON.stringify({ ResourceArn: arn }),
            })
          ).response as { body: Uint8Array }
        ).body,
      ),
    );
    expect(wire.Tags).toEqual(JSON.parse('{"__proto__":"z","constructor":"b","prototype":"c","extra":"e"}'));
    const untagged = await w.send("UntagResource", () => {}, {
      ResourceArn: arn,
      TagKeys: ["__proto__", "constructor"],
    });
    expect(untagged.ok).toBe(true);
    expect(Object.keys(w.fake.getIdentityPool(poolId)?.IdentityPoolTags ?? {})).toEqual([
      "prototype",
      "extra",
    ]);
  });

  it("in RoleMappings and Roles: refused, never merged into a prototype", async () => {
    const w = hostileWorld();
    for (const key of POLLUTING) {
      await w.expectBodyError(
        "SetIdentityPoolRoles",
        `{"IdentityPoolId":"${w.poolId}","Roles":{},"RoleMappings":{"${key}":{"Type":"Token","AmbiguousRoleResolution":"Deny"}}}`,
        "InvalidParameterException",
        `${key} is not a valid RoleMapping ProviderName or is not a configured provider.`,
      );
      await w.expectBodyError(
        "SetIdentityPoolRoles",
        `{"IdentityPoolId":"${w.poolId}","Roles":{"${key}":"arn:aws:iam::123456789012:role/x"}}`,
        "ValidationException",
        `1 validation error detected: Value '{${key}=arn:aws:iam::123456789012:role/x}' at 'roles' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: (un)?authenticated]`,
      );
    }
    expect(w.fake.getIdentityPool(w.poolId)?.RoleMappings).toEqual({});
  });

  it("in PrincipalTags of an attribute map: stored, and carried into the session tags", async () => {
    const w = hostileWorld();
    const set = await w.send("SetPrincipalTagAttributeMap", (r) => {
      r.body = `{"IdentityPoolId":"${w.poolId}","IdentityProviderName":"graph.facebook.com","PrincipalTags":{"__proto__":"sub","constructor":"aud","prototype":"iss"}}`;
    });
    expect(set.ok).toBe(true);
    const record =
      w.fake.getIdentityPool(w.poolId)?.PrincipalTagAttributeMaps["graph.facebook.com"]?.PrincipalTags ?? {};
    expect(Object.keys(record)).toEqual(["__proto__", "constructor", "prototype"]);
    const id = await w.client.send(
      new sdk.GetIdCommand({ IdentityPoolId: w.poolId, Logins: { "graph.facebook.com": "fb-user" } }),
    );
    await w.client.send(
      new sdk.GetCredentialsForIdentityCommand({
        IdentityId: id.IdentityId,
        Logins: { "graph.facebook.com": "fb-user" },
      }),
    );
    const tags = w.fake.issuedCredentials.at(-1)?.principalTags ?? {};
    expect(Object.entries(tags)).toEqual([
      ["__proto__", "fb-user"],
      ["constructor", "fb-app"],
      ["prototype", "graph.facebook.com"],
    ]);
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
  });

  it("in a developer call's PrincipalTags: in the token, and in the credentials the token buys", async () => {
    const w = hostileWorld();
    const answer = await w.send("GetOpenIdTokenForDeveloperIdentity", (r) => {
      r.body = `{"IdentityPoolId":"${w.poolId}","Logins":{"${DEV}":"dev-user"},"PrincipalTags":{"__proto__":"p","constructor":"c"}}`;
    });
    if (!answer.ok) throw answer.error;
    const claims = JSON.parse(
      Buffer.from(String(answer.output.Token).split(".")[1] as string, "base64url").toString(),
    );
    expect(Object.entries(claims["https://aws.amazon.com/tags"].principal_tags)).toEqual([
      ["__proto__", ["p"]],
      ["constructor", ["c"]],
    ]);
    await w.client.send(
      new sdk.GetCredentialsForIdentityCommand({
        IdentityId: answer.output.IdentityId as string,
        Logins: { [COGNITO]: answer.output.Token as string },
      }),
    );
    expect(Object.entries(w.fake.issuedCredentials.at(-1)?.principalTags ?? {})).toEqual([
      ["__proto__", "p"],
      ["constructor", "c"],
    ]);
  });

  it("as a developer provider name: a pool may call its provider __proto__ and use it end to end", async () => {
    const w = hostileWorld();
    const created = await w.send("CreateIdentityPool", (r) => {
      r.body =
        '{"IdentityPoolName":"p","AllowUnauthenticatedIdentities":false,"DeveloperProviderName":"__proto__"}';
    });
    if (!created.ok) throw created.error;
    const poolId = created.output.IdentityPoolId as string;
    const first = await w.send("GetOpenIdTokenForDeveloperIdentity", (r) => {
      r.body = `{"IdentityPoolId":"${poolId}","Logins":{"__proto__":"user-1"}}`;
    });
    if (!first.ok) throw first.error;
    const again = await w.send("GetOpenIdTokenForDeveloperIdentity", (r) => {
      r.body = `{"IdentityPoolId":"${poolId}","Logins":{"__proto__":"user-1"}}`;
    });
    if (!again.ok) throw again.error;
    expect(again.output.IdentityId).toBe(first.output.IdentityId);
    const described = await w.send("DescribeIdentity", () => {}, { IdentityId: first.output.IdentityId });
    if (!described.ok) throw described.error;
    expect(described.output.Logins).toEqual(["__proto__"]);
  });

  it("in fixtures read from JSON: a seeded attribute map for __proto__ is refused like any unknown provider", () => {
    const w = hostileWorld();
    const fixture = JSON.parse(
      '{"IdentityPoolName":"seeded","AllowUnauthenticatedIdentities":true,' +
        '"SupportedLoginProviders":{"graph.facebook.com":"fb-app"},' +
        '"PrincipalTagAttributeMaps":{"__proto__":{"UseDefaults":true}}}',
    );
    countTried();
    const stateBefore = w.fake.state;
    expect(() => w.fake.seedIdentityPool(fixture)).toThrow(
      "Provider is not configured for this identity pool.",
    );
    expect(w.fake.state).toBe(stateBefore);
    const tags = JSON.parse('{"graph.facebook.com":{"PrincipalTags":{"__proto__":"sub"}}}');
    countTried();
    const pool = w.fake.seedIdentityPool({
      IdentityPoolName: "seeded",
      AllowUnauthenticatedIdentities: true,
      SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
      PrincipalTagAttributeMaps: tags,
    });
    expect(Object.keys(pool.PrincipalTagAttributeMaps)).toEqual(["graph.facebook.com"]);
    expect(Object.keys(pool.PrincipalTagAttributeMaps["graph.facebook.com"]?.PrincipalTags ?? {})).toEqual([
      "__proto__",
    ]);
  });

  it("as unknown top-level members: ignored", async () => {
    const w = hostileWorld();
    const answer = await w.send("ListIdentityPools", (r) => {
      r.body =
        '{"MaxResults":5,"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}';
    });
    expect(answer.ok).toBe(true);
  });
});
