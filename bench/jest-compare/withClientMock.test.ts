/** The same 100 tests written with aws-sdk-client-mock stubs (no state: each answer is scripted). */
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from "@aws-sdk/client-cognito-identity";
import { mockClient } from "aws-sdk-client-mock";
import { guestCredentials } from "./codeUnderTest";

const mock = mockClient(CognitoIdentityClient);
afterEach(() => mock.reset());

for (let i = 0; i < 100; i++) {
  test(`guest sign-in ${i}`, async () => {
    const identityId = `us-east-1:00000000-0000-4000-8000-${i.toString().padStart(12, "0")}`;
    mock.on(GetIdCommand).resolves({ IdentityId: identityId });
    mock.on(GetCredentialsForIdentityCommand, { IdentityId: identityId }).resolves({
      IdentityId: identityId,
      Credentials: {
        AccessKeyId: "ASIAEXAMPLEEXAMPLE00",
        SecretKey: "s",
        SessionToken: "t",
        Expiration: new Date(),
      },
    });
    const result = await guestCredentials(
      `us-east-1:11111111-1111-4111-8111-${i.toString().padStart(12, "0")}`,
    );
    expect(result.identityId).toBe(identityId);
    expect(result.accessKeyId).toMatch(/^ASIA/);
    expect(mock.commandCalls(GetCredentialsForIdentityCommand)).toHaveLength(1);
  });
}
