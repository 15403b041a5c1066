// The README's jest example, verbatim but for the import paths: it must keep passing.
import { fromCognitoIdentityPool } from "@aws-sdk/credential-providers";
import { createProviderCache } from "../../src";
import { useCognitoIdentityFake } from "../../src/jest";

const fake = useCognitoIdentityFake({ region: "us-east-1" });
const USER_POOL = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123";
const ADMIN = "arn:aws:iam::123456789012:role/admin";

test("a signed-in admin gets the admin role", async () => {
  const pool = fake.seedIdentityPool({
    IdentityPoolName: "app",
    AllowUnauthenticatedIdentities: false,
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: "web" }],
    Roles: { authenticated: "arn:aws:iam::123456789012:role/user" },
    RoleMappings: { [`${USER_POOL}:web`]: { Type: "Token", AmbiguousRoleResolution: "AuthenticatedRole" } },
  });
  const token = fake.loginToken.userPool({
    userPoolId: "us-east-1_Abc123",
    clientId: "web",
    sub: "alice",
    claims: { "cognito:preferred_role": ADMIN, "cognito:roles": [ADMIN] },
  });
  const getCredentials = fromCognitoIdentityPool({
    identityPoolId: pool.IdentityPoolId,
    logins: { [USER_POOL]: token },
    cache: createProviderCache(),
  });
  expect((await getCredentials()).accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
  expect(fake).toHaveIssuedCredentialsWithRole(ADMIN);
  expect(fake).toHaveIdentityWithLogin(USER_POOL, "alice");
});
