/**
 * The token modules at their edges: the SAML responses `fake.loginToken.saml` mints (the exact XML), the
 * JWT decoder's refusals and its memo tables (decodes, signatures and verdicts are each remembered for 4,096
 * tokens, then the table starts over), the fake's key pairs, its key set, and what an OpenID token presented
 * back as a login may carry.
 */
import { createHash, generateKeyPairSync } from "node:crypto";
import { ServiceError } from "../../src/core/errors";
import { AWS_REGIONS } from "../../src/core/model/partitions.generated";
import { decodeJwt, signJwt, verifyJwt } from "../../src/core/tokens/jwt";
import { identityKey, providerKey } from "../../src/core/tokens/keys";
import { BoundedMemo } from "../../src/core/tokens/memo";
import { jwks, OPENID_ISSUER, TAGS_CLAIM, verifyOpenIdToken } from "../../src/core/tokens/openid";
import { mintSamlResponse } from "../../src/core/tokens/samlTokens";
import { setup } from "../support/helpers";
import { storedPool } from "../support/stored";

const SAML_ARN = "arn:aws:iam::123456789012:saml-provider/corp";
const SALES = "arn:aws:iam::123456789012:role/sales";
const ADMIN = "arn:aws:iam::123456789012:role/admin";
/** Not a whole second: the assertion's instants are truncated to seconds. */
const NOW = Date.parse("2026-01-01T00:00:00.900Z");
const MEMO_LIMIT = 4096;
/** node:crypto itself (not an import's namespace copy), whose members the token modules call. */
const nodeCrypto: typeof import("node:crypto") = require("node:crypto");

const xmlOf = (token: string) => Buffer.from(token, "base64").toString("utf8");
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");

afterEach(() => jest.restoreAllMocks());

