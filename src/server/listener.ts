/**
 * The HTTP listener of server mode (node:http): binds, applies the connection timeouts, loads and saves the
 * state file, and closes with no handle left open.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeServer, ListenOptions, ServerHost } from "./host";
import { DEFAULT_MAX_JOURNAL, HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from "./limits";
import { loadStateFile, saveStateFile } from "./persistence";
import { route } from "./routing";

/**
 * Starts a server over the host's engine and fake. A state file that exists is loaded first; one that cannot
 * be used rejects the promise (and is left untouched).
 *
 * @example
 * ```ts
 * const server = await listen({ engine, fake }, { port: 0 });
 * server.url; // "http://127.0.0.1:54321"
 * await server.close();
 * ```
 */
export async function listen(host: ServerHost, options: ListenOptions = {}): Promise<FakeServer> {
  const { stateFile } = options;
  const accountId = host.engine.options.accountId;
  if (stateFile) {
    const loaded = loadStateFile(stateFile, accountId);
    if (loaded) host.engine.state = loaded;
  }
  const save = stateFile
    ? () => {
        saveStateFile(stateFile, host.engine.state, accountId);
        return stateFile;
      }
    : undefined;
  const headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, headersTimeout);
  const server = createServer(
    { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1000, headersTimeout / 2) },
    (req, res) => {
      void route(host, { maxJournal: options.maxJournal ?? DEFAULT_MAX_JOURNAL, save }, req, res);
    },
  );
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    const status = err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout" : "400 Bad Request";
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\n\r\n`);
    socket.destroy();
  });
  const hostname = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shown = hostname.includes(":") ? `[${hostname}]` : hostname;
  let closing: Promise<void> | undefined;
  return Object.freeze({
    url: `http://${shown}:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        let saveError: unknown;
        try {
          save?.();
        } catch (err) {
          saveError = err;
        }
        server.close(() => (saveError ? reject(saveError) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  });
}
