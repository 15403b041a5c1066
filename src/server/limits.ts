/**
 * What keeps a long-running server healthy: the body size limit, the connection timeouts and the journal bound.
 */
import type { IncomingMessage } from "node:http";

/** The largest request body accepted: 1 MB (larger bodies answer 413). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Default bound of the journal (and of the issued-credential record) of a server. */
export const DEFAULT_MAX_JOURNAL = 5000;
/** Time a client has to send the request headers. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** Time a client has to send a whole request, body included. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** A body that exceeded {@link MAX_BODY_BYTES}. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds ${limit} bytes.`);
  }
}

/**
 * Reads a request body up to `limit` bytes. A `content-length` over the limit is refused before reading; a
 * body that grows past it while streaming is refused as soon as it does.
 *
 * @example
 * ```ts
 * const body = await readBody(req, MAX_BODY_BYTES); // Buffer, or throws BodyTooLargeError
 * ```
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLargeError(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks, size)));
    req.once("error", reject);
    req.once("aborted", () => reject(new Error("Request aborted.")));
  });
}

/**
 * Drops the oldest entries of a record so that it holds at most `max`; in place, so every reader of the array
 * sees the bound.
 *
 * @example
 * ```ts
 * const journal = [1, 2, 3];
 * trimOldest(journal, 2); // journal is [2, 3]
 * ```
 */
export function trimOldest(list: unknown[], max: number): void {
  if (list.length > max) list.splice(0, list.length - max);
}
