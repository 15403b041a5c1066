/**
 * Robustness of a long-running server: the 1 MB body limit (413), slow and broken connections that never stop
 * it, the bounded journal, and a `close()` that leaves nothing open.
 */
import net from "node:net";
import { ListIdentityPoolsCommand } from "@aws-sdk/client-cognito-identity";
import type { CognitoIdentityFake, FakeServer } from "../../../src";
import { clientOf, served } from "./support";

let fake: CognitoIdentityFake;
let server: FakeServer;

beforeAll(async () => {
  ({ fake, server } = await served({
    maxJournal: 10,
    headersTimeoutMs: 300,
    requestTimeoutMs: 600,
  }));
});
afterAll(() => server.close());

const stillServes = async () =>
  expect(
    (await clientOf(server).send(new ListIdentityPoolsCommand({ MaxResults: 1 }))).IdentityPools,
  ).toEqual([]);

const post = (path: string, body: string) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "x-amz-target": "AWSCognitoIdentityService.ListIdentityPools" },
    body,
  });

test("a body over 1 MB answers 413, on the service and on the control plane; one under passes", async () => {
  const big = `{"MaxResults":1,"pad":"${"x".repeat(1024 * 1024)}"}`;
  const refused = await post("/", big);
  expect(refused.status).toBe(413);
  expect(await refused.json()).toEqual({ message: "Request body exceeds 1048576 bytes." });
  expect((await post("/_fake/pools", big)).status).toBe(413);
  const under = await post("/", `{"MaxResults":1,"pad":"${"x".repeat(1000 * 1000)}"}`);
  expect(under.status).toBe(200);
  await stillServes();
});

/** A raw connection that sends `text` and then stalls; resolves with what the server wrote when it closed it. */
function stall(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, "127.0.0.1", () => socket.write(text));
    let received = "";
    socket.on("data", (d) => {
      received += d.toString();
    });
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
  });
}

test("slow-loris headers and a stalled body are cut off while the server keeps serving", async () => {
  const slowHeaders = stall("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nx-amz-target: Aws");
  const slowBody = stall('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-length: 100\r\n\r\n{"Max');
  await stillServes();
  expect(await slowHeaders).toMatch(/^HTTP\/1\.1 408/);
  expect(await slowBody).toMatch(/^HTTP\/1\.1 408/);
  await stillServes();
});

test("broken connections and garbage do not stop the server", async () => {
  await new Promise<void>((resolve) => {
    const socket = net.connect(server.port, "127.0.0.1", () => {
      socket.write("POST / HTTP/1.1\r\nHost: x\r\ncontent-length: 50\r\n\r\n{");
      socket.destroy();
      resolve();
    });
  });
  expect(await stall("\x00\x01 not http\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/);
  await stillServes();
});

test("the journal keeps the newest entries up to its bound", async () => {
  const client = clientOf(server);
  for (let i = 1; i <= 25; i++) await client.send(new ListIdentityPoolsCommand({ MaxResults: i }));
  expect(fake.calls).toHaveLength(10);
  expect(fake.calls.at(-1)?.input).toEqual({ MaxResults: 25 });
});

test("close() ends open keep-alive connections and frees the port", async () => {
  const { server: other } = await served();
  await clientOf(other).send(new ListIdentityPoolsCommand({ MaxResults: 1 }));
  await other.close();
  await expect(fetch(`${other.url}/_fake`)).rejects.toThrow();
  await expect(other.close()).resolves.toBeUndefined();
});
