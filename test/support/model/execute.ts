/**
 * Executing a plan through the real SDK client (plug-in) or the fake's request handler (engine + wire).
 */
import * as sdk from "@aws-sdk/client-cognito-identity";
import type { OperationName } from "../../../src/core";
import { sdkCommand } from "../helpers";
import type { Plan } from "./planTables";
import type { Region } from "./reference";
import type { World } from "./world";

type Answer = { ok: true; output: Record<string, unknown> } | { ok: false; name: string; message: string };

/** An SDK output as plain JSON: no `$metadata`, no undefined members, dates in epoch seconds. */
export function plain(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === "$metadata" || v === undefined) continue;
      Object.defineProperty(out, k, {
        value: plain(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

async function once(
  world: World,
  op: string,
  r: Region,
  input: Record<string, unknown>,
  path: "sdk" | "wire",
): Promise<Answer> {
  if (path === "sdk") {
    try {
      const out = await world.clients[r].send(sdkCommand(op as OperationName, input));
      return { ok: true, output: plain(out) as Record<string, unknown> };
    } catch (e) {
      if (!(e instanceof sdk.CognitoIdentityServiceException)) throw e;
      return { ok: false, name: e.name, message: e.message };
    }
  }
  const { response } = await world.fake.requestHandler().handle({
    protocol: "https:",
    hostname: `cognito-identity.${r}.amazonaws.com`,
    method: "POST",
    path: "/",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `AWSCognitoIdentityService.${op}`,
    },
    body: JSON.stringify(input),
  });
  const { statusCode, body } = response as { statusCode: number; body: Uint8Array };
  const json = JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>;
  if (statusCode === 200) return { ok: true, output: plain(json) as Record<string, unknown> };
  return {
    ok: false,
    name: String(json.__type).split("#").pop() as string,
    message: String(json.message ?? json.Message ?? ""),
  };
}

/** Runs a request; `pages: "all"` follows `NextToken` and answers every page's items together. */
export async function execute(world: World, p: Plan, path: "sdk" | "wire"): Promise<Answer> {
  const first = await once(world, p.op, p.region, p.input, path);
  if (p.pages !== "all" || !first.ok) return first;
  const key = p.op === "ListIdentityPools" ? "IdentityPools" : "Identities";
  const items = [...(first.output[key] as unknown[])];
  let token = first.output.NextToken as string | undefined;
  const output = { ...first.output };
  for (let guard = 0; token !== undefined; guard++) {
    if (guard > 1000) throw new Error("pagination does not end");
    const next = await once(world, p.op, p.region, { ...p.input, NextToken: token }, path);
    if (!next.ok) return next;
    items.push(...(next.output[key] as unknown[]));
    token = next.output.NextToken as string | undefined;
  }
  delete output.NextToken;
  output[key] = items;
  return { ok: true, output };
}
