/**
 * Hostile input at the wire layer, through the real SDK client: unknown members, unknown or missing targets, and
 * odd headers. Every input must answer the service's error (or be ignored where the service ignores it), the SDK
 * call must reject with a service exception, a failure must leave the state identical, and no global object may be
 * polluted (`test/support/hostile.ts`).
 */
import { USER_POOL } from "../support/helpers";
import { CLIENT_ID, guardHostileFile, hostileWorld } from "../support/hostile";

guardHostileFile("hostileMembers");

describe("unknown members and targets", () => {
  const w = hostileWorld();

  it("unknown members are ignored at every depth, as the service ignores them", async () => {
    const created = await w.send("CreateIdentityPool", (r) => {
      r.body = JSON.stringify({
        IdentityPoolName: "extra",
        AllowUnauthenticatedIdentities: true,
        Unknown: { nested: [1, 2, 3] },
        CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID, Surprise: true }],
      });
    });
    if (!created.ok) throw created.error;
    expect(created.output).not.toHaveProperty("Unknown");
    expect(created.output.CognitoIdentityProviders).toEqual([
      { ProviderName: USER_POOL, ClientId: CLIENT_ID, ServerSideTokenCheck: false },
    ]);
    const roles = await w.send("SetIdentityPoolRoles", (r) => {
      r.body = JSON.stringify({
        IdentityPoolId: w.poolId,
        Roles: { authenticated: "arn:aws:iam::123456789012:role/auth" },
        RoleMappings: {
          "graph.facebook.com": {
            Type: "Rules",
            AmbiguousRoleResolution: "Deny",
            Extra: "x",
            RulesConfiguration: {
              Extra: 1,
              Rules: [
                {
                  Claim: "sub",
                  MatchType: "Equals",
                  Value: "v",
                  RoleARN: "arn:aws:iam::123456789012:role/r",
                  Extra: [],
                },
              ],
            },
          },
        },
      });
    });
    expect(roles.ok).toBe(true);
    expect(w.fake.getIdentityPool(w.poolId)?.RoleMappings).toEqual({
      "graph.facebook.com": {
        Type: "Rules",
        AmbiguousRoleResolution: "Deny",
        RulesConfiguration: {
          Rules: [
            { Claim: "sub", MatchType: "Equals", Value: "v", RoleARN: "arn:aws:iam::123456789012:role/r" },
          ],
        },
      },
    });
  });

  it.each([
    ["an unknown operation", "AWSCognitoIdentityService.StealEverything"],
    ["another service's target", "AWSCognitoIdentityProviderService.ListUserPools"],
    ["the prefix alone", "AWSCognitoIdentityService."],
    ["another case", "awscognitoidentityservice.ListIdentityPools"],
    ["a lower-case operation", "AWSCognitoIdentityService.listIdentityPools"],
    ["an Object.prototype name", "AWSCognitoIdentityService.__proto__"],
    ["constructor", "AWSCognitoIdentityService.constructor"],
    ["toString", "AWSCognitoIdentityService.toString"],
    ["hasOwnProperty", "AWSCognitoIdentityService.hasOwnProperty"],
    ["trailing space", "AWSCognitoIdentityService.ListIdentityPools "],
    ["an injected line", "AWSCognitoIdentityService.ListIdentityPools\r\nX-Other: 1"],
    ["an empty target", ""],
  ])("%s answers UnknownOperationException", async (_label, target) => {
    const answer = await w.send(
      "ListIdentityPools",
      (r) => {
        r.headers["x-amz-target"] = target;
      },
      { MaxResults: 5 },
    );
    if (answer.ok) throw new Error("an unknown target was answered");
    expect(answer.error.name).toBe("UnknownOperationException");
    expect(w.fake.calls.at(-1)?.error?.name).toBe("UnknownOperationException");
  });

  it.each([
    ["missing", (h: Record<string, unknown>) => delete h["x-amz-target"]],
    ["a number", (h: Record<string, unknown>) => (h["x-amz-target"] = 42)],
    ["null", (h: Record<string, unknown>) => (h["x-amz-target"] = null)],
  ])("a target header that is %s answers UnknownOperationException", async (_label, change) => {
    const answer = await w.send("ListIdentityPools", (r) => void change(r.headers), { MaxResults: 5 });
    if (answer.ok) throw new Error("an unusable target was answered");
    expect(answer.error.name).toBe("UnknownOperationException");
  });

  it("a target header given as a list of values is read the way Node joins repeated headers", async () => {
    const one = await w.send(
      "ListIdentityPools",
      (r) => {
        r.headers["x-amz-target"] = ["AWSCognitoIdentityService.ListIdentityPools"];
      },
      { MaxResults: 5 },
    );
    expect(one.ok).toBe(true);
    const two = await w.send(
      "ListIdentityPools",
      (r) => {
        r.headers["x-amz-target"] = [
          "AWSCognitoIdentityService.ListIdentityPools",
          "AWSCognitoIdentityService.GetId",
        ];
      },
      { MaxResults: 5 },
    );
    expect(two.ok ? "ok" : two.error.name).toBe("UnknownOperationException");
  });

  it("a request without headers answers UnknownOperationException", async () => {
    const answer = await w.send(
      "ListIdentityPools",
      (r) => {
        (r as { headers?: unknown }).headers = undefined;
      },
      { MaxResults: 5 },
    );
    expect(answer.ok ? "ok" : answer.error.name).toBe("UnknownOperationException");
  });
});
