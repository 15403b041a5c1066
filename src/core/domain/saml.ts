/**
 * Reading a SAML login: the Logins value of a SAML provider is a base64 SAML response. A fake cannot check an
 * identity provider's signature, so signatures are ignored; the user is the assertion's `NameID` and its
 * attributes are the claims (by their full `Name`). A small, linear XML reader: enough for the fake's own
 * responses (`fake.loginToken.saml`) and typical IdP ones (namespace prefixes, either quote style, character
 * and entity references, CDATA, comments, self-closing elements). Anything it cannot read — text that is not
 * XML, unbalanced elements, a DOCTYPE (entity declarations are refused, never expanded), no assertion, no
 * `NameID` — is refused with `NotAuthorizedException` "Invalid login token. Not a valid SAML assertion.".
 */
import { errors } from "../errors";

/** The attribute that carries the roles a SAML user may assume: `roleArn,providerArn` pairs. */
export const SAML_ROLE_ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/Role";

/** What an assertion says. */
export interface SamlAssertion {
  /** The `NameID` of the subject: the user. */
  readonly nameId: string;
  /** Attribute name → value (a list when the attribute has several values). */
  readonly attributes: Readonly<Record<string, string | readonly string[]>>;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Text with its character and entity references resolved; `undefined` for an unknown or bad reference. */
function xmlUnescape(text: string): string | undefined {
  let bad = false;
  const out = text.replace(
    /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]+);|&/g,
    (whole, ref: string | undefined) => {
      if (ref === undefined) {
        bad = true;
        return whole;
      }
      if (ref.startsWith("#")) {
        const code = ref[1] === "x" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
        if (code > 0x10ffff) bad = true;
        return bad ? whole : String.fromCodePoint(code);
      }
      const value = ENTITIES[ref];
      if (value === undefined) bad = true;
      return value ?? whole;
    },
  );
  return bad ? undefined : out;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ATTRIBUTE = /\s+([^\s=<>/"']+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

/** The local part of a qualified name (`saml:NameID` → `NameID`). */
const localName = (qname: string): string => qname.slice(qname.lastIndexOf(":") + 1);

interface Element {
  /** The qualified name, as written. */
  readonly qname: string;
  /** The local name. */
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  text: string;
}

/** The attributes of a start tag (by local name); `undefined` unless the whole text is attributes. */
function attributesOf(source: string): Map<string, string> | undefined {
  const attributes = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  let end = 0;
  for (let match = ATTRIBUTE.exec(source); match; match = ATTRIBUTE.exec(source)) {
    const value = xmlUnescape(match[2] ?? match[3] ?? "");
    if (value === undefined) return undefined;
    attributes.set(localName(match[1] as string), value);
    end = ATTRIBUTE.lastIndex;
  }
  return source.slice(end).trim() === "" ? attributes : undefined;
}

/** Where the tag opened at `lt` ends (its `>`, outside quoted values), or -1. */
function tagEnd(xml: string, lt: number): number {
  let quote = "";
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return i;
    else if (c === "<") return -1;
  }
  return -1;
}

/** Calls `onClose` for every element as it closes (with its text); `false` when the text is not well-formed XML. */
function walkXml(xml: string, onClose: (element: Element, parent: Element | undefined) => void): boolean {
  const stack: Element[] = [];
  let at = 0;
  let seenRoot = false;
  while (at < xml.length) {
    const lt = xml.indexOf("<", at);
    const text = xml.slice(at, lt < 0 ? xml.length : lt);
    if (text.trim() !== "") {
      const top = stack[stack.length - 1];
      const value = xmlUnescape(text);
      if (!top || value === undefined) return false;
      top.text += value;
    }
    if (lt < 0) break;
    if (xml.startsWith("<!--", lt) || xml.startsWith("<?", lt)) {
      const end = xml.indexOf(xml[lt + 1] === "!" ? "-->" : "?>", lt + 2);
      if (end < 0) return false;
      at = end + (xml[lt + 1] === "!" ? 3 : 2);
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt);
      const top = stack[stack.length - 1];
      if (end < 0 || !top) return false;
      top.text += xml.slice(lt + 9, end);
      at = end + 3;
      continue;
    }
    const end = tagEnd(xml, lt);
    if (end < 0) return false;
    at = end + 1;
    const inner = xml.slice(lt + 1, end);
    const closing = inner.startsWith("/");
    const selfClosing = !closing && inner.endsWith("/");
    const body = inner.slice(closing ? 1 : 0, selfClosing ? -1 : undefined);
    const qname = NAME.exec(body)?.[0];
    if (qname === undefined) return false;
    const source = body.slice(qname.length);
    if (closing) {
      const element = stack.pop();
      if (!element || element.qname !== qname || source.trim() !== "") return false;
      onClose(element, stack[stack.length - 1]);
      continue;
    }
    if (stack.length === 0 && seenRoot) return false;
    seenRoot = true;
    const attributes = attributesOf(source);
    if (!attributes) return false;
    const element: Element = { qname, name: localName(qname), attributes, text: "" };
    if (selfClosing) onClose(element, stack[stack.length - 1]);
    else stack.push(element);
  }
  return seenRoot && stack.length === 0;
}

