/**
 * `cognito-identity-fake/msw`: msw 2 request handlers that answer Cognito Identity requests through a fake,
 * for test suites that already intercept the network with msw's `setupServer`. They serve every client —
 * SDK v3 clients (no `install()` needed), the credential providers' internal clients, the SDK v2 and Amplify
 * JS v6 — over the same engine, journal and state as the fake's other entry points.
 */
import { HttpResponse, http, passthrough, type RequestHandler } from "msw";
import type { CognitoIdentityFake } from "../fake";
import { cognitoIdentityHost } from "../sdk/endpoint";
import { transportsInstalled } from "../sdk/install";
import { wiredAnswer } from "../sdk/requestHandler";
import { answerFetchRequest } from "../sdk/wireMessages";

/** Every URL that may be a Cognito Identity endpoint; the handler checks the host exactly. */
const COGNITO_IDENTITY_URL = /^https?:\/\/cognito-identity(?:-fips)?\.[^/]+\//;

/**
 * msw request handlers answering every Cognito Identity endpoint (every partition, FIPS and dual-stack) with
 * `fake`. A region that does not exist answers a network error, as its host would not resolve. While a fake is
 * installed with its transports (`install()` before `server.listen()`), that fake answers and these handlers
 * step aside.
 *
 * @example
 * ```ts
 * import { setupServer } from "msw/node";
 * import { createCognitoIdentityFake } from "cognito-identity-fake";
 * import { cognitoIdentityHandlers } from "cognito-identity-fake/msw";
 *
 * const fake = createCognitoIdentityFake();
 * const server = setupServer(...cognitoIdentityHandlers(fake));
 * beforeAll(() => server.listen());
 * afterAll(() => server.close());
 * ```
 */
export function cognitoIdentityHandlers(fake: CognitoIdentityFake): RequestHandler[] {
  const answer = wiredAnswer(fake.requestHandler());
  if (!answer)
    throw new TypeError("cognitoIdentityHandlers: expected a fake made by createCognitoIdentityFake()");
  return [
    http.post(COGNITO_IDENTITY_URL, async ({ request }) => {
      const host = cognitoIdentityHost(new URL(request.url).hostname);
      if (!host) return undefined;
      // install() came first and has answered this request already: answering again would apply it twice.
      if (transportsInstalled()) return passthrough();
      if (!host.known) return HttpResponse.error();
      return answerFetchRequest(answer, request);
    }),
  ];
}
