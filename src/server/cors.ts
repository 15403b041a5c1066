/**
 * CORS, so that a page on another origin (Amplify in a browser test) can call the server: every answer allows
 * the caller's origin, and a preflight (`OPTIONS`) answers 204 with the methods and headers asked for.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

const EXPOSED = "x-amzn-requestid, x-amzn-errortype, x-amzn-errormessage, date";

/**
 * Adds the CORS headers to an answer.
 *
 * @example
 * ```ts
 * corsHeaders(req, res); // Access-Control-Allow-Origin: <the request's Origin, or *>
 * ```
 */
export function corsHeaders(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader("access-control-allow-origin", origin ?? "*");
  if (origin) res.setHeader("vary", "Origin");
  res.setHeader("access-control-expose-headers", EXPOSED);
}

/**
 * Answers a preflight request; returns whether the request was one.
 *
 * @example
 * ```ts
 * if (answerPreflight(req, res)) return;
 * ```
 */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "OPTIONS") return false;
  corsHeaders(req, res);
  res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
  res.setHeader(
    "access-control-allow-headers",
    req.headers["access-control-request-headers"] ??
      "content-type, x-amz-target, x-amz-user-agent, authorization, x-amz-date, amz-sdk-invocation-id, amz-sdk-request",
  );
  res.setHeader("access-control-max-age", "86400");
  res.writeHead(204).end();
  return true;
}
