/**
 * The peers side by side, same workload (peers/workload.ts), same run: the fake through its plug-in, moto
 * in-process (boto3 with moto's mock, in a Python child process) and moto's server through the same JS SDK
 * client. moto is not a dependency of this project: it is looked up as BENCHMARKS.md says, and when it cannot
 * be found the bench says why and goes on.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { CognitoIdentityClient } from "@aws-sdk/client-cognito-identity";
import { createCognitoIdentityFake } from "../src";
import { command } from "./cases";
import { fakeClient } from "./floor";
import { repoRoot, timeAsync } from "./harness";
import { PEER_OPERATIONS, PEER_WORLD, type PeerTiming, resolve } from "./peers/workload";

/** A figure in microseconds per call, or why there is none. */
export type PeerFigure = number | string;

/** One command of the peers' workload, per peer. */
export interface PeerRow {
  readonly name: string;
  readonly fakeUs: PeerFigure;
  readonly motoUs: PeerFigure;
  readonly motoServerUs: PeerFigure;
}

const PYTHON = process.env.PYTHON ?? "python3";

/** Where moto comes from: `MOTO_PATH`, else what `PYTHON` imports, else `<repo>/../.peers/moto` (see BENCHMARKS.md). */
function motoEnv(): { env: NodeJS.ProcessEnv; version: string } | { reason: string } {
  const fallback = join(repoRoot(), "..", ".peers", "moto");
  const candidates = process.env.MOTO_PATH
    ? [process.env.MOTO_PATH]
    : [undefined, ...(existsSync(fallback) ? [fallback] : [])];
  let reason = "";
  for (const path of candidates) {
    const env = path ? { ...process.env, PYTHONPATH: path } : process.env;
    try {
      const probe =
        "import sys, boto3, moto; print(f'moto {moto.__version__}, boto3 {boto3.__version__}, {sys.executable}')";
      const version = execFileSync(PYTHON, ["-c", probe], { env, stdio: "pipe" });
      return { env, version: version.toString().trim() };
    } catch (err) {
      const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim().split("\n").pop();
      reason = stderr || (err as Error).message;
    }
  }
  return { reason };
}

type Send = (operation: string, input: unknown) => Promise<unknown>;

/** Builds the peers' world through `send` and measures every command; failures become their error's name. */
async function runWorkload(send: Send, timing: PeerTiming): Promise<Map<string, PeerFigure>> {
  const pool = ((await send("CreateIdentityPool", PEER_WORLD.pool)) as { IdentityPoolId: string })
    .IdentityPoolId;
  const pool2 = ((await send("CreateIdentityPool", PEER_WORLD.pool2)) as { IdentityPoolId: string })
    .IdentityPoolId;
  await send("SetIdentityPoolRoles", { IdentityPoolId: pool, Roles: PEER_WORLD.roles }).catch(
    () => undefined,
  );
  const guests: string[] = [];
  for (let g = 0; g < PEER_WORLD.guests; g++)
    guests.push(((await send("GetId", { IdentityPoolId: pool })) as { IdentityId: string }).IdentityId);
  const figures = new Map<string, PeerFigure>();
  for (const op of PEER_OPERATIONS) {
    const call = (n: number) =>
      send(
        op.operation,
        resolve(op.input, {
          pool,
          pool2,
          guest: guests[n % guests.length] as string,
          i: `${n}`,
          k: `${n % 60}`,
        }),
      );
    const options = op.creates
      ? { warmup: timing.createWarmup, iterations: timing.createIterations, repeats: timing.repeats }
      : timing;
    try {
      figures.set(op.name, await timeAsync(call, options));
    } catch (err) {
      const message = (err as Error).message.replace(/\s+/g, " ").slice(0, 50);
      figures.set(op.name, `fails: ${(err as Error).name} (${message})`);
    }
  }
  return figures;
}

const sendThrough =
  (client: CognitoIdentityClient): Send =>
  (operation, input) =>
    client.send(command(operation as Parameters<typeof command>[0], input as Record<string, unknown>));

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on("error", fail);
  });
}

/** moto's server on a free port, once it answers; stopped by the caller with `child.kill()`. */
async function startMotoServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(PYTHON, ["-m", "moto.server", "-H", "127.0.0.1", "-p", `${port}`], {
    env,
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`moto.server exited with ${child.exitCode}`);
    const up = await fetch(`${url}/moto-api/`).then(
      () => true,
      () => false,
    );
    if (up) return { child, url };
    await new Promise((r) => setTimeout(r, 150));
  }
  child.kill();
  throw new Error("moto.server did not answer within 15 s");
}

/** The peers' table, and a note per peer that could not run. */
export async function peers(quick: boolean): Promise<{ rows: PeerRow[]; notes: string[] }> {
  const timing: PeerTiming = quick
    ? { warmup: 30, iterations: 20, repeats: 3, createWarmup: 5, createIterations: 10 }
    : { warmup: 100, iterations: 60, repeats: 5, createWarmup: 10, createIterations: 20 };
  const notes: string[] = [];
  const fake = await runWorkload(sendThrough(fakeClient(createCognitoIdentityFake())), timing);
  let moto = new Map<string, PeerFigure>();
  let server = new Map<string, PeerFigure>();
  const located = motoEnv();
  if ("reason" in located) {
    notes.push(`moto: not available (${located.reason})`);
  } else {
    notes.push(located.version);
    moto = motoInProcess(located.env, timing, notes);
    server = await motoServer(located.env, timing, notes);
  }
  const rows = PEER_OPERATIONS.map((op) => ({
    name: op.name,
    fakeUs: fake.get(op.name) ?? "",
    motoUs: moto.get(op.name) ?? "n/a",
    motoServerUs: server.get(op.name) ?? "n/a",
  }));
  return { rows, notes };
}

function motoInProcess(env: NodeJS.ProcessEnv, timing: PeerTiming, notes: string[]): Map<string, PeerFigure> {
  const script = join(repoRoot(), "bench", "peers", "moto_inprocess.py");
  const spec = JSON.stringify({ world: PEER_WORLD, operations: PEER_OPERATIONS, timing });
  try {
    const out = execFileSync(PYTHON, [script, spec], { env, stdio: "pipe", maxBuffer: 1 << 20 });
    const { results } = JSON.parse(out.toString()) as {
      results: Record<string, number | { error: string }>;
    };
    return new Map(
      Object.entries(results).map(([name, r]) => [name, typeof r === "number" ? r : `fails: ${r.error}`]),
    );
  } catch (err) {
    notes.push(`moto in-process: not available (${(err as Error).message.split("\n")[0]})`);
    return new Map();
  }
}

async function motoServer(
  env: NodeJS.ProcessEnv,
  timing: PeerTiming,
  notes: string[],
): Promise<Map<string, PeerFigure>> {
  let started: { child: ChildProcess; url: string } | undefined;
  try {
    started = await startMotoServer(env);
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      endpoint: started.url,
      credentials: {
        accessKeyId: "AKIAIOSFODNN7EXAMPLE",
        secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      },
    });
    return await runWorkload(sendThrough(client), timing);
  } catch (err) {
    notes.push(`moto server: not available (${(err as Error).message})`);
    return new Map();
  } finally {
    started?.child.kill();
  }
}
