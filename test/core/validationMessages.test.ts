/**
 * The ValidationException message as a whole (semantics §11): every violation of an input, in the model's
 * member order, joined with "; " after the count ("1 validation error detected", "N validation errors
 * detected"); a value breaking two constraints is reported once per constraint; list items and map keys and
 * values are summed up at the collection with their distinct phrases; nested members get their full path; and a
 * value holding a sensitive member (a login token) is never echoed. The constraint sweep
 * (`test/property/constraintSweep`) sends one violation at a time; these send several at once.
 */
import { passesFastCheck } from "../../src/core/validation/validate";
import { rejection, sdkCommand, setup } from "../support/helpers";

const { client } = setup();
const POOL = "us-east-1:00000000-0000-4000-8000-000000000000";

/** The ValidationException's message for an input (failing when the answer is anything else). */
async function message(operation: Parameters<typeof sdkCommand>[0], input: unknown): Promise<string> {
  const err = await rejection(client.send(sdkCommand(operation, input)));
  expect(err.name).toBe("ValidationException");
  return err.message;
}

describe("validation messages", () => {
  it("counts and joins every missing required member", async () => {
    expect(await message("CreateIdentityPool", {})).toBe(
      "2 validation errors detected: " +
        "Value null at 'identityPoolName' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'allowUnauthenticatedIdentities' failed to satisfy constraint: Member must not be null",
    );
  });

  it("reports a value once per constraint it breaks, members in the model's order", async () => {
    const name = "!".repeat(129);
    expect(
      await message("CreateIdentityPool", {
        DeveloperProviderName: "",
        AllowUnauthenticatedIdentities: true,
        IdentityPoolName: name,
      }),
    ).toBe(
      "4 validation errors detected: " +
        `Value '${name}' at 'identityPoolName' failed to satisfy constraint: Member must have length less than or equal to 128; ` +
        `Value '${name}' at 'identityPoolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+; ` +
        "Value '' at 'developerProviderName' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '' at 'developerProviderName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w._-]+",
    );
  });

  it("sums up a list's items at the list, each distinct phrase once, in the items' order", async () => {
    const long = `us-east-1:${"0".repeat(50)}`;
    expect(await message("DeleteIdentities", { IdentityIdsToDelete: ["bad", "worse", long] })).toBe(
      "1 validation error detected: " +
        `Value '[bad, worse, ${long}]' at 'identityIdsToDelete' failed to satisfy constraint: ` +
        "Member must satisfy constraint: [Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+, " +
        "Member must have length less than or equal to 55]",
    );
  });

  it("gives a list of structures' members their 1-based item paths", async () => {
    expect(
      await message("CreateIdentityPool", {
        IdentityPoolName: "pool",
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [{ ProviderName: "cognito-idp", ClientId: "bad id" }, { ProviderName: "" }],
      }),
    ).toBe(
      "3 validation errors detected: " +
        "Value 'bad id' at 'cognitoIdentityProviders.1.member.clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w_]+; " +
        "Value '' at 'cognitoIdentityProviders.2.member.providerName' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '' at 'cognitoIdentityProviders.2.member.providerName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w._:/-]+",
    );
  });

  it("echoes a map of plain strings, with its key and value phrases", async () => {
    const long = "v".repeat(257);
    expect(
      await message("CreateIdentityPool", {
        IdentityPoolName: "pool",
        AllowUnauthenticatedIdentities: false,
        IdentityPoolTags: { "": "v", k: long },
      }),
    ).toBe(
      "2 validation errors detected: " +
        `Value '{=v, k=${long}}' at 'identityPoolTags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length greater than or equal to 1]; ` +
        `Value '{=v, k=${long}}' at 'identityPoolTags' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 256]`,
    );
  });

  it("never echoes the logins map: its values are login tokens", async () => {
    const token = "t".repeat(50_001);
    const text = await message("GetId", {
      IdentityPoolId: POOL,
      Logins: { "": "x", "graph.facebook.com": token },
    });
    expect(text).toBe(
      "2 validation errors detected: " +
        "Value at 'logins' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length greater than or equal to 1]; " +
        "Value at 'logins' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 50000]",
    );
    const many = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`provider${i}`, `secret-token-${i}`]),
    );
    expect(await message("GetId", { IdentityPoolId: POOL, Logins: many })).toBe(
      "1 validation error detected: Value at 'logins' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
  });

  it("checks a map of structures member by member under '<key>.member'", async () => {
    const at = "roleMappings.graph.facebook.com.member";
    expect(
      await message("SetIdentityPoolRoles", {
        IdentityPoolId: POOL,
        Roles: {},
        RoleMappings: {
          "graph.facebook.com": {
            Type: "Rulez",
            RulesConfiguration: { Rules: [{ Claim: "c", MatchType: "Equals", Value: "v" }, {}] },
          },
        },
      }),
    ).toBe(
      "6 validation errors detected: " +
        `Value 'Rulez' at '${at}.type' failed to satisfy constraint: Member must satisfy enum value set: [Token, Rules]; ` +
        `Value null at '${at}.rulesConfiguration.rules.1.member.roleARN' failed to satisfy constraint: Member must not be null; ` +
        `Value null at '${at}.rulesConfiguration.rules.2.member.claim' failed to satisfy constraint: Member must not be null; ` +
        `Value null at '${at}.rulesConfiguration.rules.2.member.matchType' failed to satisfy constraint: Member must not be null; ` +
        `Value null at '${at}.rulesConfiguration.rules.2.member.value' failed to satisfy constraint: Member must not be null; ` +
        `Value null at '${at}.rulesConfiguration.rules.2.member.roleARN' failed to satisfy constraint: Member must not be null`,
    );
  });

  it("echoes a map of structures in full when its size is wrong", async () => {
    const mappings = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [
        `p${i}`,
        i === 0
          ? {
              Type: "Rules",
              RulesConfiguration: {
                Rules: [
                  {
                    Claim: "c",
                    MatchType: "Equals",
                    Value: "v",
                    RoleARN: "arn:aws:iam::123456789012:role/r",
                  },
                ],
              },
            }
          : { Type: "Token" },
      ]),
    );
    const rest = Array.from({ length: 10 }, (_, i) => `p${i + 1}={Type=Token}`).join(", ");
    expect(
      await message("SetIdentityPoolRoles", { IdentityPoolId: POOL, Roles: {}, RoleMappings: mappings }),
    ).toBe(
      "1 validation error detected: " +
        "Value '{p0={Type=Rules, RulesConfiguration={Rules=[{Claim=c, MatchType=Equals, Value=v, RoleARN=arn:aws:iam::123456789012:role/r}]}}, " +
        `${rest}}' at 'roleMappings' failed to satisfy constraint: Member must have length less than or equal to 10`,
    );
  });

  it("reports an integer out of range with its value phrase", async () => {
    expect(await message("ListIdentities", { IdentityPoolId: POOL, MaxResults: 61 })).toBe(
      "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
    );
    expect(await message("ListIdentities", { IdentityPoolId: "bad", MaxResults: 0 })).toBe(
      "2 validation errors detected: " +
        "Value 'bad' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+; " +
        "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });
  it("does not report values exactly at their bounds while reporting another violation", async () => {
    const providers = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`p${i}`, "a".repeat(128)]));
    expect(
      await message("CreateIdentityPool", {
        IdentityPoolName: "n".repeat(128),
        DeveloperProviderName: "d",
        SupportedLoginProviders: { ...providers, p0: "i" },
        OpenIdConnectProviderARNs: ["a".repeat(20), "b".repeat(2048)],
        IdentityPoolTags: { k: "v".repeat(256), ["t".repeat(128)]: "" },
      }),
    ).toBe(
      "1 validation error detected: " +
        "Value null at 'allowUnauthenticatedIdentities' failed to satisfy constraint: Member must not be null",
    );
    const ids = Array.from({ length: 59 }, (_, i) => `us-east-1:${i.toString(16).padStart(44, "0")}`);
    expect(await message("DeleteIdentities", { IdentityIdsToDelete: [...ids, "bad"] })).toBe(
      "1 validation error detected: " +
        `Value '[${ids.join(", ")}, bad]' at 'identityIdsToDelete' failed to satisfy constraint: ` +
        "Member must satisfy constraint: [Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+]",
    );
    const logins = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`p${i}`, i ? "t" : "t".repeat(50_000)]),
    );
    for (const MaxResults of [1, 60]) {
      expect(await message("ListIdentities", { IdentityPoolId: "bad", MaxResults, NextToken: "x" })).toBe(
        "1 validation error detected: " +
          "Value 'bad' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+",
      );
    }
    expect(await message("GetId", { IdentityPoolId: "bad", Logins: logins })).toBe(
      "1 validation error detected: " +
        "Value 'bad' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+",
    );
  });
});

