/**
 * The benchmark's world: one pool with a user-pool provider (rules role mapping) and a developer provider,
 * and `size` identities, each linked to one user-pool login and one developer user; and a plain pool (roles,
 * no role mappings) with guests and developer users, for the classic flow and plain-role credentials. The
 * clock stands still unless {@link World.tick} moves it (token commands do, so that each call mints a new
 * token as under a real clock); login tokens stay valid for years of fake time.
 */
import { type CognitoIdentityFake, createCognitoIdentityFake } from "../src";

export const USER_POOL_ID = "us-east-1_Bench1234";
export const PROVIDER = `cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`;
export const CLIENT_ID = "benchclient";
export const DEVELOPER_PROVIDER = "login.bench";
export const PLAIN_DEVELOPER_PROVIDER = "login.plain";
export const ACCOUNT = "123456789012";
const START = Date.parse("2026-06-01T00:00:00Z");
const GUESTS = 64;
const PLAIN_DEVELOPER_USERS = 256;
const ROLE = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

/** A fake seeded for the benchmark. */
export interface World {
  readonly fake: CognitoIdentityFake;
  readonly poolId: string;
  /** The ARN of the main pool. */
  readonly poolArn: string;
  /** The plain pool: roles, no role mappings, classic flow allowed. */
  readonly plainPoolId: string;
  readonly size: number;
  /** The identity id of user `i`. */
  identityId(i: number): string;
  /** A user-pool login token of user `i` (valid for an hour of fake time). */
  token(i: number): string;
  /** The developer user identifier of user `i`. */
  developerUser(i: number): string;
  /** One of 64 guest (unauthenticated) identities of the plain pool. */
  guestId(i: number): string;
  /** One of 256 developer users of the plain pool (each with an identity). */
  plainDeveloperUser(i: number): string;
  /** Moves the fake's clock one second forward. */
  tick(): void;
  /** The fake's clock, epoch milliseconds. */
  now(): number;
}

/**
 * Builds the world; `tokens` login tokens are minted (token `k` for user `k mod size`, each distinct) and
 * cycled through. The fake remembers the verdicts of the last 4,096 tokens it verified: more tokens than that
 * make every call verify a signature, as when each test mints its own.
 */
export function world(size: number, tokens = 64): World {
  let now = START;
  const fake = createCognitoIdentityFake({ seed: 7, now: () => new Date(now) });
  const pool = fake.seedIdentityPool({
    IdentityPoolName: "bench",
    AllowUnauthenticatedIdentities: true,
    AllowClassicFlow: true,
    DeveloperProviderName: DEVELOPER_PROVIDER,
    CognitoIdentityProviders: [{ ProviderName: PROVIDER, ClientId: CLIENT_ID }],
    Roles: { authenticated: ROLE("user"), unauthenticated: ROLE("guest") },
    RoleMappings: {
      [`${PROVIDER}:${CLIENT_ID}`]: {
        Type: "Rules",
        AmbiguousRoleResolution: "AuthenticatedRole",
        RulesConfiguration: {
          Rules: [
            { Claim: "cognito:groups", MatchType: "Contains", Value: "admins", RoleARN: ROLE("admin") },
            { Claim: "custom:tier", MatchType: "Equals", Value: "gold", RoleARN: ROLE("gold") },
          ],
        },
      },
    },
  });
  const sub = (i: number) => `user-${i.toString().padStart(7, "0")}`;
  const developerUser = (i: number) => `dev-${i.toString().padStart(7, "0")}`;
  const records = fake.seedIdentities(
    Array.from({ length: size }, (_, i) => ({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [PROVIDER]: sub(i) },
      DeveloperUserIdentifiers: [developerUser(i)],
    })),
  );
  const plain = fake.seedIdentityPool({
    IdentityPoolName: "plain",
    AllowUnauthenticatedIdentities: true,
    AllowClassicFlow: true,
    DeveloperProviderName: PLAIN_DEVELOPER_PROVIDER,
    Roles: { authenticated: ROLE("user"), unauthenticated: ROLE("guest") },
  });
  const guests = fake.seedIdentities(
    Array.from({ length: GUESTS }, () => ({ IdentityPoolId: plain.IdentityPoolId })),
  );
  const plainDeveloperUser = (i: number) =>
    `plain-${(i % PLAIN_DEVELOPER_USERS).toString().padStart(4, "0")}`;
  fake.seedIdentities(
    Array.from({ length: PLAIN_DEVELOPER_USERS }, (_, i) => ({
      IdentityPoolId: plain.IdentityPoolId,
      DeveloperUserIdentifiers: [plainDeveloperUser(i)],
    })),
  );
  const minted = Array.from({ length: tokens }, (_, k) =>
    fake.loginToken.userPool({
      userPoolId: USER_POOL_ID,
      clientId: CLIENT_ID,
      sub: sub(k % size),
      claims: { "custom:tier": "gold", nonce: `${k}`, exp: Math.floor(START / 1000) + 10 * 365 * 86_400 },
    }),
  );
  return {
    fake,
    poolId: pool.IdentityPoolId,
    poolArn: `arn:aws:cognito-identity:us-east-1:${ACCOUNT}:identitypool/${pool.IdentityPoolId}`,
    plainPoolId: plain.IdentityPoolId,
    size,
    identityId: (i) => (records[i % records.length] as { IdentityId: string }).IdentityId,
    token: (i) => minted[i % minted.length] as string,
    developerUser: (i) => developerUser(i % size),
    guestId: (i) => (guests[i % guests.length] as { IdentityId: string }).IdentityId,
    plainDeveloperUser,
    tick: () => {
      now += 1000;
    },
    now: () => now,
  };
}
