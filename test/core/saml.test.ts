/**
 * SAML logins through the real SDK client: `fake.loginToken.saml` mints an unsigned base64 response; the user
 * is its NameID and its attributes are the claims; roles come from the assertion's Role attribute (no pool
 * roles needed; one is assumed, several need a CustomRoleArn among them); attributes map to principal tags by
 * their full names; malformed assertions are refused.
 */
import {
  DescribeIdentityCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  InvalidIdentityPoolConfigurationException,
  NotAuthorizedException,
} from "@aws-sdk/client-cognito-identity";
import type { SeedIdentityPoolInput } from "../../src";
import { parseSamlResponse, SAML_ROLE_ATTRIBUTE, samlRoles } from "../../src/core/domain/saml";
import { expectError, setup } from "../support/helpers";

const POOL_ID = "us-east-1:00000000-0000-4000-8000-0000000000b1";
const SAML_ARN = "arn:aws:iam::123456789012:saml-provider/corp";
const OTHER_SAML = "arn:aws:iam::123456789012:saml-provider/other";
const SALES = "arn:aws:iam::123456789012:role/sales";
const ADMIN = "arn:aws:iam::123456789012:role/admin";
const AUTH = "arn:aws:iam::123456789012:role/auth";
const NAME_ID = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier";
const INVALID = "Invalid login token. Not a valid SAML assertion.";
const forbidden = (arn: string) => `Access to Role '${arn}' is forbidden.`;

function world(extra: Partial<SeedIdentityPoolInput> = {}) {
  const env = setup();
  env.fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "saml",
    AllowUnauthenticatedIdentities: false,
    SamlProviderARNs: [SAML_ARN],
    ...extra,
  });
  const saml = (nameId: string, roles?: string[], attributes?: Record<string, string | string[]>) =>
    env.fake.loginToken.saml({ samlProviderArn: SAML_ARN, nameId, roles, attributes });
  const getId = async (token: string) =>
    (await env.client.send(new GetIdCommand({ IdentityPoolId: POOL_ID, Logins: { [SAML_ARN]: token } })))
      .IdentityId as string;
  const credentials = (IdentityId: string, token: string, CustomRoleArn?: string) =>
    env.client.send(
      new GetCredentialsForIdentityCommand({ IdentityId, Logins: { [SAML_ARN]: token }, CustomRoleArn }),
    );
  const roles = () => env.fake.issuedCredentials.map((c) => c.roleArn);
  return { ...env, saml, getId, credentials, roles };
}

describe("SAML roles come from the assertion", () => {
  it("one role in the assertion is assumed, with no pool roles at all", async () => {
    const { saml, getId, credentials, roles } = world();
    const token = saml("alice@corp.example", [SALES]);
    await credentials(await getId(token), token);
    expect(roles()).toEqual([SALES]);
  });

  it("several roles: CustomRoleArn picks one of them; any other role is refused", async () => {
    const { saml, getId, credentials, roles } = world();
    const token = saml("alice", [SALES, ADMIN]);
    const id = await getId(token);
    await credentials(id, token, ADMIN);
    await credentials(id, token, SALES);
    expect(roles()).toEqual([ADMIN, SALES]);
    await expectError(
      credentials(id, token, AUTH),
      NotAuthorizedException,
      "NotAuthorizedException",
      forbidden(AUTH),
    );
  });

  it("one role and a different CustomRoleArn is refused", async () => {
    const { saml, getId, credentials } = world();
    const token = saml("alice", [SALES]);
    await expectError(
      credentials(await getId(token), token, ADMIN),
      NotAuthorizedException,
      "NotAuthorizedException",
      forbidden(ADMIN),
    );
  });

  it("several roles and no CustomRoleArn, or no usable pair: the pool's role configuration", async () => {
    const { saml, getId, credentials, roles } = world({ Roles: { authenticated: AUTH } });
    const several = saml("alice", [SALES, ADMIN]);
    await credentials(await getId(several), several);
    const otherProvider = Buffer.from(
      Buffer.from(saml("bob"), "base64")
        .toString("utf8")
        .replace(
          "<saml:AttributeStatement>",
          `<saml:AttributeStatement><saml:Attribute Name="${SAML_ROLE_ATTRIBUTE}"><saml:AttributeValue>${SALES},${OTHER_SAML}</saml:AttributeValue></saml:Attribute>`,
        ),
    ).toString("base64");
    await credentials(await getId(otherProvider), otherProvider);
    expect(roles()).toEqual([AUTH, AUTH]);
  });

  it("no usable role and no pool role: the documented configuration error", async () => {
    const { saml, getId, credentials } = world();
    const token = saml("carol");
    await expectError(
      credentials(await getId(token), token),
      InvalidIdentityPoolConfigurationException,
      "InvalidIdentityPoolConfigurationException",
      "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
    );
  });
});

