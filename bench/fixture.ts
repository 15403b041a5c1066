/**
 * The benchmark's world: one pool with a user-pool provider (rules role mapping) and a developer provider,
 * and `size` identities, each linked to one user-pool login and one developer user.
 */
import { type CognitoIdentityFake, createCognitoIdentityFake } from "../src";

export const USER_POOL_ID = "us-east-1_Bench1234";
export const PROVIDER = `cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`;
export const CLIENT_ID = "benchclient";
export const DEVELOPER_PROVIDER = "login.bench";
const ROLE = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

/** A fake seeded for the benchmark. */
export interface World {
  readonly fake: CognitoIdentityFake;
  readonly poolId: string;
  readonly size: number;
  /** The identity id of user `i`. */
  identityId(i: number): string;
  /** A user-pool login token of user `i` (valid for an hour of fake time). */
  token(i: number): string;
  /** The developer user identifier of user `i`. */
  developerUser(i: number): string;
  /** One of 64 guest (unauthenticated) identities. */
  guestId(i: number): string;
}

/** Builds the world; `tokens` login tokens are minted (for the first users) and cycled through. */
export function world(size: number, tokens = 64): World {
  const fixed = new Date("2026-06-01T00:00:00Z");
  const fake = createCognitoIdentityFake({ seed: 7, now: () => fixed });
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
  const guests = fake.seedIdentities(
    Array.from({ length: 64 }, () => ({ IdentityPoolId: pool.IdentityPoolId })),
  );
  const minted = Array.from({ length: Math.min(tokens, size) }, (_, i) =>
    fake.loginToken.userPool({
      userPoolId: USER_POOL_ID,
      clientId: CLIENT_ID,
      sub: sub(i),
      claims: { "custom:tier": "gold" },
    }),
  );
  return {
    fake,
    poolId: pool.IdentityPoolId,
    size,
    identityId: (i) => (records[i % records.length] as { IdentityId: string }).IdentityId,
    token: (i) => minted[i % minted.length] as string,
    developerUser: (i) => developerUser(i % size),
    guestId: (i) => (guests[i % guests.length] as { IdentityId: string }).IdentityId,
  };
}
