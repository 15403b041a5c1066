/**
 * An SDK request handler over the fake: the transport slot of a client (`requestHandler` in its config),
 * for clients the code under test builds itself, such as those of `@aws-sdk/credential-providers`.
 */

import type { Pluggable } from "@smithy/types";
import { engineRequest } from "./endpoint";
import { createPlugin, type WireHandler } from "./plugin";

/** Where a fake request handler keeps the fake it answers with, so `install()` can honour explicit wiring. */
export const WIRED_FAKE = Symbol.for("cognito-identity-fake.requestHandler");

/** The subset of the SDK's `HttpHandler` interface a client calls. */
export interface FakeRequestHandler {
  handle(request: unknown): Promise<{ response: unknown }>;
  updateHttpClientConfig(key: never, value: never): void;
  httpHandlerConfigs(): Record<string, never>;
  destroy(): void;
}

/**
 * A request handler that answers through the fake instead of the network. A request to a region that does not
 * exist fails as DNS would (`getaddrinfo ENOTFOUND <host>`).
 *
 * @example
 * ```ts
 * const client = new CognitoIdentityClient({ region: "us-east-1", requestHandler: createRequestHandler(answer) });
 * ```
 */
export function createRequestHandler(answer: WireHandler): FakeRequestHandler {
  const handler: FakeRequestHandler = {
    handle: async (request) => ({ response: answer(engineRequest(request as Parameters<WireHandler>[0])) }),
    updateHttpClientConfig: () => {},
    httpHandlerConfigs: () => ({}),
    destroy: () => {},
  };
  Object.defineProperty(handler, WIRED_FAKE, { value: answer });
  return handler;
}

/**
 * The answer function of a fake request handler, or `undefined` for any other handler.
 *
 * @example
 * ```ts
 * wiredAnswer(client.config.requestHandler); // the fake this client was built with, if any
 * ```
 */
export function wiredAnswer(handler: unknown): WireHandler | undefined {
  if (typeof handler !== "object" || handler === null) return undefined;
  const answer = (handler as { [WIRED_FAKE]?: unknown })[WIRED_FAKE];
  return typeof answer === "function" ? (answer as WireHandler) : undefined;
}

/** The plug-in of each fake a client was wired to with `requestHandler()`. */
// biome-ignore lint/suspicious/noExplicitAny: a Pluggable of any input/output plugs into every client
const wiredPlugins = new WeakMap<WireHandler, Pluggable<any, any>>();

/**
 * For a client built with a fake's request handler, that fake's plug-in (so `install()` routes the client to the
 * fake it was wired to, without signing); `undefined` for any other handler.
 *
 * @example
 * ```ts
 * stack.use(wiredPlugin(client.config.requestHandler) ?? installedPlugin);
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: see wiredPlugins
export function wiredPlugin(handler: unknown): Pluggable<any, any> | undefined {
  const answer = wiredAnswer(handler);
  if (!answer) return undefined;
  let plugin = wiredPlugins.get(answer);
  if (!plugin) {
    plugin = createPlugin(answer);
    wiredPlugins.set(answer, plugin);
  }
  return plugin;
}
