/**
 * The SAML reader on its own (the pure module behind SAML logins): references, quoting, comments,
 * processing instructions and CDATA at their edges; where the NameID and attributes are taken from; and the
 * role pairs an assertion offers. Every refusal is the service's "Not a valid SAML assertion.".
 */
import { parseSamlResponse, SAML_ROLE_ATTRIBUTE, samlRoles } from "../../src/core/domain/saml";
import { ServiceError } from "../../src/core/errors";

const SAML_ARN = "arn:aws:iam::123456789012:saml-provider/corp";
const SALES = "arn:aws:iam::123456789012:role/sales";
const ADMIN = "arn:aws:iam::123456789012:role/admin";
const INVALID = "Invalid login token. Not a valid SAML assertion.";

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const subject = (nameId: string) => `<saml:Subject><saml:NameID>${nameId}</saml:NameID></saml:Subject>`;
const assertion = (inner: string) =>
  b64(`<samlp:Response><saml:Assertion>${inner}</saml:Assertion></samlp:Response>`);
const withAttributes = (attributes: string) =>
  assertion(`${subject("alice")}<saml:AttributeStatement>${attributes}</saml:AttributeStatement>`);

function refusal(token: string): { type: string; message: string } {
  try {
    parseSamlResponse(token);
  } catch (err) {
    if (err instanceof ServiceError) return { type: err.type, message: err.message };
    throw err;
  }
  throw new Error("expected the assertion to be refused");
}

describe("references", () => {
  it("resolves decimal and hexadecimal character references and the five entities", () => {
    expect(parseSamlResponse(assertion(subject("&#65;&#x42;&#x6a;&lt;&gt;&quot;&apos;&amp;"))).nameId).toBe(
      "ABj<>\"'&",
    );
    expect(parseSamlResponse(withAttributes(`<saml:Attribute Name="a&amp;b&#x21;"/>`)).attributes).toEqual({
      "a&b!": [],
    });
  });

  it.each([
    ["a bare ampersand in text", subject("a & b")],
    ["a code point beyond Unicode", subject("&#x110000;")],
    ["a decimal code point beyond Unicode", subject("&#1114112;")],
    ["an unknown entity in an attribute value", `${subject("a")}<saml:Attribute Name="&nope;"/>`],
    ["a bare ampersand in an attribute value", `${subject("a")}<saml:Attribute Name="a&b"/>`],
  ])("refuses %s", (_name, inner) => {
    expect(refusal(assertion(inner))).toEqual({ type: "NotAuthorizedException", message: INVALID });
  });

  it("keeps the highest code point", () => {
    expect(parseSamlResponse(assertion(subject("&#x10FFFF;"))).nameId).toBe("\u{10FFFF}");
  });
});

describe("tags and markup", () => {
  it("reads a > inside a quoted value, spaces around =, and attributes by their local name", () => {
    const parsed = parseSamlResponse(
      withAttributes(
        `<saml:Attribute x:Name = 'a>b' Other="1"><saml:AttributeValue>v</saml:AttributeValue></saml:Attribute>`,
      ),
    );
    expect(parsed.attributes).toEqual({ "a>b": "v" });
  });

  it.each([
    ["a < inside a tag", `${subject("a")}<saml:Attribute Name="x" <b/>`],
    ["text after the attributes of a tag", `${subject("a")}<saml:Attribute Name="x" junk/>`],
    ["an attribute value holding <", `${subject("a")}<saml:Attribute Name="x<y"/>`],
    ["a closing tag with attributes", `<saml:Subject><saml:NameID>a</saml:NameID x="1"></saml:Subject>`],
    ["a closing tag with no open element", `${subject("a")}</saml:Assertion></saml:Assertion>`],
    ["a tag without a name", `${subject("a")}<1x/>`],
    ["an unterminated comment", `${subject("a")}<!-- no end`],
    ["an unterminated processing instruction", `${subject("a")}<?pi no end`],
    ["an unterminated CDATA section", `${subject("a")}<x><![CDATA[ no end</x>`],
  ])("refuses %s", (_name, inner) => {
    expect(refusal(assertion(inner)).message).toBe(INVALID);
  });

  it.each([
    ["text before the root element", b64(`x<saml:Assertion>${subject("a")}</saml:Assertion>`)],
    ["text after the root element", b64(`<saml:Assertion>${subject("a")}</saml:Assertion>x`)],
    ["CDATA outside any element", b64(`<![CDATA[x]]><saml:Assertion>${subject("a")}</saml:Assertion>`)],
    ["an unclosed root", b64(`<saml:Assertion>${subject("a")}`)],
    ["nothing at all", ""],
    ["characters that are not base64", `${assertion(subject("a"))}!`],
  ])("refuses %s", (_name, token) => {
    expect(refusal(token).message).toBe(INVALID);
  });

  it("skips comments (holding markup) and processing instructions anywhere; reads base64url and spaced base64", () => {
    const text = `<?xml version="1.0"?><!-- <b> --><saml:Assertion><?pi x?>${subject("a<!-- c -->b")}<!-- --></saml:Assertion><!-- end -->`;
    expect(parseSamlResponse(b64(text)).nameId).toBe("ab");
    const url = Buffer.from(`<saml:Assertion>${subject("??>>")}</saml:Assertion>`).toString("base64url");
    expect(url).toMatch(/[-_]/);
    expect(parseSamlResponse(url).nameId).toBe("??>>");
    const spaced = b64(`<saml:Assertion>${subject("a")}</saml:Assertion>`).replace(/(.{8})/g, "$1\n");
    expect(parseSamlResponse(spaced).nameId).toBe("a");
  });

  it("reads CDATA next to text", () => {
    expect(parseSamlResponse(assertion(subject("a<![CDATA[<&>]]>b"))).nameId).toBe("a<&>b");
  });
});

