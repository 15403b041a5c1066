/**
 * Routing of one HTTP request: the service's wire protocol on `POST /` (JSON 1.1, answered by the engine in the
 * request's region), the OpenID discovery documents under `/.well-known/`, the control plane under `/_fake/`,
 * CORS on every answer. Each wire request is one synchronous engine call, so concurrent requests keep
 * per-command atomicity.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { regionOfHost, type WireRequest } from "../wire/protocol";
import { control } from "./control";
import { answerPreflight, corsHeaders } from "./cors";
import type { ServerHost } from "./host";
import { BodyTooLargeError, MAX_BODY_BYTES, readBody, trimOldest } from "./limits";
import { requestRegion } from "./region";
import { type JsonAnswer, wellKnown } from "./wellKnown";

/** What routing needs besides the host. */
export interface RouteSettings {
  readonly maxJournal: number;
  readonly save?: () => string;
}

const sendJson = (res: ServerResponse, answer: JsonAnswer): void => {
  res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
};

/** Answers the service's wire protocol for one request body. */
function answerWire(
  host: ServerHost,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  max: number,
): void {
  const text = body.toString("utf8");
  const authorization = req.headers.authorization;
  const region = requestRegion({ authorization, host: req.headers.host }, text, host.engine.options.region);
  const request: WireRequest = {
    hostname: `cognito-identity.${region}.amazonaws.com`,
    headers: req.headers as WireRequest["headers"],
    body: text,
  };
  const response = host.engine.handle(request);
  trimOldest(host.engine.calls, max);
  trimOldest(host.engine.issued, max);
  res.writeHead(response.statusCode, response.headers).end(response.body);
}

/**
 * Answers one request. Never throws: a failure inside answers 500 with a message, and the server keeps serving.
 *
 * @example
 * ```ts
 * createServer((req, res) => route(host, { maxJournal: 5000 }, req, res));
 * ```
 */
export async function route(
  host: ServerHost,
  settings: RouteSettings,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (answerPreflight(req, res)) return;
  corsHeaders(req, res);
  let body: Buffer;
  try {
    body = await readBody(req, MAX_BODY_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      res.setHeader("connection", "close");
      sendJson(res, { status: 413, body: { message: err.message } });
      req.resume();
    } else {
      req.destroy();
    }
    return;
  }
  try {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    if (url.pathname === "/" && req.method === "POST") {
      answerWire(host, req, res, body, settings.maxJournal);
    } else if (url.pathname === "/_fake" || url.pathname.startsWith("/_fake/")) {
      const path = url.pathname.slice("/_fake".length);
      sendJson(
        res,
        control(host, {
          method: req.method ?? "GET",
          path,
          body: body.toString("utf8"),
          save: settings.save,
        }),
      );
    } else {
      const region = url.searchParams.get("region") ?? regionOfHost(url.hostname);
      const known = req.method === "GET" ? wellKnown(host.fake, url, region ?? undefined) : undefined;
      sendJson(
        res,
        known ?? {
          status: 404,
          body: {
            message: `No route ${req.method} ${url.pathname}: the service answers POST /, the control plane /_fake/.`,
          },
        },
      );
    }
  } catch (err) {
    if (!res.headersSent) sendJson(res, { status: 500, body: { message: String(err) } });
    else res.destroy();
  }
}
