/**
 * Step 1 of input checking, one member of each JSON type sent with the wrong type: the service's
 * `SerializationException` "<JSON token> can not be converted to <type>", and `null` read as absent. Sent as
 * raw JSON through the fake's request handler (the SDK would not serialize such input).
 */
import { createCognitoIdentityFake } from "../../src";
import { wiredAnswer } from "../../src/sdk/requestHandler";

const fake = createCognitoIdentityFake();
const answer = wiredAnswer(fake.requestHandler());
const pool = fake.seedIdentityPool({ IdentityPoolName: "types", AllowUnauthenticatedIdentities: true });

/** `<__type>: <message>` of the answer, or `ok`. */
function send(operation: string, body: unknown): string {
  if (!answer) throw new Error("no request handler");
  const response = answer({
    hostname: "cognito-identity.us-east-1.amazonaws.com",
    headers: { "x-amz-target": `AWSCognitoIdentityService.${operation}` },
    body: JSON.stringify(body),
  });
  if (response.statusCode === 200) return "ok";
  const error = JSON.parse(Buffer.from(response.body).toString("utf8")) as Record<string, string>;
  return `${error.__type?.replace(/^.*#/, "")}: ${error.message ?? error.Message}`;
}

const create = { IdentityPoolName: "p", AllowUnauthenticatedIdentities: true };
const id = pool.IdentityPoolId;

it.each<[string, string, unknown, string]>([
  [
    "a number for a string",
    "DescribeIdentityPool",
    { IdentityPoolId: 5 },
    "VALUE_NUMBER_INT can not be converted to a String",
  ],
  [
    "a float for a string",
    "DescribeIdentityPool",
    { IdentityPoolId: 1.5 },
    "VALUE_NUMBER_FLOAT can not be converted to a String",
  ],
  [
    "a list for a string",
    "DescribeIdentityPool",
    { IdentityPoolId: ["x"] },
    "START_ARRAY can not be converted to a String",
  ],
  [
    "an object for a string",
    "DescribeIdentityPool",
    { IdentityPoolId: {} },
    "START_OBJECT can not be converted to a String",
  ],
  [
    "true for a string",
    "DescribeIdentityPool",
    { IdentityPoolId: true },
    "VALUE_TRUE can not be converted to a String",
  ],
  [
    "false for a string",
    "DescribeIdentityPool",
    { IdentityPoolId: false },
    "VALUE_FALSE can not be converted to a String",
  ],
  [
    "text for a boolean",
    "CreateIdentityPool",
    { ...create, AllowUnauthenticatedIdentities: "yes" },
    "VALUE_STRING can not be converted to a Boolean",
  ],
  [
    "text for an integer",
    "ListIdentityPools",
    { MaxResults: "5" },
    "VALUE_STRING can not be converted to an Integer",
  ],
  [
    "a float for an integer",
    "ListIdentityPools",
    { MaxResults: 2.5 },
    "VALUE_NUMBER_FLOAT can not be converted to an Integer",
  ],
  [
    "text for a long",
    "GetOpenIdTokenForDeveloperIdentity",
    { IdentityPoolId: id, Logins: {}, TokenDuration: "60" },
    "VALUE_STRING can not be converted to a Long",
  ],
  [
    "an object for a list",
    "CreateIdentityPool",
    { ...create, OpenIdConnectProviderARNs: {} },
    "START_OBJECT can not be converted to a List",
  ],
  [
    "a list for a map",
    "GetId",
    { IdentityPoolId: id, Logins: [] },
    "START_ARRAY can not be converted to a Map",
  ],
  [
    "text for a structure",
    "CreateIdentityPool",
    { ...create, CognitoIdentityProviders: ["x"] },
    "VALUE_STRING can not be converted to a Structure",
  ],
  ["a list for the input", "DescribeIdentityPool", [], "START_ARRAY can not be converted to a Structure"],
])("%s: SerializationException", (_name, operation, body, message) => {
  expect(send(operation, body)).toBe(`SerializationException: ${message}`);
});

it("reads null as absent in structures, lists and maps", () => {
  expect(send("ListIdentityPools", { MaxResults: 5, NextToken: null })).toBe("ok");
  expect(
    send("CreateIdentityPool", { ...create, IdentityPoolName: "nulls", OpenIdConnectProviderARNs: [null] }),
  ).toBe("ok");
  expect(send("GetId", { IdentityPoolId: id, Logins: { "graph.facebook.com": null } })).toBe("ok");
  const created = fake.listIdentityPools().find((p) => p.IdentityPoolName === "nulls");
  expect(created?.OpenIdConnectProviderARNs ?? []).toEqual([]);
});

it("keeps a map key named __proto__ as an ordinary key, replaceable like any other", () => {
  const tag = (value: string) =>
    send("TagResource", {
      ResourceArn: `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${id}`,
      Tags: JSON.parse(`{"__proto__": "${value}"}`),
    });
  expect(tag("a")).toBe("ok");
  expect(tag("b")).toBe("ok");
  const tags = fake.getIdentityPool(id)?.IdentityPoolTags;
  expect(Object.getOwnPropertyDescriptor(tags, "__proto__")?.value).toBe("b");
  expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
});
