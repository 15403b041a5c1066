/**
 * Process-wide interception: `install()` hooks `send` on the SDK's shared base `Client.prototype`, so every
 * Cognito Identity client of the process — the public `CognitoIdentityClient` and the internal one of
 * `@aws-sdk/nested-clients` that `fromCognitoIdentityPool` / `fromCognitoIdentity` build — is answered by the
 * fake, with no per-client set-up. Other services' clients pass through untouched.
 *
 * How a command of a Cognito Identity client (`config.serviceId === "Cognito Identity"`) is routed while
 * installed: `send` runs on a stand-in object whose prototype is the client, with a copy of the client's
 * middleware stack that carries the fake's plug-in (unless the client already has one) and a copy of its
 * config whose region falls back to the fake's region when the client resolves none. The client itself is
 * never modified, so uninstalling leaves nothing behind in it.
 *
 * Clients that do not send through that hook (Amplify's `fetch`, the SDK v2's `https.request`, a v3 copy the
 * hook did not see) are answered by the same fake at the transport (see `transports.ts`), so no Cognito
 * Identity request leaves the process while installed. A client wired to a fake with `requestHandler()` is
 * answered by that fake, and needs no credentials (its signing is removed as the plug-in removes it).
 *
 * While installed, `AWS_EC2_METADATA_DISABLED` is set (when it was unset), so resolving the region of a client
 * with none does not wait on the EC2 instance-metadata service; uninstall restores it.
 *
 * One fake at a time: installing a second fake while one is installed throws; installing the same fake
 * again is a no-op.
 */
import type { Pluggable } from "@smithy/types";
import { basePrototype, type ClientClass, clientClasses } from "./clientClasses";

export type { ClientClass } from "./clientClasses";

import { guardHttp2 } from "./http2Guard";
import { PLUGIN_NAME } from "./plugin";
import { wiredPlugin } from "./requestHandler";
import { immediateRetryPlugin } from "./retryPlugin";
import { interceptTransports, type TransportTarget } from "./transports";

/** The `serviceId` of every Cognito Identity client's config. */
export const COGNITO_IDENTITY_SERVICE_ID = "Cognito Identity";
const IMDS_DISABLED = "AWS_EC2_METADATA_DISABLED";

/** Options of `fake.install()`. */
export interface InstallOptions {
  /**
   * More client classes whose shared base class to hook, besides those `install()` finds itself with
   * `require` from the working directory (the public client, `@aws-sdk/nested-clients/cognito-identity`
   * and the copies that `@aws-sdk/credential-providers` resolves). Pass the classes your code imports when
   * they come from another copy of the SDK, such as its ESM build under an ESM test runner.
   */
  readonly clients?: readonly ClientClass[];
  /**
   * Whether to answer the clients that send over `fetch`, `http`/`https` or `XMLHttpRequest` (Amplify, the
   * SDK v2, SDK copies the hook did not see). Default `true`. Pass `false` when msw intercepts the process
   * and serves Cognito Identity with `cognitoIdentityHandlers(fake)`.
   */
  readonly transports?: boolean;
}

/** What an installed fake answers with: its plug-in for SDK v3 clients, its transports' answers for the rest. */
export interface InstallTarget extends TransportTarget {
  // biome-ignore lint/suspicious/noExplicitAny: the plug-in is added to every copy of the SDK's middleware stack
  readonly plugin: Pluggable<any, any>;
  /** The region for clients that resolve none. */
  readonly region: string;
  /** Whether clients on the SDK's default retry strategy retry without back-off. */
  readonly immediateRetries?: boolean;
}

interface StackLike {
  clone(): StackLike;
  // biome-ignore lint/suspicious/noExplicitAny: see InstallTarget.plugin
  use(plugin: Pluggable<any, any>): void;
  /** Removes the entry of that name; whether there was one. */
  remove(name: string): boolean;
}

interface ClientLike {
  readonly config?: Record<string, unknown>;
  readonly middlewareStack?: StackLike;
}

type Send = (this: ClientLike, ...args: unknown[]) => unknown;

interface Hook {
  readonly proto: { send: Send };
  readonly original: PropertyDescriptor;
  readonly hooked: Send;
}

interface Installation {
  readonly target: InstallTarget;
  readonly hooks: Hook[];
  readonly imdsWasUnset: boolean;
  /** Whether the transports (fetch, http, XMLHttpRequest) are answered by this installation. */
  readonly transports: boolean;
  readonly stopTransports: () => void;
}

/** Shared by every copy of this library in the process (one registry per global object). */
interface Registry {
  active?: Installation;
}
const REGISTRY_KEY = Symbol.for("cognito-identity-fake.install");
const globals = globalThis as Record<symbol, Registry | undefined>;
const registry: Registry = globals[REGISTRY_KEY] ?? {};
globals[REGISTRY_KEY] = registry;

const isRegionMissing = (err: unknown): boolean =>
  err instanceof Error && err.message === "Region is missing";

/** Clients whose region provider found no region: the SDK memoizes a region it finds, so this is remembered too. */
const regionless = new WeakSet<object>();

