/**
 * Load on loopback: 10,000 requests from 50 concurrent clients (each its own keep-alive connection, speaking
 * the wire protocol as boto3 or the CLI would), racing on the same logins. No request fails, and every login
 * ends up with exactly one identity (none lost, none duplicated). The SDK's own path over HTTP is covered by
 * `sdk.test.ts`; here the client side is kept light so the count, not the client, is what is tested.
 */
import { Agent, request } from "node:http";
import type { CognitoIdentityFake, FakeServer } from "../../../src";
import { POOL_ID, served } from "./support";

const CLIENTS = 50;
const PER_CLIENT = 200;
const LOGINS = 2500;
let fake: CognitoIdentityFake;
let server: FakeServer;

beforeAll(async () => {
  ({ fake, server } = await served({ maxJournal: CLIENTS * PER_CLIENT }));
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "load",
    AllowUnauthenticatedIdentities: false,
    SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
  });
});
afterAll(() => server.close());

/** One `GetId` over the wire protocol. */
function getId(agent: Agent, body: string): Promise<{ status: number; json: { IdentityId: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      server.url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": "AWSCognitoIdentityService.GetId",
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

test("10,000 requests from 50 clients: no error, one identity per login", async () => {
  const owners = new Map<string, Set<string>>();
  const worker = async (w: number) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; i < PER_CLIENT; i++) {
      // Request n asks for login n mod 2500: each login is asked for four times, by four different clients.
      const login = `user-${(w * PER_CLIENT + i) % LOGINS}`;
      const body = JSON.stringify({ IdentityPoolId: POOL_ID, Logins: { "graph.facebook.com": login } });
      const { status, json } = await getId(agent, body);
      expect(status).toBe(200);
      const seen = owners.get(login) ?? new Set<string>();
      seen.add(json.IdentityId);
      owners.set(login, seen);
    }
    agent.destroy();
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, w) => worker(w)));
  expect(fake.calls).toHaveLength(CLIENTS * PER_CLIENT);
  expect(fake.calls.filter((c) => c.error)).toEqual([]);
  expect(owners.size).toBe(LOGINS);
  expect([...owners.values()].filter((ids) => ids.size !== 1)).toEqual([]);
  expect(fake.listIdentities(POOL_ID)).toHaveLength(LOGINS);
}, 300_000);