/**
 * Reads a base64 SAML response (or a bare assertion). Throws `NotAuthorizedException` when it is not one.
 *
 * @example
 * ```ts
 * const { nameId, attributes } = parseSamlResponse(fake.loginToken.saml({ samlProviderArn, nameId: "alice" }));
 * // nameId "alice"; attributes[SAML_ROLE_ATTRIBUTE] lists the role pairs, if any were given
 * ```
 */
export function parseSamlResponse(token: string): SamlAssertion {
  if (!/^[A-Za-z0-9+/=\s_-]*$/.test(token)) throw errors.invalidSaml();
  const xml = Buffer.from(token, "base64").toString("utf8");
  let nameId: string | undefined;
  let assertions = 0;
  const entries: [string, string | readonly string[]][] = [];
  let values: string[] = [];
  const wellFormed =
    !xml.includes("<!DOCTYPE") &&
    walkXml(xml, (element, parent) => {
      if (element.name === "NameID" && parent?.name === "Subject") nameId ??= element.text.trim();
      else if (element.name === "AttributeValue") values.push(element.text.trim());
      else if (element.name === "Attribute") {
        const name = element.attributes.get("Name");
        if (name !== undefined)
          entries.push([name, values.length === 1 ? (values[0] as string) : Object.freeze(values)]);
        values = [];
      } else if (element.name === "Assertion") assertions++;
    });
  if (!wellFormed || assertions !== 1 || !nameId) throw errors.invalidSaml();
  // Built from entries: an attribute named `__proto__` stays an own key.
  return Object.freeze({ nameId, attributes: Object.freeze(Object.fromEntries(entries)) });
}

/**
 * The roles a SAML user may assume: the role ARNs of the assertion's role attribute whose pair names this
 * provider (`roleArn,providerArn`, in either order).
 *
 * @example
 * ```ts
 * samlRoles({ [SAML_ROLE_ATTRIBUTE]: `${roleArn},${samlProviderArn}` }, samlProviderArn); // [roleArn]
 * ```
 */
export function samlRoles(claims: Readonly<Record<string, unknown>>, providerArn: string): string[] {
  const value = Object.hasOwn(claims, SAML_ROLE_ATTRIBUTE) ? claims[SAML_ROLE_ATTRIBUTE] : undefined;
  const pairs = Array.isArray(value) ? value : [value];
  const roles: string[] = [];
  for (const pair of pairs) {
    if (typeof pair !== "string") continue;
    const parts = pair.split(",").map((p) => p.trim());
    if (parts.length !== 2 || !parts.includes(providerArn)) continue;
    const role = parts.find((p) => /^arn:aws[\w-]*:iam::\d{12}:role\//.test(p));
    if (role !== undefined && !roles.includes(role)) roles.push(role);
  }
  return roles;
}
