/**
 * Server mode: the same workload through the same JS SDK client, answered in-process by the plug-in and over
 * loopback HTTP by `fake.listen()`, in operations per second; and over HTTP with 16 clients at once.
 * moto's server is not measured: Debian (bookworm) has no python3-moto package, and installing it from PyPI
 * is outside what this benchmark may fetch.
 */
import { CognitoIdentityClient } from "@aws-sdk/client-cognito-identity";
import { sdkCommand } from "../test/support/helpers";
import { world } from "./fixture";
import { fakeClient } from "./floor";
import { compareAsync, DEFAULT_OPTIONS, type MeasureOptions, type Row, timeAsync } from "./harness";
import { OPERATIONS_UNDER_TEST } from "./operations";

/** The workload: one call of each of these read and sign-in operations, in turn. */
const WORKLOAD = [
  "GetId (existing login)",
  "DescribeIdentity",
  "LookupDeveloperIdentity",
  "ListIdentities (page of 60)",
];
const CONCURRENT = 16;

/** The server rows: in-process and over HTTP side by side, and HTTP with concurrent clients. */
export async function serverRows(quick: boolean): Promise<Row[]> {
  const options: MeasureOptions = quick ? { iterations: 100, repeats: 3, warmup: 50 } : DEFAULT_OPTIONS;
  const ops = WORKLOAD.map((name) => {
    const found = OPERATIONS_UNDER_TEST.find((op) => op.name === name);
    if (!found) throw new Error(`bench/server: no operation ${name}`);
    return found;
  });
  const w = world(1000);
  const server = await w.fake.listen();
  try {
    const local = fakeClient(w.fake);
    const http = () =>
      new CognitoIdentityClient({
        region: "us-east-1",
        endpoint: server.url,
        credentials: { accessKeyId: "AKIABENCH", secretAccessKey: "bench" },
        maxAttempts: 1,
      });
    const remote = http();
    const call = (client: CognitoIdentityClient, i: number) => {
      const op = ops[i % ops.length] as (typeof ops)[number];
      return client.send(sdkCommand(op.operation, op.input(w, i)));
    };
    const {
      a: httpUs,
      b: localUs,
      ratio,
    } = await compareAsync(
      (i) => call(remote, i),
      (i) => call(local, i),
      options,
    );
    const clients = Array.from({ length: CONCURRENT }, http);
    const batchUs = await timeAsync(
      (i) => Promise.all(clients.map((client, c) => call(client, i * CONCURRENT + c))),
      { ...options, iterations: Math.max(10, Math.floor(options.iterations / 4)) },
    );
    const perSecond = (us: number) => 1e6 / us;
    return [
      { group: "server", name: "workload in-process (plug-in)", value: perSecond(localUs), unit: "ops/s" },
      {
        group: "server",
        name: "workload over HTTP (SDK endpoint)",
        value: perSecond(httpUs),
        unit: "ops/s",
        ratio,
        baseline: "of in-process time",
      },
      {
        group: "server",
        name: `workload over HTTP, ${CONCURRENT} clients`,
        value: (CONCURRENT * 1e6) / batchUs,
        unit: "ops/s",
      },
    ];
  } finally {
    await server.close();
  }
}
