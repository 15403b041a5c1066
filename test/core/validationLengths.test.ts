/**
 * Length constraints count Unicode code points, as Smithy defines them: a surrogate pair is one, a lone
 * surrogate is one. Checked at both ends of `DeveloperUserIdentifier` (1–1,024), which has no pattern.
 */
import { LookupDeveloperIdentityCommand } from "@aws-sdk/client-cognito-identity";
import { rejection, setup } from "../support/helpers";

const { fake, client } = setup();
const pool = fake.seedIdentityPool({
  IdentityPoolName: "lengths",
  AllowUnauthenticatedIdentities: true,
  DeveloperProviderName: "login.lengths",
});
/** `ValidationException: <the length phrase>` when refused, `passes` when validation let it through. */
async function verdict(user: string): Promise<string> {
  const err = await rejection(
    client.send(
      new LookupDeveloperIdentityCommand({
        IdentityPoolId: pool.IdentityPoolId,
        DeveloperUserIdentifier: user,
      }),
    ),
  );
  if (err.name !== "ValidationException")
    return err.name === "ResourceNotFoundException" ? "passes" : err.name;
  return `ValidationException: ${/Member must have length [a-z ]+ \d+/.exec(err.message)?.[0]}`;
}

const EMOJI = "\u{1F600}";
const TOO_LONG = "ValidationException: Member must have length less than or equal to 1024";

it.each<[string, string, string]>([
  ["1,024 ASCII characters", "a".repeat(1024), "passes"],
  ["1,025 ASCII characters", "a".repeat(1025), TOO_LONG],
  ["1,024 emoji (2,048 UTF-16 units)", EMOJI.repeat(1024), "passes"],
  ["1,025 emoji", EMOJI.repeat(1025), TOO_LONG],
  ["1,023 characters and a lone high surrogate at the end", `${"a".repeat(1023)}\ud800`, "passes"],
  ["a lone high surrogate before a letter, 1,025 in all", `\ud800${"a".repeat(1024)}`, TOO_LONG],
  ["512 lone high surrogates before letters", "\ud800a".repeat(512), "passes"],
  ["a letter and a lone low surrogate, 513 times (1,026 code points)", "a\udc00".repeat(513), TOO_LONG],
  ["1,025 lone low surrogates", "\udc00".repeat(1025), TOO_LONG],
  [
    "a lone high surrogate before U+E000, 513 times (1,026 code points)",
    "\ud800\ue000".repeat(513),
    TOO_LONG,
  ],
  [
    "a lone high surrogate before U+D7FF, 513 times (1,026 code points)",
    "\ud800\ud7ff".repeat(513),
    TOO_LONG,
  ],
  ["1,024 pairs at the top of the surrogate ranges", "\udbff\udfff".repeat(1024), "passes"],
  ["1,024 pairs at the bottom of the surrogate ranges", "\ud800\udc00".repeat(1024), "passes"],
  ["the empty string", "", "ValidationException: Member must have length greater than or equal to 1"],
  ["one emoji", EMOJI, "passes"],
])("%s", async (_name, user, expected) => {
  expect(await verdict(user)).toBe(expected);
});
