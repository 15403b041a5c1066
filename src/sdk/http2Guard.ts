/**
 * The one transport `@mswjs/interceptors` does not cover: HTTP/2 (`http2.connect`, used by the SDK v3's
 * `NodeHttp2Handler`). While installed, an HTTP/2 session to a Cognito Identity endpoint fails at once with an
 * error naming the client and the fix, so no Cognito Identity request leaves the process this way either.
 */
import http2 from "node:http2";
import { cognitoIdentityHost } from "./endpoint";
import { unanswerable } from "./transports";

const hostOf = (authority: unknown): string | undefined => {
  try {
    if (typeof authority === "string" || authority instanceof URL) return new URL(authority).hostname;
    if (authority && typeof authority === "object") {
      const { hostname, host } = authority as { hostname?: unknown; host?: unknown };
      return String(hostname ?? host ?? "").replace(/:\d+$/, "");
    }
  } catch {
    return undefined;
  }
  return undefined;
};

/**
 * Refuses HTTP/2 sessions to Cognito Identity endpoints; returns the function that restores `http2.connect`.
 *
 * @example
 * ```ts
 * const restore = guardHttp2();
 * http2.connect("https://cognito-identity.us-east-1.amazonaws.com"); // throws, naming the fix
 * restore();
 * ```
 */
export function guardHttp2(): () => void {
  const original = http2.connect;
  const guarded = function connect(this: unknown, ...args: unknown[]) {
    if (cognitoIdentityHost(hostOf(args[0]))) {
      throw unanswerable(
        "an HTTP/2 client (such as the SDK v3's NodeHttp2Handler)",
        "HTTP/2 is not intercepted",
      );
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof http2.connect;
  http2.connect = guarded;
  return () => {
    if (http2.connect === guarded) http2.connect = original;
  };
}
