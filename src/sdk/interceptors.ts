/**
 * `@mswjs/interceptors`, loaded when `install()` first needs it rather than when the library is imported: it
 * costs more to load (~110 ms) than the rest of the library, and most test files install once or never.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import type { HttpRequestEventMap, Interceptor } from "@mswjs/interceptors";

/** An interceptor class, with the symbol that names its running instance on `globalThis`. */
export type InterceptorClass = (new () => Interceptor<HttpRequestEventMap>) & { readonly symbol: symbol };

/** The interceptors `install()` applies. */
export interface Interceptors {
  /** `http`/`https` `ClientRequest`, global `fetch`, `XMLHttpRequest` (where it exists). */
  readonly classes: readonly InterceptorClass[];
  /** The `fetch` one, whose network errors surface as `TypeError: fetch failed`. */
  readonly fetch: InterceptorClass;
}

let loaded: Interceptors | undefined;

/**
 * The interceptor classes, loaded once, from this library's own dependency.
 *
 * @example
 * ```ts
 * for (const cls of loadInterceptors().classes) new cls().apply();
 * ```
 */
export function loadInterceptors(): Interceptors {
  if (loaded) return loaded;
  const load = createRequire(
    typeof __filename === "string" ? __filename : join(process.cwd(), "__cognito_identity_fake__.js"),
  );
  const { ClientRequestInterceptor } = load(
    "@mswjs/interceptors/ClientRequest",
  ) as typeof import("@mswjs/interceptors/ClientRequest");
  const { FetchInterceptor } = load(
    "@mswjs/interceptors/fetch",
  ) as typeof import("@mswjs/interceptors/fetch");
  const { XMLHttpRequestInterceptor } = load(
    "@mswjs/interceptors/XMLHttpRequest",
  ) as typeof import("@mswjs/interceptors/XMLHttpRequest");
  loaded = {
    classes: [ClientRequestInterceptor, FetchInterceptor, XMLHttpRequestInterceptor],
    fetch: FetchInterceptor,
  };
  return loaded;
}
