/**
 * Retries without back-off: a retry strategy (the SDK's `RetryStrategyV2` interface) that makes the same
 * decisions as the SDK's standard strategy — it retries what the SDK classifies as throttling or transient
 * errors, up to `maxAttempts` attempts — but never waits. It sets no timer at all, not even a zero-delay one,
 * so a retried call resolves under jest's or Vitest's fake timers without advancing them.
 *
 * The SDK's own strategies sleep with `setTimeout` before every retry, even with a back-off of 0
 * (`ConfiguredRetryStrategy(n, 0)`), which is why this one is written out rather than configured.
 */
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from "@smithy/types";

/** The SDK's default number of attempts (the first one included). */
const DEFAULT_MAX_ATTEMPTS = 3;

/** Options of {@link createImmediateRetryStrategy}. */
export interface ImmediateRetryOptions {
  /**
   * Attempts in all, the first one included: a number, or a provider such as a client's resolved
   * `config.maxAttempts`. Default 3, as the SDK's.
   */
  readonly maxAttempts?: number | (() => Promise<number>);
}

/** The error classes the SDK's standard strategy retries. */
const RETRYABLE = new Set<RetryErrorInfo["errorType"]>(["THROTTLING", "TRANSIENT"]);

const token = (count: number): RetryToken => ({ getRetryCount: () => count, getRetryDelay: () => 0 });

/**
 * A retry strategy that retries as the SDK's standard strategy decides, with no back-off. Give it to a client
 * the fake answers through `plugin()` or `requestHandler()`; `install({ immediateRetries: true })` and the
 * jest/Vitest helpers apply it by themselves. `$metadata.attempts` counts the attempts as usual and
 * `$metadata.totalRetryDelay` is 0. Unlike the SDK's strategy it keeps no retry quota.
 *
 * @example
 * ```ts
 * const client = new CognitoIdentityClient({ region: "us-east-1", retryStrategy: fake.retryStrategy() });
 * client.middlewareStack.use(fake.plugin());
 * fake.failNext("ListIdentityPools", "TooManyRequestsException", { times: 2 });
 * const out = await client.send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
 * out.$metadata.attempts; // 3, and no time spent waiting
 * ```
 */
export function createImmediateRetryStrategy(options: ImmediateRetryOptions = {}): RetryStrategyV2 {
  const { maxAttempts = DEFAULT_MAX_ATTEMPTS } = options;
  const attemptsAllowed = typeof maxAttempts === "number" ? async () => maxAttempts : maxAttempts;
  return {
    acquireInitialRetryToken: async () => token(0),
    async refreshRetryTokenForRetry(previous: RetryToken, errorInfo: RetryErrorInfo) {
      const attempted = previous.getRetryCount() + 1;
      if (RETRYABLE.has(errorInfo.errorType) && attempted < (await attemptsAllowed())) {
        return token(attempted);
      }
      throw new Error("No retry token available");
    },
    recordSuccess: () => {},
  };
}
