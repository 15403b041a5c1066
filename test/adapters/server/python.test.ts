/**
 * boto3 and the AWS CLI against the server, as Python teams and shell scripts use it. The server runs in this
 * process; `test/python/test_boto3.py` drives every operation of the boto3 client and the ListIdentityPools
 * paginator with Debian's boto3 (`/usr/bin/python3`), then one AWS CLI call runs with `--endpoint-url`.
 * Missing tools fail the test under CI (`.ci/python-deps` installs them) and are skipped loudly elsewhere.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { CognitoIdentityFake, FakeServer } from "../../../src";
import { POOL_ID, runTool, served, testWith } from "./support";

const PYTHON = "/usr/bin/python3";
const AWS = "/usr/bin/aws";
const hasBoto3 = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import boto3"]).status === 0;
const hasCli = existsSync(AWS);
const ENV = {
  ...process.env,
  AWS_ACCESS_KEY_ID: "AKIAFAKE",
  AWS_SECRET_ACCESS_KEY: "fake",
  AWS_CONFIG_FILE: "/dev/null",
  AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  AWS_PAGER: "",
};

let fake: CognitoIdentityFake;
let server: FakeServer;

beforeAll(async () => {
  ({ fake, server } = await served());
});
afterAll(() => server.close());

testWith(
  hasBoto3,
  "boto3 for /usr/bin/python3",
  "boto3 drives every operation and the paginator",
  async () => {
    const { code, out } = await runTool(PYTHON, ["test/python/test_boto3.py", "-v"], {
      ...ENV,
      COGNITO_FAKE_URL: server.url,
    });
    expect(out).toMatch(/Ran 7 tests/);
    expect(out).toMatch(/\nOK\n/);
    expect(code).toBe(0);
  },
);

testWith(hasCli, "the AWS CLI (/usr/bin/aws)", "the AWS CLI lists pools with --endpoint-url", async () => {
  fake.reset();
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "from-cli",
    AllowUnauthenticatedIdentities: true,
  });
  const { code, out } = await runTool(
    AWS,
    [
      "cognito-identity",
      "list-identity-pools",
      "--max-results",
      "10",
      "--region",
      "us-east-1",
      "--endpoint-url",
      server.url,
      "--output",
      "json",
    ],
    ENV,
  );
  expect(code).toBe(0);
  expect(JSON.parse(out)).toEqual({
    IdentityPools: [{ IdentityPoolId: POOL_ID, IdentityPoolName: "from-cli" }],
  });
});
