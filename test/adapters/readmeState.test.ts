// The README's examples of "Fixtures and state", "Observation, tokens and control" and "Matchers", in order,
// verbatim but for the import paths and formatting: they must keep passing.
import { CognitoIdentityClient, GetIdCommand } from "@aws-sdk/client-cognito-identity";
import { useCognitoIdentityFake } from "../../src/jest";

const fake = useCognitoIdentityFake({ region: "us-east-1" });

test("the README's state, journal and matcher examples", async () => {
  // Fixtures and state
  const pool = fake.seedIdentityPool({
    IdentityPoolName: "app",
    AllowUnauthenticatedIdentities: true,
    SupportedLoginProviders: { "graph.facebook.com": "my-facebook-app-id" },
  });
  const identity = fake.seedIdentity({
    IdentityPoolId: pool.IdentityPoolId,
    Logins: { "graph.facebook.com": "fb-1" },
  });
  expect(fake.getIdentity(identity.IdentityId)).toEqual({
    IdentityId: identity.IdentityId,
    IdentityPoolId: pool.IdentityPoolId,
    Logins: { "graph.facebook.com": "fb-1" },
    DeveloperUserIdentifiers: [],
    CreationDate: expect.any(Date),
    LastModifiedDate: expect.any(Date),
    Disabled: false,
  });
  expect(fake.state.IdentityPools.get(pool.IdentityPoolId)?.IdentityPoolTags).toEqual({});
  expect([...fake.state.Identities.values()]).toEqual([identity]);

  // Observation
  const client = new CognitoIdentityClient({}); // answered by the installed fake
  const { IdentityId } = await client.send(
    new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId, Logins: { "graph.facebook.com": "fb-2" } }),
  );
  // biome-ignore lint/style/noNonNullAssertion: verbatim from the README
  const call = fake.calls.at(-1)!;
  expect(call.operation).toBe("GetId");
  expect(fake.changesOf(call).text).toBe(
    `identity ${IdentityId} created in pool ${pool.IdentityPoolId}\n` +
      `identity ${IdentityId} linked graph.facebook.com user "fb-2"`,
  );
  // biome-ignore lint/style/noNonNullAssertion: verbatim from the README
  expect(call.stateBefore.Identities.has(IdentityId!)).toBe(false);

  // Matchers
  expect(fake).toHaveIdentityPool("app");
  expect(fake).toHaveReceivedOperationWith("GetId", { Logins: { "graph.facebook.com": "fb-2" } });
  expect(() => expect(fake).toHaveIdentityWithLogin("graph.facebook.com", "nobody")).toThrow(
    /Operations received \(1\):\n {2}1\. GetId \(us-east-1\): ok\n {7}identity .* created in pool/,
  );
});
