/**
 * SAML responses as an identity provider posts them, for the Logins value of a SAML provider: base64 XML,
 * unsigned (a fake cannot check an IdP's signature, and does not pretend to).
 */
import { createHash } from "node:crypto";

/**
 * What `fake.loginToken.saml` mints.
 *
 * @example
 * ```ts
 * const input: SamlTokenInput = {
 *   samlProviderArn: "arn:aws:iam::123456789012:saml-provider/corp",
 *   nameId: "alice@corp.example",
 *   roles: ["arn:aws:iam::123456789012:role/sales"],
 *   attributes: { department: "sales" },
 * };
 * ```
 */
export interface SamlTokenInput {
  /** The IAM SAML provider ARN: the Logins key, and the provider half of each role pair. */
  readonly samlProviderArn: string;
  /** The subject's `NameID`: the user the identity pool links. */
  readonly nameId: string;
  /** Role ARNs for the `https://aws.amazon.com/SAML/Attributes/Role` attribute (each paired with the provider). */
  readonly roles?: readonly string[];
  /** Further attributes by their full names (a list gives several values). */
  readonly attributes?: Readonly<Record<string, string | readonly string[]>>;
  /** Seconds the assertion is valid for. Default 3600. */
  readonly expiresIn?: number;
}

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`);

const attribute = (name: string, values: readonly string[]): string =>
  `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">${values
    .map((v) => `<saml:AttributeValue>${escapeXml(v)}</saml:AttributeValue>`)
    .join("")}</saml:Attribute>`;

/**
 * A base64 SAML 2.0 response with one assertion: the `NameID`, the role pairs (`<role ARN>,<provider ARN>`)
 * and the attributes; issued at `now`, valid for an hour (or `expiresIn`). Deterministic for the same input
 * and clock.
 *
 * @param now - the clock, epoch milliseconds
 * @example
 * ```ts
 * const token = mintSamlResponse({ samlProviderArn, nameId: "alice", roles: [roleArn] }, Date.now());
 * // Logins: { [samlProviderArn]: token }
 * ```
 */
export function mintSamlResponse(input: SamlTokenInput, now: number): string {
  const issued = new Date(Math.floor(now / 1000) * 1000).toISOString();
  const expires = new Date(Math.floor(now / 1000) * 1000 + (input.expiresIn ?? 3600) * 1000).toISOString();
  const id = `_${createHash("sha256")
    .update(JSON.stringify([input, now]))
    .digest("hex")
    .slice(0, 32)}`;
  const attributes: string[] = [];
  if (input.roles && input.roles.length > 0) {
    attributes.push(
      attribute(
        "https://aws.amazon.com/SAML/Attributes/Role",
        input.roles.map((role) => `${role},${input.samlProviderArn}`),
      ),
    );
  }
  for (const [name, value] of Object.entries(input.attributes ?? {})) {
    attributes.push(attribute(name, typeof value === "string" ? [value] : value));
  }
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="${id}r" Version="2.0" IssueInstant="${issued}" Destination="https://signin.aws.amazon.com/saml">` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${issued}">` +
    `<saml:Issuer>cognito-identity-fake</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${escapeXml(input.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${expires}" Recipient="https://signin.aws.amazon.com/saml"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${issued}" NotOnOrAfter="${expires}"><saml:AudienceRestriction><saml:Audience>urn:amazon:webservices</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AttributeStatement>${attributes.join("")}</saml:AttributeStatement>` +
    `</saml:Assertion></samlp:Response>`;
  return Buffer.from(xml).toString("base64");
}
