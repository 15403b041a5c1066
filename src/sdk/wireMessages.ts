/**
 * Fetch-API `Request`s and `Response`s to and from the fake's wire types, for the transports that speak them
 * (`install()`'s interceptors of `fetch`/`http`/`XMLHttpRequest`, and the msw handlers). Bad input never throws:
 * a body over 1 MiB answers `413`, a body that cannot be read answers the service's `SerializationException`.
 */
import { randomUUID } from "node:crypto";
import { type WireRequest, type WireResponse, writeResponse } from "../wire/protocol";
import { engineRequest } from "./endpoint";
import type { WireHandler } from "./plugin";

/** The largest request body the fake reads: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The body of `request`, read from a clone (other listeners of a shared interception may read it too), or
 * `undefined` when it is larger than {@link MAX_BODY_BYTES}, which is not read further.
 */
async function readBody(request: Request): Promise<Uint8Array | undefined> {
  const reader = request.clone().body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const framework = (type: string, message: string, statusCode: number): WireResponse =>
  writeResponse({ ok: false, error: { type, message, statusCode } }, randomUUID());

/**
 * Answers a Fetch-API request to a Cognito Identity endpoint with `answer`. Throws only `ENOTFOUND` (a region
 * that does not exist), as the network would.
 *
 * @example
 * ```ts
 * const response = await answerFetchRequest(engine.handle.bind(engine), request);
 * ```
 */
export async function answerFetchRequest(answer: WireHandler, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const wire: WireRequest = engineRequest({ hostname: url.hostname, headers, body: null });
  let body: Uint8Array | undefined;
  try {
    body = await readBody(request);
  } catch {
    return toResponse(framework("SerializationException", "Unable to read the request body.", 400));
  }
  if (body === undefined) {
    return toResponse(
      framework("SerializationException", `The request body is larger than ${MAX_BODY_BYTES} bytes.`, 413),
    );
  }
  return toResponse(answer({ ...wire, body }));
}

/**
 * A Fetch-API `Response` of a wire response.
 *
 * @example
 * ```ts
 * toResponse({ statusCode: 200, headers: {}, body: new Uint8Array() }).status; // 200
 * ```
 */
export function toResponse(response: WireResponse): Response {
  return new Response(response.body, { status: response.statusCode, headers: response.headers });
}
