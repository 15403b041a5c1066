#!/usr/bin/env node
/**
 * The `cognito-identity-fake` bin: `npx cognito-identity-fake serve --port 4566` (see `--help`).
 */
import { run } from "./run";

void run(process.argv.slice(2));
