/**
 * An SDK request handler over the fake: the transport slot of a client (`requestHandler` in its config),
 * for clients the code under test builds itself, such as those of `@aws-sdk/credential-providers`.
 */
import type { WireHandler } from "./plugin";

/** The subset of the SDK's `HttpHandler` interface a client calls. */
export interface FakeRequestHandler {
  handle(request: unknown): Promise<{ response: unknown }>;
  updateHttpClientConfig(key: never, value: never): void;
  httpHandlerConfigs(): Record<string, never>;
  destroy(): void;
}

/** A request handler that answers through the fake instead of the network. */
export function createRequestHandler(answer: WireHandler): FakeRequestHandler {
  return {
    handle: async (request) => ({ response: answer(request as Parameters<WireHandler>[0]) }),
    updateHttpClientConfig: () => {},
    httpHandlerConfigs: () => ({}),
    destroy: () => {},
  };
}
