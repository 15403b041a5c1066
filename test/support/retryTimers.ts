/**
 * Whether the installed SDK's retry middleware sets no timer for a retry whose delay is 0. The SDKs whose retry
 * middleware comes from `@smithy/core`'s retry module (`@smithy/middleware-retry` 4.6 and later, mid-2026) skip
 * it; older ones sleep `setTimeout(resolve, 0)` even then, which fake timers hold until they are advanced.
 */
import { createRequire } from "node:module";
import { CognitoIdentityClient, ListIdentityPoolsCommand } from "@aws-sdk/client-cognito-identity";
import { createCognitoIdentityFake } from "../../src";

/**
 * Probes once, with real timers: a retried call through `fake.retryStrategy()`, watching `setTimeout`.
 *
 * @example
 * ```ts
 * if (await zeroDelayRetriesSetNoTimer()) { ... } else { await jest.runAllTimersAsync(); }
 * ```
 */
export async function zeroDelayRetriesSetNoTimer(): Promise<boolean> {
  const fake = createCognitoIdentityFake();
  const client = new CognitoIdentityClient({ region: "us-east-1", retryStrategy: fake.retryStrategy() });
  client.middlewareStack.use(fake.plugin());
  fake.failNext("ListIdentityPools", "TooManyRequestsException");
  const original = globalThis.setTimeout;
  let zeroDelayTimers = 0;
  globalThis.setTimeout = ((handler: () => void, ms?: number, ...rest: unknown[]) => {
    if (!ms) zeroDelayTimers += 1;
    return Reflect.apply(original, globalThis, [handler, ms, ...rest]);
  }) as typeof setTimeout;
  try {
    await client.send(new ListIdentityPoolsCommand({ MaxResults: 1 }));
  } finally {
    globalThis.setTimeout = original;
  }
  return zeroDelayTimers === 0;
}

/**
 * The same answer without a call, from the version of `@smithy/middleware-retry` the client resolves (4.6 and
 * later delegate to `@smithy/core`'s retry module; the newest clients use that module directly), for deciding at
 * load time whether a test applies.
 *
 * @example
 * ```ts
 * const test = retryMiddlewareSkipsZeroDelay() ? global.test : global.test.skip;
 * ```
 */
export function retryMiddlewareSkipsZeroDelay(): boolean {
  const fromClient = createRequire(require.resolve("@aws-sdk/client-cognito-identity"));
  let version: string;
  try {
    ({ version } = fromClient("@smithy/middleware-retry/package.json") as { version: string });
  } catch {
    return true; // the newest clients take their retry middleware from @smithy/core directly
  }
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > 4 || (major === 4 && minor >= 6);
}
