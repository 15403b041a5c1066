/**
 * The SDK plug-in: a middleware right after the SDK's `deserializerMiddleware` that answers the serialized,
 * retried request in-process, so the SDK's serializer, deserializer, exception classes, `$metadata` and retry
 * logic all run as against AWS.
 */
import type { Pluggable } from "@smithy/types";
import type { WireRequest, WireResponse } from "../wire/protocol";
import { engineRequest } from "./endpoint";

/**
 * The middleware's name: adding the plug-in again replaces it; `middlewareStack.remove(name)` detaches it.
 *
 * @example
 * ```ts
 * client.middlewareStack.use(fake.plugin());
 * client.middlewareStack.remove(PLUGIN_NAME); // the client talks to AWS again
 * ```
 */
export const PLUGIN_NAME = "cognitoIdentityFake";

/** Something that answers a serialized request. */
export type WireHandler = (request: WireRequest) => WireResponse;

/**
 * A `Pluggable` that answers every command of the client it is added to. It also removes the client's
 * credential resolution and SigV4 signing (`httpAuthSchemeMiddleware`, `httpSigningMiddleware`), so a client
 * with no credentials makes no credential-chain lookup; the fake does not check signatures. A request to a
 * region that does not exist fails as DNS would (`getaddrinfo ENOTFOUND <host>`).
 *
 * @example
 * ```ts
 * client.middlewareStack.use(createPlugin((request) => engine.handle(request)));
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: a Pluggable of any input/output plugs into every client, whatever copy of @smithy/types it was built with
export function createPlugin(answer: WireHandler): Pluggable<any, any> {
  return {
    applyToStack(stack) {
      // Last of the deserialize step, so inside the SDK's `deserializerMiddleware`. An absolute place, not one
      // relative to that middleware: older SDKs (3.901 and before) add it per command, so a relative entry
      // would not be in the client's stack until then and `identify()` would not list the plug-in.
      stack.add(
        () => async (args: { request: unknown }) => ({
          response: answer(engineRequest(args.request as WireRequest)),
          output: undefined,
        }),
        { name: PLUGIN_NAME, step: "deserialize", priority: "low", override: true },
      );
      stack.remove("httpAuthSchemeMiddleware");
      stack.remove("httpSigningMiddleware");
    },
  };
}
