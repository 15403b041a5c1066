/** 100 tests, each seeding a pool and signing a guest in, answered by the fake through the jest helper. */
import { useCognitoIdentityFake } from "../../src/jest";
import { guestCredentials } from "./codeUnderTest";

const fake = useCognitoIdentityFake();

for (let i = 0; i < 100; i++) {
  test(`guest sign-in ${i}`, async () => {
    const pool = fake.seedIdentityPool({
      IdentityPoolName: `app ${i}`,
      AllowUnauthenticatedIdentities: true,
      Roles: { unauthenticated: "arn:aws:iam::123456789012:role/guest" },
    });
    const { identityId, accessKeyId } = await guestCredentials(pool.IdentityPoolId);
    expect(identityId).toMatch(/^us-east-1:/);
    expect(accessKeyId).toMatch(/^ASIA/);
    expect(fake).toHaveIssuedCredentialsWithRole("arn:aws:iam::123456789012:role/guest", identityId);
  });
}
