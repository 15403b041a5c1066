/**
 * The AWS JSON 1.1 protocol of Cognito Identity: reading a serialized request and writing the response the
 * real service would send. Knows nothing of the SDK, so the SDK adapters and an HTTP server share it.
 */
import type { DispatchResult } from "../core/dispatch";
import { bodyBytes, joinedBytes, pooledBytes } from "./bytes";
import { statusOf } from "./status";

/** The service's target prefix: `X-Amz-Target: AWSCognitoIdentityService.<Operation>`. */
export const TARGET_PREFIX = "AWSCognitoIdentityService.";
const CONTENT_TYPE = "application/x-amz-json-1.1";

/** A serialized request, as the SDK or an HTTP server holds it. Header names are matched case-insensitively. */
export interface WireRequest {
  readonly hostname?: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body?: string | Uint8Array | null;
}

/** A serialized response: structurally an SDK `HttpResponse`. */
export interface WireResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

/** An error to answer with: its name and message, and optionally its own HTTP status. */
export interface WireError {
  readonly type: string;
  readonly message: string;
  readonly statusCode?: number;
}

/** A request read off the wire: the operation named by the target header and the parsed JSON body. */
export type ParsedRequest =
  | { readonly ok: true; readonly operation: string; readonly input: unknown }
  | { readonly ok: false; readonly operation: string; readonly type: string; readonly message: string };

/**
 * A header by its lower-case name: the SDK sends lower-case names, other clients may not. Tolerates what a
 * foreign or hostile adapter may hand over: no headers at all, a list of values (joined with ", ", as Node
 * joins a repeated header), or a value that is not text (read as absent).
 */
const header = (headers: WireRequest["headers"] | undefined, name: string): string | undefined => {
  if (!headers) return undefined;
  const key = Object.hasOwn(headers, name)
    ? name
    : Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value: unknown = key === undefined ? undefined : headers[key];
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(", ");
  return undefined;
};

/** UTF-8 text of bytes (Node's Buffer decoding: faster than TextDecoder for request-sized inputs). */
const utf8 = (bytes: ArrayBufferView | ArrayBuffer): string =>
  ArrayBuffer.isView(bytes)
    ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8")
    : Buffer.from(bytes).toString("utf8");

/** The body as text; `undefined` when it is neither text nor bytes (a stream, a number...): unreadable here. */
function bodyText(body: unknown): string | undefined {
  if (body === null || body === undefined) return "";
  if (typeof body === "string") return body;
  if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return utf8(body);
  return undefined;
}

/** The service's answer to a body it cannot parse. */
const unparsable = (operation: string): ParsedRequest & { readonly ok: false } => ({
  ok: false,
  operation,
  type: "SerializationException",
  message: "Unable to parse the request body as JSON.",
});

/**
 * Reads the operation and the JSON input of a request. A missing or foreign target answers
 * `UnknownOperationException`; a body that is not JSON answers `SerializationException`, as the service does
 * (so does a body that is neither text nor bytes, such as a stream: it cannot be read synchronously here).
 *
 * @example
 * ```ts
 * readRequest({ headers: { "x-amz-target": "AWSCognitoIdentityService.GetId" }, body: '{"IdentityPoolId":"x"}' });
 * // { ok: true, operation: "GetId", input: { IdentityPoolId: "x" } }
 * ```
 */
export function readRequest(request: WireRequest): ParsedRequest {
  const read = readRequestText(request);
  return read.ok ? { ok: true, operation: read.operation, input: read.input } : read;
}

/**
 * {@link readRequest}, with the body's text beside the input (the engine's journal keeps the text).
 *
 * @example
 * ```ts
 * readRequestText({ headers: { "x-amz-target": "AWSCognitoIdentityService.GetId" }, body: "{}" });
 * // { ok: true, operation: "GetId", input: {}, text: "{}" }
 * ```
 */
export function readRequestText(
  request: WireRequest,
): (ParsedRequest & { readonly ok: false }) | { ok: true; operation: string; input: unknown; text: string } {
  const target = header(request.headers, "x-amz-target") ?? "";
  const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : "";
  if (!operation) return { ok: false, operation: target, type: "UnknownOperationException", message: "" };
  const raw = bodyText(request.body);
  if (raw === undefined) return unparsable(operation);
  try {
    return { ok: true, operation, input: parseBody(raw), text: raw };
  } catch {
    return unparsable(operation);
  }
}

/**
 * The JSON input of a request body: an empty (or blank) body is `{}`. Throws on text that is not JSON.
 *
 * @example
 * ```ts
 * parseBody('{"IdentityPoolId":"x"}'); // { IdentityPoolId: "x" }
 * parseBody(""); // {}
 * ```
 */
export const parseBody = (text: string): unknown =>
  // A body that opens with `{` is not blank: no trimmed copy of it (a login token makes it long).
  text.charCodeAt(0) !== 0x7b && text.trim() === "" ? {} : JSON.parse(text);

/**
 * The UTF-8 JSON of frozen values already serialized, after a comma (`,{...}`: list items mostly follow
 * one): frozen values never change, and list pages repeat them.
 */
const frozenJson = new WeakMap<object, Uint8Array>();

