/**
 * The `cognito-identity-fake` bin, spawned as a user runs it: `serve` prints its URL, answers, writes its
 * state file and exits 0 on SIGTERM; `--help` documents every flag; a bad flag exits 2 with the help.
 */
import { type ChildProcessWithoutNullStreams, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListIdentityPoolsCommand } from "@aws-sdk/client-cognito-identity";
import type { FakeServer } from "../../../src";
import { BIN, clientOf, killLeftovers, ROOT, serve } from "./support";

const POOL_ID = "eu-west-1:11111111-2222-4333-8444-555555555555";

afterAll(killLeftovers);

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

test("serve answers over HTTP, and SIGTERM stops it cleanly, writing the state file", async () => {
  const state = join(mkdtempSync(join(tmpdir(), "cif-cli-")), "state.json");
  const { child, url, output } = await serve([
    "--port",
    "0",
    "--region",
    "eu-west-1",
    "--seed",
    "7",
    "--state",
    state,
  ]);
  expect(output()).toContain("region eu-west-1, account 123456789012, state");
  const seeded = await fetch(`${url}/_fake/pools`, {
    method: "POST",
    body: JSON.stringify({
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "cli",
      AllowUnauthenticatedIdentities: true,
    }),
  });
  expect(seeded.status).toBe(200);
  const listed = await clientOf({ url } as FakeServer, "eu-west-1").send(
    new ListIdentityPoolsCommand({ MaxResults: 5 }),
  );
  expect(listed.IdentityPools).toEqual([{ IdentityPoolId: POOL_ID, IdentityPoolName: "cli" }]);
  const exit = exited(child);
  child.kill("SIGTERM");
  expect(await exit).toBe(0);
  expect(output()).toContain("stopped (SIGTERM)");
  expect(JSON.parse(readFileSync(state, "utf8")).pools).toHaveLength(1);
}, 30_000);

test("--help documents every flag; a bad flag exits 2", () => {
  const help = spawnSync(process.execPath, [...BIN, "--help"], { cwd: ROOT, encoding: "utf8" });
  expect(help.status).toBe(0);
  for (const flag of [
    "--port",
    "--host",
    "--region",
    "--account-id",
    "--seed",
    "--state",
    "--max-journal",
    "--help",
  ]) {
    expect(help.stdout).toContain(flag);
  }
  const bad = spawnSync(process.execPath, [...BIN, "serve", "--port", "eighty"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain("--port must be 0 to 65535, got eighty.");
}, 30_000);