describe("markup after a complete assertion", () => {
  const afterAssertion = (rest: string, close = "</samlp:Response>") =>
    b64(`<samlp:Response><saml:Assertion>${subject("a")}</saml:Assertion>${rest}${close}`);

  it("reads the assertion when the rest is well-formed (a closing tag may end in spaces)", () => {
    expect(parseSamlResponse(afterAssertion("<!-- c --><?pi x?><x><![CDATA[d]]></x >")).nameId).toBe("a");
  });

  it.each([
    ["an unterminated comment", "<!-- no end"],
    ["an unterminated processing instruction", "<?pi no end"],
    ["an unterminated CDATA section", "<![CDATA[ no end"],
    ["an unterminated tag", "<x"],
    ["a < inside a tag", "<x <y/>"],
    ["a tag without a name", "<1x/>"],
    ["a start tag with stray text", "<x junk/>"],
  ])("refuses %s", (_name, rest) => {
    expect(refusal(afterAssertion(rest)).message).toBe(INVALID);
  });

  it("refuses a document cut off inside a tag whose text is well-formed attributes", () => {
    expect(refusal(afterAssertion('<x a="1" ', "")).message).toBe(INVALID);
  });

  it("refuses an unclosed root and a second root", () => {
    expect(refusal(afterAssertion("", "")).message).toBe(INVALID);
    expect(refusal(b64(`<saml:Assertion>${subject("a")}</saml:Assertion><other/>`)).message).toBe(INVALID);
  });

  it("refuses a NameID that is the root (it has no Subject)", () => {
    expect(refusal(b64("<saml:NameID>a</saml:NameID>")).message).toBe(INVALID);
  });

  it("reads a > inside a double-quoted value, and whitespace after the root", () => {
    const attribute = `<saml:Attribute Name="c>d"><saml:AttributeValue>v</saml:AttributeValue></saml:Attribute>`;
    expect(parseSamlResponse(withAttributes(attribute)).attributes).toEqual({ "c>d": "v" });
    expect(parseSamlResponse(b64(`<saml:Assertion>${subject("a")}</saml:Assertion>\n  `)).nameId).toBe("a");
  });

  it("skips a processing instruction right after text ending in ?>", () => {
    expect(parseSamlResponse(assertion(subject("a?><?pi x?>"))).nameId).toBe("a?>");
  });
});

describe("the NameID and the attributes", () => {
  it("takes the first NameID of a Subject, trimmed; a NameID elsewhere does not count", () => {
    const inner = `<saml:Issuer><saml:NameID>issuer</saml:NameID></saml:Issuer>${subject("  alice  ")}${subject("bob")}`;
    expect(parseSamlResponse(assertion(inner)).nameId).toBe("alice");
    expect(refusal(assertion("<saml:Issuer><saml:NameID>issuer</saml:NameID></saml:Issuer>")).message).toBe(
      INVALID,
    );
    expect(refusal(assertion(subject("   "))).message).toBe(INVALID);
  });

  it("reads only the NameID element of the Subject, and the first one decides even when it is empty", () => {
    expect(
      parseSamlResponse(
        assertion("<saml:Subject><saml:Other>x</saml:Other><saml:NameID>a</saml:NameID></saml:Subject>"),
      ).nameId,
    ).toBe("a");
    expect(refusal(assertion(`<saml:Subject><saml:NameID/></saml:Subject>${subject("b")}`)).message).toBe(
      INVALID,
    );
  });

  it("gives one value as a string, several or none as a list, trimmed; an attribute without Name is skipped", () => {
    const parsed = parseSamlResponse(
      withAttributes(
        `<saml:Attribute><saml:AttributeValue>lost</saml:AttributeValue></saml:Attribute>` +
          `<saml:Attribute Name="one"><saml:AttributeValue> x </saml:AttributeValue></saml:Attribute>` +
          `<saml:Attribute Name="two"><saml:AttributeValue>a</saml:AttributeValue><saml:AttributeValue>b</saml:AttributeValue></saml:Attribute>` +
          `<saml:Attribute Name="none"></saml:Attribute>`,
      ),
    );
    expect(parsed.attributes).toEqual({ one: "x", two: ["a", "b"], none: [] });
    expect(Object.isFrozen(parsed.attributes)).toBe(true);
    expect(Object.isFrozen(parsed.attributes.two)).toBe(true);
  });
});

describe("role pairs", () => {
  it("keeps each role once, skips pairs of other sizes, values that are not text, and ARNs that are not roles", () => {
    const claims = {
      [SAML_ROLE_ATTRIBUTE]: [
        `${SALES},${SAML_ARN}`,
        ` ${SALES} , ${SAML_ARN} `,
        `${ADMIN},${SAML_ARN},extra`,
        `${SAML_ARN}`,
        42,
        `arn:aws:iam::123456789012:user/bob,${SAML_ARN}`,
        `arn:aws:iam::1234:role/short,${SAML_ARN}`,
        `xarn:aws:iam::123456789012:role/x,${SAML_ARN}`,
        `arn:aws-cn:iam::123456789012:role/cn,${SAML_ARN}`,
      ],
    };
    expect(samlRoles(claims, SAML_ARN)).toEqual([SALES, "arn:aws-cn:iam::123456789012:role/cn"]);
  });

  it("reads only the assertion's own role attribute", () => {
    const inherited = Object.create({ [SAML_ROLE_ATTRIBUTE]: `${SALES},${SAML_ARN}` }) as Record<
      string,
      unknown
    >;
    expect(samlRoles(inherited, SAML_ARN)).toEqual([]);
    expect(samlRoles({ [SAML_ROLE_ATTRIBUTE]: 7 }, SAML_ARN)).toEqual([]);
  });
});
