/**
 * Immediate retries for clients the fake routes itself (`install()`, `attachTo()`): on a copy of a client's
 * middleware stack, the SDK's own retry middleware is put back bound to a config whose strategy is
 * {@link createImmediateRetryStrategy} when the client uses the SDK's default standard strategy. A client that
 * configured a strategy of its own (`ConfiguredRetryStrategy`, adaptive mode, its own object) keeps it.
 *
 * The retry middleware reads its strategy from the config it was built with, the client's own, so changing
 * the strategy of one routed call means building that middleware again: it comes from the SDK's retry module
 * (`@smithy/core/retry`, or `@smithy/middleware-retry` in older SDKs), loaded next to the SDK client.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Pluggable, RetryStrategyV2 } from "@smithy/types";
import { createImmediateRetryStrategy } from "./retry";

/** The part of a resolved client config the retry middleware reads. */
interface RetryConfig {
  readonly retryStrategy?: unknown;
  readonly maxAttempts?: unknown;
}

interface RetryModule {
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's plug-in, whatever copy of @smithy/types it was built with
  getRetryPlugin(options: object): Pluggable<any, any>;
}

const MODULES = ["@smithy/core/retry", "@smithy/middleware-retry"];
let loaded: RetryModule | null | undefined;

function tryRequire(from: NodeJS.Require | undefined): RetryModule | undefined {
  for (const id of MODULES) {
    try {
      const mod = from?.(id) as Partial<RetryModule> | undefined;
      if (typeof mod?.getRetryPlugin === "function") return mod as RetryModule;
    } catch {
      // not in this SDK generation: try the next name
    }
  }
  return undefined;
}

function requireNextTo(from: NodeJS.Require, id: string): NodeJS.Require | undefined {
  try {
    return createRequire(from.resolve(id));
  } catch {
    return undefined;
  }
}

/** The SDK's retry module, as the client package resolves it (then as the working directory and this file do). */
function retryModule(): RetryModule | undefined {
  if (loaded !== undefined) return loaded ?? undefined;
  const bases = [join(process.cwd(), "__cognito_identity_fake__.js")];
  if (typeof __filename === "string") bases.push(__filename);
  for (const base of bases) {
    const root = createRequire(base);
    const found =
      tryRequire(requireNextTo(root, "@aws-sdk/client-cognito-identity")) ??
      tryRequire(requireNextTo(root, "@aws-sdk/nested-clients/cognito-identity")) ??
      tryRequire(root);
    if (found) {
      loaded = found;
      return found;
    }
  }
  loaded = null;
  return undefined;
}

/** True for the strategy the SDK makes when a client configures none (or only `maxAttempts`/`retryMode: "standard"`). */
function isSdkStandardStrategy(strategy: unknown): strategy is { maxAttempts?: () => Promise<number> } {
  return (
    typeof strategy === "object" &&
    strategy !== null &&
    strategy.constructor?.name === "StandardRetryStrategy" &&
    typeof (strategy as Partial<RetryStrategyV2>).acquireInitialRetryToken === "function"
  );
}

/** One immediate strategy per SDK strategy object, i.e. per client. */
const replacements = new WeakMap<object, RetryStrategyV2>();

function immediateFor(strategy: unknown, config: RetryConfig): unknown {
  if (!isSdkStandardStrategy(strategy)) return strategy;
  let replacement = replacements.get(strategy);
  if (!replacement) {
    const own = strategy.maxAttempts?.bind(strategy);
    const configured = config.maxAttempts;
    const maxAttempts = own ?? (typeof configured === "function" ? (configured as () => Promise<number>) : 3);
    replacement = createImmediateRetryStrategy({ maxAttempts });
    replacements.set(strategy, replacement);
  }
  return replacement;
}

/** Stands in for the retry middleware when the SDK's retry module is missing: every call fails, saying why. */
// biome-ignore lint/suspicious/noExplicitAny: see RetryModule
const unavailable: Pluggable<any, any> = {
  applyToStack(stack) {
    stack.add(
      () => async () => {
        throw new Error(
          "cognito-identity-fake: immediate retries need the SDK's retry module (@smithy/core/retry), which " +
            "could not be loaded next to @aws-sdk/client-cognito-identity; create the fake with immediateRetries: false.",
        );
      },
      { name: "retryMiddleware", step: "finalizeRequest", priority: "high", override: true },
    );
  },
};

/**
 * The plug-in made for a client's config, and the retry strategy (provider) it wraps: an installed fake adds it
 * to every send, and copying a resolved config (44 members) cost ~13 µs each time. Made again if the client's
 * `retryStrategy` was replaced since.
 */
// biome-ignore lint/suspicious/noExplicitAny: see RetryModule
const plugins = new WeakMap<object, { readonly provider: unknown; readonly plugin: Pluggable<any, any> }>();

/**
 * A `Pluggable` that replaces a (copied) stack's retry middleware with the SDK's own, whose strategy retries
 * without back-off when `config` (the client's resolved config) uses the SDK's standard strategy. When the
 * SDK's retry module cannot be found, the calls fail with an error that says so.
 *
 * @example
 * ```ts
 * const stack = client.middlewareStack.clone();
 * stack.use(fake.plugin());
 * stack.use(immediateRetryPlugin(client.config));
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: see RetryModule
export function immediateRetryPlugin(config: RetryConfig): Pluggable<any, any> {
  const mod = retryModule();
  if (!mod) return unavailable;
  const provider = config.retryStrategy;
  const known = plugins.get(config);
  if (known !== undefined && known.provider === provider) return known.plugin;
  const plugin = mod.getRetryPlugin({
    ...config,
    retryStrategy: async () =>
      immediateFor(typeof provider === "function" ? await provider() : provider, config),
  });
  plugins.set(config, { provider, plugin });
  return plugin;
}
