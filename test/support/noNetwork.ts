/**
 * A spy on the network for tests that promise nothing leaves the process: every socket (net/tls connect)
 * is refused and counted, and every DNS lookup of a Cognito Identity host is counted.
 */
import dns from "node:dns";
import { guardSockets } from "./helpers";

const COGNITO_IDENTITY = /cognito-identity/;

/** Starts spying; `leaks()` lists what tried to leave (sockets opened, Cognito Identity hosts looked up). */
export function spyNetwork(): { leaks: () => string[]; restore: () => void } {
  const sockets = guardSockets();
  const lookedUp: string[] = [];
  const record = (host: unknown) => {
    if (typeof host === "string" && COGNITO_IDENTITY.test(host)) lookedUp.push(host);
  };
  const lookup = jest.spyOn(dns, "lookup").mockImplementation(((host: string, ...rest: unknown[]) => {
    record(host);
    const callback = rest.find((r) => typeof r === "function") as (err: Error) => void;
    process.nextTick(() =>
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" })),
    );
  }) as unknown as typeof dns.lookup);
  const promised = jest.spyOn(dns.promises, "lookup").mockImplementation(async (host: string) => {
    record(host);
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  });
  return {
    leaks: () => [
      ...Array.from({ length: sockets.attempts() }, () => "socket"),
      ...lookedUp.map((host) => `dns:${host}`),
    ],
    restore: () => {
      sockets.restore();
      lookup.mockRestore();
      promised.mockRestore();
    },
  };
}
