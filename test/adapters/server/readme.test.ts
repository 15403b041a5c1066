/**
 * The README's "Server mode" and "Other languages and tools" examples: the TypeScript one verbatim but for the
 * imports; the command line, Python and shell ones read from the README and run against a live server (the
 * documented `http://127.0.0.1:4566` replaced by its URL).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CognitoIdentityClient, ListIdentityPoolsCommand } from "@aws-sdk/client-cognito-identity";
import { type CognitoIdentityFake, createCognitoIdentityFake, type FakeServer } from "../../../src";
import { codeBlocks, readmeSection } from "../../support/readme";
import { killLeftovers, runTool, serve, served, testWith } from "./support";

const SECTION = readmeSection("Server mode") + readmeSection("Other languages and tools");
const blocks = (lang: string) => codeBlocks(SECTION, lang);
const DOCUMENTED_URL = "http://127.0.0.1:4566";

let fake: CognitoIdentityFake;
let server: FakeServer;
beforeAll(async () => {
  ({ fake, server } = await served());
});
afterAll(async () => {
  killLeftovers();
  await server.close();
});

/** The tools' environment: Debian's python3 and aws first, no AWS configuration of the machine's. */
const TOOL_ENV = {
  ...process.env,
  PATH: `/usr/bin:${process.env.PATH}`,
  AWS_CONFIG_FILE: "/dev/null",
  AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  AWS_PAGER: "",
};
const run = (command: string, args: string[]) => runTool(command, args, TOOL_ENV);

test("the TypeScript example", async () => {
  const fake = createCognitoIdentityFake();
  const server = await fake.listen({ port: 0 }); // host 127.0.0.1 by default; port 0: any free port
  const credentials = { accessKeyId: "fake", secretAccessKey: "fake" }; // any: signatures are not checked
  const client = new CognitoIdentityClient({ region: "us-east-1", endpoint: server.url, credentials });
  await client.send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
  expect(fake.calls.length).toBe(1);
  await server.close(); // no handle left open
  expect(SECTION).toContain(
    'const client = new CognitoIdentityClient({ region: "us-east-1", endpoint: server.url, credentials });',
  );
});

test("the command line serves with the README's flags and stops on SIGTERM", async () => {
  const line = /npx cognito-identity-fake serve (.*)/.exec(SECTION)?.[1] ?? "";
  expect(line).toBe("--port 4566 --state fake-state.json");
  const state = join(mkdtempSync(join(tmpdir(), "cif-readme-")), "fake-state.json");
  const args = line.replace("4566", "0").replace("fake-state.json", state).split(" ");
  const { child } = await serve(args);
  const exit = new Promise((resolve) => child.on("exit", resolve));
  child.kill("SIGTERM");
  expect(await exit).toBe(0);
  expect(JSON.parse(readFileSync(state, "utf8")).version).toBe(1);
}, 30_000);

const hasBoto3 = spawnOk("/usr/bin/python3", "import boto3");
testWith(hasBoto3, "boto3 for /usr/bin/python3", "the boto3 example", async () => {
  const [python] = blocks("python");
  const { code, out } = await run("/usr/bin/python3", [
    "-c",
    (python as string).replace(DOCUMENTED_URL, server.url),
  ]);
  expect(out).toMatch(/^ASIA[A-Z0-9]{16}\n$/);
  expect(code).toBe(0);
  expect(fake.issuedCredentials).toHaveLength(1);
});

testWith(
  hasBoto3 && spawnOk("/usr/bin/aws", "--version"),
  "the AWS CLI (/usr/bin/aws)",
  "the AWS CLI and curl example",
  async () => {
    fake.reset();
    const [shell] = blocks("sh").filter((b) => b.includes("curl"));
    const { code, out } = await run("sh", [
      "-e",
      "-c",
      (shell as string).replaceAll(DOCUMENTED_URL, server.url),
    ]);
    expect(code).toBe(0);
    expect(out).toContain('"IdentityPools": []');
    expect(out).toContain('{"token":"');
    expect(fake.calls.map((c) => c.operation)).toEqual(["ListIdentityPools"]);
  },
);

function spawnOk(command: string, arg: string): boolean {
  return spawnSync(command, arg.startsWith("--") ? [arg] : ["-c", arg]).status === 0;
}