describe("the fast check", () => {
  it("lets through every optional member and every value exactly at its bounds", () => {
    const ids = (n: number) =>
      Array.from({ length: n }, (_, i) => `us-east-1:${i.toString(16).padStart(44, "0")}`);
    const tokens = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, i ? "t" : "t".repeat(50_000)]));
    const accepted: [Parameters<typeof passesFastCheck>[0], unknown][] = [
      [
        "CreateIdentityPool",
        {
          IdentityPoolName: "n".repeat(128),
          AllowUnauthenticatedIdentities: true,
          AllowClassicFlow: false,
          DeveloperProviderName: "d",
          SupportedLoginProviders: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`p${i}`, "a"])),
          OpenIdConnectProviderARNs: ["a".repeat(20), "b".repeat(2048)],
          CognitoIdentityProviders: [
            { ProviderName: "p", ClientId: "c".repeat(128), ServerSideTokenCheck: true },
          ],
          SamlProviderARNs: [],
          IdentityPoolTags: { k: "v".repeat(256), ["t".repeat(128)]: "" },
        },
      ],
      [
        "CreateIdentityPool",
        { IdentityPoolName: "n", AllowUnauthenticatedIdentities: false, IdentityPoolTags: {} },
      ],
      ["DeleteIdentities", { IdentityIdsToDelete: ids(60) }],
      ["DeleteIdentities", { IdentityIdsToDelete: ids(1) }],
      ["GetId", { IdentityPoolId: POOL, AccountId: "1".repeat(15), Logins: tokens(10) }],
      ["GetId", { IdentityPoolId: POOL, Logins: {} }],
      ["ListIdentities", { IdentityPoolId: POOL, MaxResults: 1, NextToken: "x", HideDisabled: true }],
      ["ListIdentities", { IdentityPoolId: POOL, MaxResults: 60 }],
      [
        "SetIdentityPoolRoles",
        {
          IdentityPoolId: POOL,
          Roles: { authenticated: "a".repeat(20), unauthenticated: "b".repeat(2048) },
          RoleMappings: {
            p: {
              Type: "Rules",
              AmbiguousRoleResolution: "Deny",
              RulesConfiguration: {
                Rules: [
                  {
                    Claim: "c".repeat(64),
                    MatchType: "NotEqual",
                    Value: "v".repeat(128),
                    RoleARN: "r".repeat(20),
                  },
                ],
              },
            },
          },
        },
      ],
    ];
    for (const [operation, input] of accepted)
      expect([operation, passesFastCheck(operation, input)]).toEqual([operation, true]);
  });
});
