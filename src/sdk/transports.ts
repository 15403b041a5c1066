/**
 * `install()`'s answer for clients that do not send through the SDK v3 `Client.prototype.send` hook: Amplify JS
 * v6 (global `fetch`), the SDK v2 (`https.request`), browsers' `XMLHttpRequest` under jsdom, and v3 clients of
 * an SDK copy the hook did not see. While installed, every request to a Cognito Identity endpoint, whatever its
 * transport, is answered in-process by the installed fake; none reaches the network. STS `GetCallerIdentity`
 * signed with a key the fake issued is answered too; every other request passes untouched.
 *
 * Interception is `@mswjs/interceptors` (what msw is built on): it patches `http`/`https`'s `request`/`get` and
 * `ClientRequest`, global `fetch` and `XMLHttpRequest`, and its `dispose()` restores each of them.
 */
import type { HttpRequestEventMap, Interceptor } from "@mswjs/interceptors";
import { cognitoIdentityHost, isStsHost, notFound } from "./endpoint";
import { loadInterceptors } from "./interceptors";
import type { WireHandler } from "./plugin";
import { answerSts, type IssuedKey } from "./sts";
import { answerFetchRequest } from "./wireMessages";

/** What the transports answer with: the installed fake. */
export interface TransportTarget {
  readonly answer: WireHandler;
  readonly issuedKey: (accessKeyId: string) => IssuedKey | undefined;
  readonly now: () => number;
}

/**
 * The client a request came from, as its user agent tells.
 *
 * @example
 * ```ts
 * clientOf(new Request(url, { headers: { "x-amz-user-agent": "aws-amplify/6.22.1" } })); // "Amplify JS (global fetch)"
 * ```
 */
export function clientOf(request: Request): string {
  const agent = `${request.headers.get("x-amz-user-agent") ?? ""} ${request.headers.get("user-agent") ?? ""}`;
  if (agent.includes("aws-amplify/")) return "Amplify JS (global fetch)";
  if (agent.includes("aws-sdk-nodejs/") || agent.includes("aws-sdk-js/2.")) return "the AWS SDK v2";
  if (agent.includes("aws-sdk-js/3.") || agent.includes("aws-sdk-js/")) return "an AWS SDK v3 client";
  return "a client over fetch/http";
}

/**
 * The error a request the fake could not answer fails with: it names the client and the fix.
 *
 * @example
 * ```ts
 * unanswerable("the AWS SDK v2", new Error("boom")).message;
 * ```
 */
export function unanswerable(client: string, cause: unknown): Error {
  return new Error(
    `cognito-identity-fake: a Cognito Identity request from ${client} could not be answered by the installed ` +
      `fake (${cause instanceof Error ? cause.message : String(cause)}); it was not sent to AWS. Send it ` +
      "with the SDK's default Node handler, global fetch or https.request, or wire the client explicitly " +
      "(fake.plugin(), fake.requestHandler(), or the msw handlers of cognito-identity-fake/msw).",
    { cause },
  );
}

interface Controller {
  respondWith(response: Response): void;
  errorWith(reason?: unknown): void;
}

/** A network error as the transport surfaces it: Node's `fetch` wraps it in `TypeError: fetch failed`. */
type Surface = (error: Error) => unknown;
const asIs: Surface = (error) => error;
const asFetch: Surface = (error) => new TypeError("fetch failed", { cause: error });

async function onRequest(
  target: TransportTarget,
  request: Request,
  controller: Controller,
  surface: Surface,
): Promise<void> {
  const hostname = new URL(request.url).hostname;
  const host = cognitoIdentityHost(hostname);
  if (host) {
    if (!host.known) return controller.errorWith(surface(notFound(hostname)));
    try {
      controller.respondWith(await answerFetchRequest(target.answer, request));
    } catch (err) {
      controller.errorWith(surface(unanswerable(clientOf(request), err)));
    }
    return;
  }
  if (isStsHost(hostname)) {
    // A request STS would answer differently (or one that cannot be read here) goes on untouched.
    const response = await answerSts(request, target.issuedKey, target.now).catch(() => undefined);
    if (response) controller.respondWith(response);
  }
}

/** What `install()` says when msw (or another `@mswjs/interceptors` user) was intercepting before it. */
export const INTERCEPTION_TAKEN =
  "cognito-identity-fake: msw (or another user of @mswjs/interceptors) is already intercepting this process's " +
  "requests, and one process has one such interception. Either add the fake's handlers to your msw server, " +
  "setupServer(...cognitoIdentityHandlers(fake)) from cognito-identity-fake/msw, and install the fake with " +
  "fake.install({ transports: false }) (SDK v3 clients still go through install()), or call fake.install() " +
  "before server.listen().";

/** The parts of an interceptor its public API hides: its listeners. */
interface Listeners {
  listenerCount(event: "request"): number;
  removeListener(event: "request", listener: unknown): unknown;
}
const listenersOf = (interceptor: Interceptor<HttpRequestEventMap>): Listeners =>
  (interceptor as unknown as { emitter: Listeners }).emitter;

/** Disposes `interceptor`, restoring what it patched (it must be the running one for `symbol` to do so). */
function dispose(symbol: symbol, interceptor: Interceptor<HttpRequestEventMap>): void {
  (globalThis as Record<symbol, unknown>)[symbol] = interceptor;
  interceptor.dispose();
}

/**
 * Disposes `interceptor` once nobody listens to it: at once, or — when msw attached to it after install() —
 * as soon as msw detaches (`server.close()`), so msw keeps working in between and nothing stays patched.
 */
function disposeWhenUnused(symbol: symbol, interceptor: Interceptor<HttpRequestEventMap>): void {
  const listeners = listenersOf(interceptor);
  if (listeners.listenerCount("request") === 0) {
    dispose(symbol, interceptor);
    return;
  }
  const removeListener = listeners.removeListener;
  listeners.removeListener = function (this: Listeners, event, listener) {
    const result = removeListener.call(this, event, listener);
    if (listeners.listenerCount("request") === 0) {
      listeners.removeListener = removeListener;
      dispose(symbol, interceptor);
    }
    return result;
  };
}

/**
 * Starts answering Cognito Identity requests of every transport with `target`. Returns the function that
 * stops it and restores every patched global. Throws {@link INTERCEPTION_TAKEN} when msw is already
 * intercepting. An msw server started afterwards shares the interception: uninstalling then leaves it running
 * for msw (without the fake's listener) until msw closes.
 *
 * @example
 * ```ts
 * const stop = interceptTransports({ answer, issuedKey, now: Date.now });
 * await fetch("https://cognito-identity.us-east-1.amazonaws.com/", init); // answered by `answer`
 * stop();
 * ```
 */
export function interceptTransports(target: TransportTarget): () => void {
  const { classes, fetch } = loadInterceptors();
  const slots = globalThis as Record<symbol, unknown>;
  if (classes.some((cls) => slots[cls.symbol] !== undefined)) throw new Error(INTERCEPTION_TAKEN);
  const running = classes.map((cls) => {
    const surface = cls === fetch ? asFetch : asIs;
    const listener = ({ request, controller }: HttpRequestEventMap["request"][0]) =>
      onRequest(target, request, controller, surface);
    const interceptor = new cls();
    interceptor.apply();
    interceptor.on("request", listener);
    return { symbol: cls.symbol, interceptor, listener };
  });
  return () => {
    for (const { symbol, interceptor, listener } of running) {
      interceptor.off("request", listener);
      disposeWhenUnused(symbol, interceptor);
    }
  };
}
