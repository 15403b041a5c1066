/**
 * What the `cognito-identity-fake` bin runs: `cognito-identity-fake serve [options]` (see `--help`).
 */
import { createCognitoIdentityFake } from "../fake";
import type { FakeServer } from "../server/host";
import { HELP, parseCommand } from "./options";

/**
 * Runs the command line; resolves with the running server (or `undefined` after printing help or an error,
 * with `process.exitCode` set). The server stops on SIGINT or SIGTERM, writing its state file.
 *
 * @example
 * ```ts
 * await run(["serve", "--port", "0"]); // prints "cognito-identity-fake listening on http://127.0.0.1:…"
 * ```
 */
export async function run(argv: readonly string[]): Promise<FakeServer | undefined> {
  const command = parseCommand(argv);
  if (command.kind === "help") {
    process.stdout.write(HELP);
    return undefined;
  }
  if (command.kind === "error") {
    process.stderr.write(`${command.message}\n\n${HELP}`);
    process.exitCode = 2;
    return undefined;
  }
  const { options } = command;
  const fake = createCognitoIdentityFake({
    region: options.region,
    accountId: options.accountId,
    seed: options.seed,
  });
  let server: FakeServer;
  try {
    server = await fake.listen({
      port: options.port,
      host: options.host,
      maxJournal: options.maxJournal,
      ...(options.stateFile ? { stateFile: options.stateFile } : {}),
    });
  } catch (err) {
    process.stderr.write(`cognito-identity-fake: ${(err as Error).message}\n`);
    process.exitCode = 1;
    return undefined;
  }
  const stop = (signal: NodeJS.Signals) => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    server.close().then(
      () => process.stdout.write(`cognito-identity-fake stopped (${signal})\n`),
      (err: unknown) => {
        process.stderr.write(`cognito-identity-fake: ${(err as Error).message}\n`);
        process.exitCode = 1;
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  process.stdout.write(
    `cognito-identity-fake listening on ${server.url} (region ${options.region}, account ${options.accountId}` +
      `${options.stateFile ? `, state ${options.stateFile}` : ""})\n`,
  );
  return server;
}