/** A provider that answers `fallback` where `provider` fails only because the client has no region. */
function withFallback<T>(client: object, provider: unknown, fallback: T): unknown {
  if (typeof provider !== "function") return provider;
  return async () => {
    if (regionless.has(client)) return fallback;
    try {
      return await (provider as () => Promise<unknown>)();
    } catch (err) {
      if (!isRegionMissing(err)) throw err;
      regionless.add(client);
      return fallback;
    }
  };
}

/** The object `send` runs on for a Cognito Identity client: the client, with the fake's stack and region. */
function standIn(client: ClientLike, target: InstallTarget): ClientLike {
  const config = client.config ?? {};
  let stack = client.middlewareStack;
  // A copy without the plug-in; if there was one (the user plugged a fake in), the client's own stack answers.
  // `remove` tells in one lookup what listing the stack (`identify()`, ~34 µs per send) told before.
  const copy = stack?.clone();
  if (copy && !copy.remove(PLUGIN_NAME)) {
    copy.use(wiredPlugin(config.requestHandler) ?? target.plugin);
    if (target.immediateRetries) copy.use(immediateRetryPlugin(config));
    stack = copy;
  }
  const routedConfig = {
    ...config,
    cacheMiddleware: false,
    region: withFallback(client, config.region, target.region),
    useFipsEndpoint: withFallback(client, config.useFipsEndpoint, false),
  };
  return Object.create(client, {
    config: { value: routedConfig },
    middlewareStack: { value: stack },
    handlers: { value: undefined, writable: true, configurable: true },
  }) as ClientLike;
}

function hookPrototype(proto: { send: Send }): Hook | undefined {
  const original = Object.getOwnPropertyDescriptor(proto, "send");
  const send = original?.value;
  if (!original || typeof send !== "function") return undefined;
  const hooked: Send = function (this: ClientLike, ...args: unknown[]) {
    const active = registry.active;
    if (active && this?.config?.serviceId === COGNITO_IDENTITY_SERVICE_ID) {
      return (send as Send).apply(standIn(this, active.target), args);
    }
    return (send as Send).apply(this, args);
  };
  Object.defineProperty(proto, "send", { ...original, value: hooked });
  return { proto, original, hooked };
}

function hookAll(installation: Installation, classes: Iterable<ClientClass>): void {
  for (const cls of classes) {
    const proto = basePrototype<{ send: Send }>(cls);
    if (!proto || installation.hooks.some((h) => h.proto === proto)) continue;
    const hook = hookPrototype(proto);
    if (hook) installation.hooks.push(hook);
  }
}

/** One function that runs each of `stops`. */
const stopAll =
  (...stops: (() => void)[]) =>
  (): void => {
    for (const stop of stops) stop();
  };

/**
 * Starts answering every Cognito Identity client of the process with `target`. Returns the function that
 * undoes it. Throws when another target is installed; installing the same target again only hooks the
 * classes in `options` that were not hooked yet.
 *
 * @example
 * ```ts
 * const uninstall = installFake({ plugin: createPlugin(answer), region: "us-east-1" });
 * // … every CognitoIdentityClient in the process is answered by `answer` …
 * uninstall();
 * ```
 */
export function installFake(target: InstallTarget, options: InstallOptions = {}): () => void {
  const current = registry.active;
  if (current && current.target !== target) {
    throw new Error(
      "cognito-identity-fake: another fake is already installed in this process; call its uninstall() first.",
    );
  }
  if (current) {
    hookAll(current, options.clients ?? []);
    return () => uninstallFake(target);
  }
  const imdsWasUnset = process.env[IMDS_DISABLED] === undefined;
  const installation: Installation = {
    target,
    hooks: [],
    imdsWasUnset,
    transports: options.transports !== false,
    stopTransports: stopAll(
      options.transports === false ? () => {} : interceptTransports(target),
      guardHttp2(),
    ),
  };
  hookAll(installation, clientClasses(options.clients ?? []));
  if (installation.imdsWasUnset) process.env[IMDS_DISABLED] = "true";
  registry.active = installation;
  return () => uninstallFake(target);
}

/**
 * Whether an installed fake answers the transports itself (then it answers every Cognito Identity request
 * before msw's handlers see it, so they step aside rather than answer a second time).
 *
 * @example
 * ```ts
 * if (transportsInstalled()) return passthrough();
 * ```
 */
export function transportsInstalled(): boolean {
  return registry.active?.transports === true;
}

/**
 * Undoes {@link installFake} for `target`: restores every hooked `send` and the environment. A no-op when
 * `target` is not the installed one. A `send` that something else replaced after the hook (a stub) is left
 * alone; the hook under it passes every call through once uninstalled.
 *
 * @example
 * ```ts
 * uninstallFake(target);
 * ```
 */
export function uninstallFake(target: InstallTarget): void {
  const installation = registry.active;
  if (!installation || installation.target !== target) return;
  registry.active = undefined;
  for (const { proto, original, hooked } of installation.hooks) {
    if (Object.getOwnPropertyDescriptor(proto, "send")?.value === hooked) {
      Object.defineProperty(proto, "send", original);
    }
  }
  if (installation.imdsWasUnset) delete process.env[IMDS_DISABLED];
  installation.stopTransports();
}
