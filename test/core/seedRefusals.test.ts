/**
 * Seeding refuses what the API would refuse, with the API's errors, before anything is stored: each check of
 * `seedIdentities` once, and what `seedIdentityPool` keeps of maps and role mappings.
 */
import { GetPrincipalTagAttributeMapCommand } from "@aws-sdk/client-cognito-identity";
import { setup, USER_POOL } from "../support/helpers";
import { storedPool } from "../support/stored";

const FB = "graph.facebook.com";

function world() {
  const { fake, client } = setup();
  const pool = fake.seedIdentityPool({
    IdentityPoolName: "seeds",
    AllowUnauthenticatedIdentities: true,
    DeveloperProviderName: "login.seeds",
    SupportedLoginProviders: { [FB]: "fb-app" },
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: "client" }],
  });
  const members = fake.seedIdentityPool({
    IdentityPoolName: "members only",
    AllowUnauthenticatedIdentities: false,
    DeveloperProviderName: "login.members",
    SupportedLoginProviders: { [FB]: "fb-app" },
  });
  const plain = fake.seedIdentityPool({
    IdentityPoolName: "no developer provider",
    AllowUnauthenticatedIdentities: true,
    SupportedLoginProviders: { [FB]: "fb-app" },
  });
  return {
    fake,
    client,
    id: pool.IdentityPoolId,
    members: members.IdentityPoolId,
    plain: plain.IdentityPoolId,
  };
}

/** The error a seeding throws, as `<name>: <message>`; the state is unchanged. */
function refusal(fake: ReturnType<typeof world>["fake"], seed: () => unknown): string {
  const before = fake.snapshot();
  try {
    seed();
  } catch (err) {
    expect(fake.state).toEqual(before.state);
    return `${(err as Error).name}: ${(err as Error).message}`;
  }
  throw new Error("expected the seeding to be refused");
}

describe("seedIdentities", () => {
  it("validates the pool id and each developer user identifier as the API does", () => {
    const { fake, id } = world();
    expect(refusal(fake, () => fake.seedIdentities([{ IdentityPoolId: "not a pool id" }]))).toMatch(
      /^ValidationException: /,
    );
    expect(
      refusal(fake, () => fake.seedIdentities([{ IdentityPoolId: id, DeveloperUserIdentifiers: [""] }])),
    ).toMatch(/^ValidationException: /);
    expect(
      refusal(fake, () =>
        fake.seedIdentities([{ IdentityPoolId: "us-east-1:00000000-0000-4000-8000-000000000000" }]),
      ),
    ).toBe(
      "ResourceNotFoundException: IdentityPool 'us-east-1:00000000-0000-4000-8000-000000000000' not found.",
    );
  });

  it("refuses a login linked already, or twice in one call, naming the identity that holds it", () => {
    const { fake, id } = world();
    const [alice] = fake.seedIdentities([{ IdentityPoolId: id, Logins: { [FB]: "alice" } }]);
    const taken = `ResourceConflictException: The ${FB} login of this user is already linked to identity '${alice?.IdentityId}'.`;
    expect(
      refusal(fake, () => fake.seedIdentities([{ IdentityPoolId: id, Logins: { [FB]: "alice" } }])),
    ).toBe(taken);
    // The identity named is the first new one linking the login (its id as it would have been generated).
    const inputs = [
      { IdentityPoolId: id, Logins: { [FB]: "carol" } },
      { IdentityPoolId: id, Logins: { [FB]: "bob" } },
    ];
    const before = fake.snapshot();
    const [, bob] = fake.seedIdentities(inputs);
    fake.restore(before);
    const twice = refusal(fake, () =>
      fake.seedIdentities([...inputs, { IdentityPoolId: id, Logins: { [FB]: "bob" } }]),
    );
    expect(twice).toBe(
      `ResourceConflictException: The ${FB} login of this user is already linked to identity '${bob?.IdentityId}'.`,
    );
  });

  it("refuses developer users without a developer provider, taken already, or twice in one call", () => {
    const { fake, id, plain } = world();
    expect(
      refusal(fake, () =>
        fake.seedIdentities([{ IdentityPoolId: plain, DeveloperUserIdentifiers: ["dev"] }]),
      ),
    ).toBe("NotAuthorizedException: This identity pool does not support the specified developer provider");
    fake.seedIdentities([{ IdentityPoolId: id, DeveloperUserIdentifiers: ["dev"] }]);
    const registered =
      "DeveloperUserAlreadyRegisteredException: This developer user identifier is already registered with Cognito.";
    expect(
      refusal(fake, () => fake.seedIdentities([{ IdentityPoolId: id, DeveloperUserIdentifiers: ["dev"] }])),
    ).toBe(registered);
    expect(
      refusal(fake, () =>
        fake.seedIdentities([
          { IdentityPoolId: id, DeveloperUserIdentifiers: ["new"] },
          { IdentityPoolId: id, DeveloperUserIdentifiers: ["new"] },
        ]),
      ),
    ).toBe(registered);
  });

  it("refuses more than 20 links and a guest of a pool without guests", () => {
    const { fake, id, members } = world();
    const users = Array.from({ length: 20 }, (_, i) => `dev-${i}`);
    expect(
      refusal(fake, () =>
        fake.seedIdentities([
          { IdentityPoolId: id, Logins: { [FB]: "dave" }, DeveloperUserIdentifiers: users },
        ]),
      ),
    ).toBe("ResourceConflictException: The number of linked logins of an identity is limited to 20.");
    expect(fake.seedIdentities([{ IdentityPoolId: id, DeveloperUserIdentifiers: users }])).toHaveLength(1);
    expect(
      fake.seedIdentities([
        { IdentityPoolId: members, Logins: { [FB]: "erin" }, DeveloperUserIdentifiers: ["erin"] },
      ]),
    ).toHaveLength(1);
    expect(refusal(fake, () => fake.seedIdentities([{ IdentityPoolId: members }]))).toBe(
      "NotAuthorizedException: Unauthenticated access is not supported for this identity pool.",
    );
  });
});

describe("seedIdentityPool", () => {
  it("keeps UseDefaults false when a map omits it, and freezes its own copy of the role mappings", async () => {
    const { fake, client } = setup();
    const RoleMappings = {
      [FB]: {
        Type: "Rules" as const,
        AmbiguousRoleResolution: "Deny" as const,
        RulesConfiguration: {
          Rules: [
            {
              Claim: "sub",
              MatchType: "Equals" as const,
              Value: "x",
              RoleARN: "arn:aws:iam::123456789012:role/x",
            },
          ],
        },
      },
    };
    const pool = fake.seedIdentityPool({
      IdentityPoolName: "maps",
      AllowUnauthenticatedIdentities: true,
      SupportedLoginProviders: { [FB]: "fb-app" },
      Roles: { authenticated: "arn:aws:iam::123456789012:role/user" },
      RoleMappings,
      PrincipalTagAttributeMaps: { [FB]: { PrincipalTags: { app: "aud" } } },
    });
    const map = await client.send(
      new GetPrincipalTagAttributeMapCommand({
        IdentityPoolId: pool.IdentityPoolId,
        IdentityProviderName: FB,
      }),
    );
    expect(map).toMatchObject({ UseDefaults: false, PrincipalTags: { app: "aud" } });
    const stored = storedPool(fake, pool).roleMappings[FB];
    expect(Object.isFrozen(stored?.RulesConfiguration?.Rules?.[0])).toBe(true);
    expect(stored?.RulesConfiguration?.Rules?.[0]).not.toBe(RoleMappings[FB].RulesConfiguration.Rules[0]);
  });
});
