/**
 * fake.state (and the store behind it) is immutable all the way down: every object reachable from it is frozen, and fixtures handed to
 * the seeding API stay the caller's (changing them later changes nothing in the fake).
 */
import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  SetIdentityPoolRolesCommand,
} from "@aws-sdk/client-cognito-identity";
import { PMap } from "../../src/core/store/pmap";
import { coreStateOf } from "../../src/internal";
import { CLIENT_ID, setup, USER_POOL } from "../support/helpers";

/** Every non-frozen object reachable from `value`, with its path (PMap internals are private and never mutated). */
function unfrozen(value: unknown, path: string, seen = new Set<unknown>(), out: string[] = []): string[] {
  if (typeof value !== "object" || value === null || seen.has(value)) return out;
  seen.add(value);
  if (value instanceof PMap) {
    if (!Object.isFrozen(value)) out.push(path);
    for (const [k, v] of value as PMap<string | number, unknown>)
      unfrozen(v, `${path}[${String(k)}]`, seen, out);
    return out;
  }
  if (!Object.isFrozen(value)) out.push(path);
  if (Object.prototype.toString.call(value) === "[object Map]") {
    for (const [k, v] of value as ReadonlyMap<string, unknown>) unfrozen(v, `${path}[${k}]`, seen, out);
    return out;
  }
  for (const [k, v] of Object.entries(value)) unfrozen(v, `${path}.${k}`, seen, out);
  return out;
}

const RULES = {
  Type: "Rules" as const,
  AmbiguousRoleResolution: "AuthenticatedRole" as const,
  RulesConfiguration: {
    Rules: [
      {
        Claim: "cognito:groups",
        MatchType: "Contains" as const,
        Value: "admins",
        RoleARN: "arn:aws:iam::123456789012:role/admin",
      },
    ],
  },
};

describe("fake.state", () => {
  it("is frozen all the way down after pools, roles, identities, tokens and credentials", async () => {
    const { fake, client } = setup();
    const pool = fake.seedIdentityPool({
      IdentityPoolName: "app",
      AllowUnauthenticatedIdentities: true,
      DeveloperProviderName: "login.app",
      CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
      Roles: {
        authenticated: "arn:aws:iam::123456789012:role/user",
        unauthenticated: "arn:aws:iam::123456789012:role/guest",
      },
      RoleMappings: { [`${USER_POOL}:${CLIENT_ID}`]: RULES },
      PrincipalTagAttributeMaps: { [USER_POOL]: { UseDefaults: true } },
    });
    await client.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: pool.IdentityPoolId,
        Roles: { authenticated: "arn:aws:iam::123456789012:role/user" },
        RoleMappings: { [`${USER_POOL}:${CLIENT_ID}`]: RULES },
      }),
    );
    const token = fake.loginToken.userPool({
      userPoolId: "us-east-1_TestPool1",
      clientId: CLIENT_ID,
      sub: "alice",
      claims: { "cognito:groups": ["admins"] },
    });
    const { IdentityId } = await client.send(
      new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId, Logins: { [USER_POOL]: token } }),
    );
    await client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: { [USER_POOL]: token } }));
    fake.seedIdentity({ IdentityPoolId: pool.IdentityPoolId, DeveloperUserIdentifiers: ["dev-1"] });
    expect(unfrozen(coreStateOf(fake), "store")).toEqual([]);
    expect(unfrozen(fake.state, "state")).toEqual([]);
    expect(fake.state.Identities.size).toBe(2);
  });

  it("keeps seeded fixtures apart from the caller's objects", () => {
    const { fake } = setup();
    const mappings = { [`${USER_POOL}:${CLIENT_ID}`]: structuredClone(RULES) };
    const pool = fake.seedIdentityPool({
      IdentityPoolName: "app",
      AllowUnauthenticatedIdentities: true,
      CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
      Roles: { authenticated: "arn:aws:iam::123456789012:role/user" },
      RoleMappings: mappings,
    });
    const rule = mappings[`${USER_POOL}:${CLIENT_ID}`]?.RulesConfiguration.Rules[0] as { Value: string };
    rule.Value = "changed later";
    const stored = fake.getIdentityPool(pool.IdentityPoolId)?.RoleMappings[`${USER_POOL}:${CLIENT_ID}`];
    expect(stored?.RulesConfiguration?.Rules[0]?.Value).toBe("admins");
  });
});