describe("SAML responses minted by the fake", () => {
  const input = {
    samlProviderArn: SAML_ARN,
    nameId: `a&b<c>"d'e`,
    roles: [SALES, ADMIN],
    attributes: { "https://aws.amazon.com/SAML/Attributes/PrincipalTag:dept": "s&les", groups: ["x", "y"] },
    expiresIn: 120,
  };

  it("are this exact XML, its text escaped, its instants in whole seconds", () => {
    const id = `_${createHash("sha256")
      .update(JSON.stringify([input, NOW]))
      .digest("hex")
      .slice(0, 32)}`;
    const attr = (name: string, values: string[]) =>
      `<saml:Attribute Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">${values
        .map((v) => `<saml:AttributeValue>${v}</saml:AttributeValue>`)
        .join("")}</saml:Attribute>`;
    expect(xmlOf(mintSamlResponse(input, NOW))).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>` +
        `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="${id}r" Version="2.0" IssueInstant="2026-01-01T00:00:00.000Z" Destination="https://signin.aws.amazon.com/saml">` +
        `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
        `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="2026-01-01T00:00:00.000Z">` +
        `<saml:Issuer>cognito-identity-fake</saml:Issuer>` +
        `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">a&amp;b&lt;c&gt;&quot;d&apos;e</saml:NameID>` +
        `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="2026-01-01T00:02:00.000Z" Recipient="https://signin.aws.amazon.com/saml"/></saml:SubjectConfirmation></saml:Subject>` +
        `<saml:Conditions NotBefore="2026-01-01T00:00:00.000Z" NotOnOrAfter="2026-01-01T00:02:00.000Z"><saml:AudienceRestriction><saml:Audience>urn:amazon:webservices</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
        `<saml:AttributeStatement>` +
        attr("https://aws.amazon.com/SAML/Attributes/Role", [
          `${SALES},${SAML_ARN}`,
          `${ADMIN},${SAML_ARN}`,
        ]) +
        attr("https://aws.amazon.com/SAML/Attributes/PrincipalTag:dept", ["s&amp;les"]) +
        attr("groups", ["x", "y"]) +
        `</saml:AttributeStatement></saml:Assertion></samlp:Response>`,
    );
  });

  it("hold an ID of 32 hex digits, the same for the same input and clock, another for any other", () => {
    const idOf = (token: string) => /<saml:Assertion [^>]*ID="([^"]*)"/.exec(xmlOf(token))?.[1];
    const id = idOf(mintSamlResponse(input, NOW));
    expect(id).toMatch(/^_[0-9a-f]{32}$/);
    expect(idOf(mintSamlResponse(input, NOW))).toBe(id);
    expect(idOf(mintSamlResponse(input, NOW + 1000))).not.toBe(id);
    expect(idOf(mintSamlResponse({ ...input, nameId: "bob" }, NOW))).not.toBe(id);
  });

  it("are valid for an hour by default and carry no role attribute without roles", () => {
    const xml = xmlOf(mintSamlResponse({ samlProviderArn: SAML_ARN, nameId: "alice", roles: [] }, NOW));
    expect(xml).toContain(`NotOnOrAfter="2026-01-01T01:00:00.000Z"`);
    expect(xml).toContain("<saml:AttributeStatement></saml:AttributeStatement>");
  });
});

describe("BoundedMemo", () => {
  it("holds up to its limit, then starts over with the entry being added", () => {
    const memo = new BoundedMemo<string, number>(3);
    expect(memo.set("a", 1)).toBe(1);
    memo.set("b", 2);
    memo.set("b", 20);
    memo.set("c", 3);
    expect([memo.size, memo.get("a"), memo.get("b"), memo.get("c")]).toEqual([3, 1, 20, 3]);
    memo.set("d", 4);
    expect([memo.size, memo.get("a"), memo.get("d")]).toEqual([1, undefined, 4]);
  });
});

describe("decodeJwt", () => {
  const header = b64url({ alg: "RS256", typ: "JWT" });

  it("refuses what is not three segments of a JSON object header and payload", () => {
    const payload = b64url({ sub: "x" });
    expect(decodeJwt(`${header}.${payload}.c2ln`)).toBeDefined();
    expect(decodeJwt(`${header}.${payload}.c2ln.extra`)).toBeUndefined();
    expect(decodeJwt(`${header}.${payload}`)).toBeUndefined();
    expect(decodeJwt(`${header}.not-json.c2ln`)).toBeUndefined();
    for (const bad of [[1], null, 5, "text"]) {
      expect(decodeJwt(`${header}.${b64url(bad)}.c2ln`)).toBeUndefined();
      expect(decodeJwt(`${b64url(bad)}.${payload}.c2ln`)).toBeUndefined();
    }
  });

  it("freezes the claims deeply", () => {
    const decoded = decodeJwt(`${header}.${b64url({ nested: { list: [1] } })}.c2ln`);
    const nested = decoded?.payload.nested as { list: number[] };
    expect(Object.isFrozen(nested)).toBe(true);
    expect(Object.isFrozen(nested.list)).toBe(true);
    expect(Object.isFrozen(decoded?.header)).toBe(true);
    const withNestedHeader = decodeJwt(`${b64url({ alg: "RS256", jwk: { kty: "RSA" } })}.${b64url({})}.c2ln`);
    expect(Object.isFrozen(withNestedHeader?.header.jwk)).toBe(true);
  });

  it("remembers a decode per token until 4,096 other tokens were decoded", () => {
    const token = (i: number) => `${header}.${b64url({ sub: `memo-${i}` })}.c2ln`;
    const first = decodeJwt(token(0));
    expect(decodeJwt(token(0))).toBe(first);
    decodeJwt(token(1));
    expect(decodeJwt(token(0))).toBe(first);
    // Short tokens too (shorter than the tail the table is keyed by).
    const short = decodeJwt("e30.e30.x");
    expect(short).toBeDefined();
    expect(decodeJwt("e30.e30.x")).toBe(short);
    for (let i = 1; i < MEMO_LIMIT; i++) decodeJwt(token(i));
    expect(decodeJwt(token(0))).not.toBe(first);
  });
});

describe("signJwt and verifyJwt remember their RSA work", () => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });

  it("signs each signing input once until 4,096 others were signed", () => {
    const sign = jest.spyOn(nodeCrypto, "sign").mockImplementation(() => Buffer.from("signature"));
    const token = signJwt({ alg: "RS256" }, { n: 0 }, privateKey);
    expect(signJwt({ alg: "RS256" }, { n: 0 }, privateKey)).toBe(token);
    expect(sign).toHaveBeenCalledTimes(1);
    signJwt({ alg: "RS256" }, { n: 1 }, privateKey);
    signJwt({ alg: "RS256" }, { n: 0 }, privateKey);
    expect(sign).toHaveBeenCalledTimes(2);
    for (let n = 2; n < MEMO_LIMIT; n++) signJwt({ alg: "RS256" }, { n }, privateKey);
    expect(sign).toHaveBeenCalledTimes(MEMO_LIMIT);
    signJwt({ alg: "RS256" }, { n: MEMO_LIMIT }, privateKey);
    signJwt({ alg: "RS256" }, { n: 0 }, privateKey);
    expect(sign).toHaveBeenCalledTimes(MEMO_LIMIT + 2);
  });

  it("verifies each token and key once, and refuses algorithms other than RS256 and RS512", () => {
    const verify = jest.spyOn(nodeCrypto, "verify");
    const token = signJwt({ alg: "RS256" }, { sub: "v" }, privateKey);
    const decoded = decodeJwt(token);
    if (!decoded) throw new Error("not decoded");
    expect(verifyJwt(decoded, publicKey)).toBe(true);
    expect(verifyJwt(decoded, publicKey)).toBe(true);
    expect(verifyJwt(decoded, providerKey().publicKey)).toBe(false);
    expect(verify).toHaveBeenCalledTimes(2);
    const [, payload, signature] = token.split(".");
    const other = decodeJwt(`${b64url({ alg: "HS256" })}.${payload}.${signature}`);
    if (!other) throw new Error("not decoded");
    expect(verifyJwt(other, publicKey)).toBe(false);
  });
});

describe("keys", () => {
  it("are parsed once: every call returns the same key objects", () => {
    expect(identityKey()).toBe(identityKey());
    expect(providerKey().privateKey).toBe(providerKey().privateKey);
  });

  it("publish one RS512 signing key per known region by default", () => {
    const set = jwks();
    expect(set.keys.map((k) => k.kid)).toEqual(AWS_REGIONS.map((r) => `${r}1`));
    for (const key of set.keys) {
      expect(key).toEqual({ kty: "RSA", alg: "RS512", use: "sig", kid: key.kid, n: key.n, e: "AQAB" });
    }
  });
});

describe("an OpenID token presented back as a login", () => {
  const { fake } = setup();
  const seeded = fake.seedIdentityPool({ IdentityPoolName: "back", AllowUnauthenticatedIdentities: true });
  const pool = storedPool(fake, seeded);
  const sub = "us-east-1:11111111-2222-4333-8444-555555555555";
  const exp = Math.floor(NOW / 1000) + 600;
  const token = (claims: Record<string, unknown>) =>
    signJwt({ alg: "RS512", kid: "us-east-11" }, claims, identityKey().privateKey);
  const base = { iss: OPENID_ISSUER, aud: pool.identityPoolId, sub, exp };
  const refusal = (claims: Record<string, unknown>) => {
    try {
      verifyOpenIdToken(token(claims), pool, NOW);
    } catch (err) {
      if (err instanceof ServiceError) return err.message;
      throw err;
    }
    throw new Error("expected a refusal");
  };

  it("needs sub and exp", () => {
    expect(refusal({ ...base, sub: undefined })).toBe("Invalid login token. Missing a required claim: sub");
    expect(refusal({ ...base, exp: "soon" })).toBe("Invalid login token. Missing a required claim: exp");
  });

  it("keeps the string amr values, and the first string value of each principal tag", () => {
    const read = verifyOpenIdToken(
      token({
        ...base,
        amr: [1, "authenticated", true],
        [TAGS_CLAIM]: { principal_tags: { dept: ["sales", "x"], level: [5], team: "blue", none: [] } },
      }),
      pool,
      NOW,
    );
    expect(read.amr).toEqual(["authenticated"]);
    expect(read.principalTags).toEqual({ dept: "sales", team: "blue" });
  });

  it("reads no tags from a tags claim or principal_tags of another shape, and no amr from a string", () => {
    for (const claim of [null, "tags", { principal_tags: null }, { principal_tags: "abc" }, {}]) {
      const read = verifyOpenIdToken(
        token({ ...base, amr: "authenticated", [TAGS_CLAIM]: claim }),
        pool,
        NOW,
      );
      expect(read.principalTags).toEqual({});
      expect(read.amr).toEqual([]);
    }
  });
});
