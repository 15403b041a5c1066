/**
 * The last line of `install()`'s promise that no Cognito Identity request reaches the network: while
 * installed, `https.request` to a Cognito Identity endpoint fails at once with an explaining error. It catches
 * clients whose SDK copy `install()` could not hook — e.g. one loaded after `jest.resetModules()`. The SDK's
 * Node handler reads `https.request` at call time, and Node's core modules are shared by every module registry.
 */
import https from "node:https";

const COGNITO_IDENTITY_HOST = /^cognito-identity(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/;

type RequestFunction = typeof https.request;
let original: RequestFunction | undefined;

/** The host a `https.request` call targets, whatever form its arguments take. */
function hostOf(args: unknown[]): string | undefined {
  for (const arg of args) {
    if (typeof arg === "string") return new URL(arg).hostname;
    if (arg instanceof URL) return arg.hostname;
    if (arg && typeof arg === "object" && ("hostname" in arg || "host" in arg)) {
      const { hostname, host } = arg as { hostname?: unknown; host?: unknown };
      return String(hostname ?? host ?? "").replace(/:\d+$/, "");
    }
  }
  return undefined;
}

/** The error a client that escaped the hook gets instead of a connection. */
export const ESCAPED_CLIENT_MESSAGE =
  "cognito-identity-fake: a Cognito Identity request tried to reach the network while the fake is installed. " +
  "Its client comes from a copy of the SDK that install() could not find (loaded after install, e.g. after " +
  "jest.resetModules(), or an ESM copy): pass its class as fake.install({ clients: [CognitoIdentityClient] }).";

/**
 * Starts refusing `https.request` calls to Cognito Identity endpoints; a no-op when already guarding.
 *
 * @example
 * ```ts
 * guardNetwork();
 * // https.request({ hostname: "cognito-identity.us-east-1.amazonaws.com" }) now throws
 * unguardNetwork();
 * ```
 */
export function guardNetwork(): void {
  if (original) return;
  const request = https.request;
  original = request;
  https.request = function guardedRequest(this: unknown, ...args: unknown[]) {
    const host = hostOf(args);
    if (host !== undefined && COGNITO_IDENTITY_HOST.test(host)) throw new Error(ESCAPED_CLIENT_MESSAGE);
    return (request as (...a: unknown[]) => ReturnType<RequestFunction>).apply(this, args);
  } as RequestFunction;
}

/** Restores `https.request` (only if nothing replaced it since). */
export function unguardNetwork(): void {
  if (!original) return;
  if (https.request.name === "guardedRequest") https.request = original;
  original = undefined;
}