describe("SAML users, claims and principal tags", () => {
  it("the user is the NameID: the same NameID in a new assertion is the same identity", async () => {
    const { saml, getId, client } = world();
    const first = await getId(saml("alice", [SALES], { department: "sales" }));
    expect(await getId(saml("alice", [], { department: "support" }))).toBe(first);
    expect(await getId(saml("bob"))).not.toBe(first);
    const described = await client.send(new DescribeIdentityCommand({ IdentityId: first }));
    expect(described.Logins).toEqual([SAML_ARN]);
  });

  it("attributes map to principal tags by their full names; the defaults read the SAML name attributes", async () => {
    const custom = world({
      PrincipalTagAttributeMaps: {
        [SAML_ARN]: { PrincipalTags: { dept: "https://corp.example/department" } },
      },
    });
    const token = custom.saml("alice", [SALES], { "https://corp.example/department": "sales" });
    await custom.credentials(await custom.getId(token), token);
    expect(custom.fake.issuedCredentials.at(-1)?.principalTags).toEqual({ dept: "sales" });

    const defaults = world({ PrincipalTagAttributeMaps: { [SAML_ARN]: { UseDefaults: true } } });
    const withName = defaults.saml("bob", [SALES], { [NAME_ID]: "bob-id", department: "x" });
    await defaults.credentials(await defaults.getId(withName), withName);
    expect(defaults.fake.issuedCredentials.at(-1)?.principalTags).toEqual({ client: "bob-id" });
  });
});

describe("malformed SAML assertions", () => {
  const xml = (text: string) => Buffer.from(text, "utf8").toString("base64");
  const assertion = (inner: string) =>
    xml(`<samlp:Response><saml:Assertion>${inner}</saml:Assertion></samlp:Response>`);
  it.each([
    ["not base64 XML", "%%%not-base64%%%"],
    ["text that is not XML", xml("hello")],
    ["no assertion", xml("<samlp:Response/>")],
    ["no NameID", assertion("<saml:Subject></saml:Subject>")],
    ["unbalanced elements", assertion("<saml:Subject><saml:NameID>a</saml:Subject>")],
    [
      "a DOCTYPE",
      xml(`<!DOCTYPE r [<!ENTITY x "y">]>`) +
        assertion("<saml:Subject><saml:NameID>a</saml:NameID></saml:Subject>"),
    ],
    ["an unknown entity", assertion("<saml:Subject><saml:NameID>&x;</saml:NameID></saml:Subject>")],
    ["two root elements", xml("<a/><b/>")],
    ["an unterminated tag", xml(`<saml:Assertion${" x".repeat(12000)}`)],
    [
      "a closing tag of another name",
      assertion("<saml:Subject><saml:NameID>a</other:NameID></saml:Subject>"),
    ],
    [
      "two assertions",
      xml(
        "<r><saml:Assertion><saml:Subject><saml:NameID>a</saml:NameID></saml:Subject></saml:Assertion><saml:Assertion/></r>",
      ),
    ],
  ])("refuses %s", async (_, token) => {
    const { getId } = world();
    await expectError(getId(token), NotAuthorizedException, "NotAuthorizedException", INVALID);
  });

  it("reads typical IdP responses: prefixes or none, quotes, references, CDATA, comments", () => {
    const text =
      `<?xml version="1.0"?><!-- an IdP --><Response xmlns="urn:oasis:names:tc:SAML:2.0:protocol">` +
      `<Assertion xmlns='urn:oasis:names:tc:SAML:2.0:assertion'><Subject><NameID Format='x'>a&amp;b&#233;</NameID></Subject>` +
      `<AttributeStatement><Attribute Name='groups'><AttributeValue>g1</AttributeValue><AttributeValue><![CDATA[<g2>]]></AttributeValue></Attribute>` +
      `<Attribute Name="empty"><AttributeValue/></Attribute><Attribute Name="__proto__"><AttributeValue>p</AttributeValue></Attribute>` +
      `</AttributeStatement></Assertion></Response>`;
    const parsed = parseSamlResponse(Buffer.from(text).toString("base64"));
    expect(parsed.nameId).toBe("a&bé");
    expect(parsed.attributes).toEqual({ groups: ["g1", "<g2>"], empty: "", ["__proto__"]: "p" });
    expect(Object.hasOwn(parsed.attributes, "__proto__")).toBe(true);
  });

  it("reads role pairs in either order and only for the named provider", () => {
    const claims = {
      [SAML_ROLE_ATTRIBUTE]: [
        `${SALES},${SAML_ARN}`,
        `${SAML_ARN}, ${ADMIN}`,
        `${AUTH},${OTHER_SAML}`,
        "junk",
      ],
    };
    expect(samlRoles(claims, SAML_ARN)).toEqual([SALES, ADMIN]);
    expect(samlRoles({ [SAML_ROLE_ATTRIBUTE]: `${SALES},${SAML_ARN}` }, SAML_ARN)).toEqual([SALES]);
    expect(samlRoles({}, SAML_ARN)).toEqual([]);
  });
});
