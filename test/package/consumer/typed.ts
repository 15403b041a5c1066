// A TypeScript consumer, type-checked as CommonJS under moduleResolution node10 and nodenext: every entry
// resolves with its types, and the matchers extend jest's expect.
import { CognitoIdentityClient } from "@aws-sdk/client-cognito-identity";
import { type CognitoIdentityFake, createCognitoIdentityFake } from "cognito-identity-fake";
import type { CoreState, PMap, PoolEntry } from "cognito-identity-fake/core";
import * as core from "cognito-identity-fake/core";
import { useCognitoIdentityFake } from "cognito-identity-fake/jest";

const fake: CognitoIdentityFake = createCognitoIdentityFake({ seed: 1, region: "eu-west-1" });
const client = new CognitoIdentityClient({ region: "eu-west-1" });
client.middlewareStack.use(fake.plugin());

export const setUp: typeof useCognitoIdentityFake = useCognitoIdentityFake;
export const coreExports: string[] = Object.keys(core);
// The state's maps are typed, and `PMap` is a type only, as at run time (no constructor is exported).
export const poolsOf = (state: CoreState): PMap<string, PoolEntry> => state.pools;
// @ts-expect-error: `PMap` only refers to a type
export const noConstructor: unknown = core.PMap;
export function check(): void {
  expect(fake).toHaveReceivedOperation("CreateIdentityPool", 1);
}