/** A value's UTF-8 JSON after a comma, as `JSON.stringify` writes it in a list (`null` for what it skips). */
const listedJson = (value: unknown): Uint8Array => {
  if (typeof value !== "object" || value === null || !Object.isFrozen(value))
    return bodyBytes(`,${JSON.stringify(value) ?? "null"}`);
  let bytes = frozenJson.get(value);
  if (bytes === undefined) {
    bytes = pooledBytes(`,${JSON.stringify(value)}`);
    frozenJson.set(value, bytes);
  }
  return bytes;
};

/**
 * The JSON text of frozen outputs already serialized: `DescribeIdentityPool` answers the same frozen record
 * call after call. Text, not bytes: a frozen output is often new (`CreateIdentityPool`, `UpdateIdentityPool`),
 * and its bytes kept in Node's Buffer pool took a new pool every few calls, from the SDK's serializer too.
 */
const frozenText = new WeakMap<object, string>();

/** The JSON text of a frozen output, serialized once. */
function frozenTextOf(output: object): string {
  let text = frozenText.get(output);
  if (text === undefined) {
    text = JSON.stringify(output);
    frozenText.set(output, text);
  }
  return text;
}

/**
 * Items shorter than this serialize faster in one `JSON.stringify` of the whole output than as cached bytes
 * copied one by one (a page of pool names, a list of developer user identifiers); identity descriptions are
 * longer.
 */
const MIN_CACHED_ITEM = 128;

/** Whether a top-level list of `output` holds frozen items long enough to copy from their cached bytes. */
function hasCachedList(output: Readonly<Record<string, unknown>>): boolean {
  for (const key in output) {
    const value = output[key];
    const first: unknown = Array.isArray(value) ? value[0] : undefined;
    if (typeof first === "object" && first !== null && Object.isFrozen(first))
      if (listedJson(first).byteLength >= MIN_CACHED_ITEM) return true;
  }
  return false;
}

/**
 * An output's UTF-8 JSON body, the bytes of `JSON.stringify`'s text, always bytes no other body shares
 * ({@link bodyBytes}). Frozen values are serialized once: a frozen output whole (its text, encoded per call),
 * and the frozen items of an output's top-level lists when they are long (their bytes, copied per call: a
 * 60-item `ListIdentities` page otherwise re-serializes and re-encodes the same descriptions every call).
 *
 * @example
 * ```ts
 * outputBytes({ Identities: [Object.freeze({ IdentityId: "us-east-1:…" })] }); // bytes of JSON.stringify's text
 * ```
 */
export function outputBytes(output: Readonly<Record<string, unknown>>): Uint8Array {
  if (Object.isFrozen(output)) return bodyBytes(frozenTextOf(output));
  if (!hasCachedList(output)) return bodyBytes(JSON.stringify(output));
  // The text around the lists is gathered, and encoded before the first item of each list and at the end.
  const parts: Uint8Array[] = [];
  let text = "{";
  let first = true;
  for (const key of Object.keys(output)) {
    const value = output[key];
    if (value === undefined) continue;
    text += `${first ? "" : ","}${JSON.stringify(key)}:`;
    first = false;
    if (Array.isArray(value)) {
      text += "[";
      for (let i = 0; i < value.length; i++) {
        const item = listedJson(value[i]);
        if (i === 0) {
          parts.push(bodyBytes(text), item.subarray(1));
          text = "";
        } else parts.push(item);
      }
      text += "]";
    } else text += JSON.stringify(value);
  }
  // With only empty lists there is one piece: its encoding is the body, no copy.
  if (parts.length === 0) return bodyBytes(`${text}}`);
  parts.push(bodyBytes(`${text}}`));
  return joinedBytes(parts);
}

/** Errors raised by the service framework itself carry a namespaced type and a capitalised `Message`. */
const FRAMEWORK_ERRORS = new Set(["SerializationException", "UnknownOperationException"]);

/**
 * The service's response for a command's result. An error travels with the status the real service uses for
 * its name ({@link statusOf}) unless it names its own (a scripted failure may).
 */
export function writeResponse(
  result: DispatchResult | { readonly ok: false; readonly error: WireError },
  requestId: string,
): WireResponse {
  if (result.ok) {
    return {
      statusCode: 200,
      headers: { "content-type": CONTENT_TYPE, "x-amzn-requestid": requestId },
      body: outputBytes(result.output),
    };
  }
  const { type, message } = result.error;
  const statusCode = ("statusCode" in result.error ? result.error.statusCode : undefined) ?? statusOf(type);
  const body = FRAMEWORK_ERRORS.has(type)
    ? { __type: `com.amazon.coral.service#${type}`, ...(message ? { Message: message } : {}) }
    : { __type: type, message };
  const headers: Record<string, string> = {
    "content-type": CONTENT_TYPE,
    "x-amzn-requestid": requestId,
    "x-amzn-errortype": `${type}:`,
  };
  if (message) headers["x-amzn-errormessage"] = message.replace(/[^\x20-\x7e]/g, "?");
  return { statusCode, headers, body: bodyBytes(JSON.stringify(body)) };
}

/**
 * The region a request was sent to, read from the endpoint host
 * (`cognito-identity[-fips].<region>.amazonaws.com[.cn]`); `undefined` for any other host.
 */
export function regionOfHost(hostname: string | undefined): string | undefined {
  const match = /^cognito-identity(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(hostname ?? "");
  return match?.[1];
}
