/**
 * Shared set-up of the server tests: a fake served on a loopback port, and SDK clients pointed at it.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { join } from "node:path";
import { CognitoIdentityClient } from "@aws-sdk/client-cognito-identity";
import { type CognitoIdentityFake, createCognitoIdentityFake, type FakeServer } from "../../../src";

/** Credentials a client signs with; the server reads only their scope's region. */
export const CREDENTIALS = { accessKeyId: "AKIAFAKEFAKEFAKEFAKE", secretAccessKey: "fake-secret" };

/** A fixed pool id of us-east-1 for seeding in-process. */
export const POOL_ID = "us-east-1:11111111-2222-4333-8444-555555555555";

/** A served fake with a fixed clock; `close()` it in `afterAll`/`afterEach`. */
export async function served(
  options: Parameters<CognitoIdentityFake["listen"]>[0] = {},
): Promise<{ fake: CognitoIdentityFake; server: FakeServer }> {
  const fake = createCognitoIdentityFake({ now: () => new Date("2026-01-01T00:00:00Z") });
  const server = await fake.listen(options);
  return { fake, server };
}

/** A real client pointed at the server, signing for `region`, one attempt. */
export const clientOf = (server: FakeServer, region = "us-east-1"): CognitoIdentityClient =>
  new CognitoIdentityClient({ region, endpoint: server.url, credentials: CREDENTIALS, maxAttempts: 1 });

/** JSON of a control-plane call. */
export async function controlCall(
  server: FakeServer,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/_fake${path}`, {
    method: body === undefined ? "GET" : "POST",
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** The repository root. */
export const ROOT = join(__dirname, "..", "..", "..");
/** Node arguments that run the bin from source. */
export const BIN = ["--import", "tsx", join(ROOT, "src", "cli", "main.ts")];

const children: ChildProcessWithoutNullStreams[] = [];

/** Kills every spawned bin still running (after a failed test); for `afterAll`. */
export function killLeftovers(): void {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
}

/** Spawns `serve` and resolves with its URL once it prints it. */
export function serve(
  args: string[],
): Promise<{ child: ChildProcessWithoutNullStreams; url: string; output: () => string }> {
  const child = spawn(process.execPath, [...BIN, "serve", ...args], { cwd: ROOT });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      output += d.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url, output: () => output });
    });
    child.stderr.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.on("exit", (code) => reject(new Error(`the bin exited (${code}) before listening: ${output}`)));
  });
}

/** A test that needs a tool: fails under CI when the tool is missing, else is skipped with a loud message. */
export function testWith(available: boolean, tool: string, name: string, body: () => Promise<void>): void {
  if (available || process.env.CI) {
    test(name, async () => {
      if (!available) throw new Error(`${tool} is missing: run .ci/python-deps (as root) to install it.`);
      await body();
    }, 120_000);
  } else {
    console.warn(
      `\n*** SKIPPED: ${name}: ${tool} is missing. Run .ci/python-deps (as root) to install it. ***\n`,
    );
    test.skip(name, () => undefined);
  }
}

/**
 * Runs a command to its end without blocking this process (the in-process server answers it from here), and
 * answers its exit code and everything it printed (stdout and stderr, interleaved).
 *
 * @example
 * ```ts
 * const { code, out } = await runTool("/usr/bin/python3", ["test/python/test_boto3.py"], env);
 * ```
 */
export function runTool(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, out }));
  });
}
