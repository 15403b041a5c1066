/**
 * The journal keeps only some of the states its records give (where the chain of calls breaks, every 256th
 * call, the last one) and rebuilds the others by replaying the calls: every record must still give exactly the
 * state the fake had before and after its call, however long the journal and whatever happened between calls.
 */
import {
  CreateIdentityPoolCommand,
  DescribeIdentityCommand,
  GetIdCommand,
  UpdateIdentityPoolCommand,
} from "@aws-sdk/client-cognito-identity";
import type { CallRecord, FakeState } from "../../src";
import { setup } from "../support/helpers";

/** A fake, and the state it had after each call (read eagerly, as the journal once kept them). */
async function journalOf(calls: number, changesBetweenCalls = true) {
  const { fake, client } = setup();
  const seen: FakeState[] = [];
  const pool = await client.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: "app",
      AllowUnauthenticatedIdentities: true,
      SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
    }),
  );
  seen.push(fake.state);
  const IdentityPoolId = pool.IdentityPoolId as string;
  let identityId = "";
  for (let i = 1; i < calls; i++) {
    if (changesBetweenCalls && i % 17 === 0) {
      // A change between calls: the next call's state before is not the previous call's state after.
      fake.seedIdentity({ IdentityPoolId, Logins: { "graph.facebook.com": `seeded-${i}` } });
    }
    if (changesBetweenCalls && i === 50) fake.restore(snapshotAt20);
    const kind = i % 5;
    if (kind === 0) {
      await client
        .send(new DescribeIdentityCommand({ IdentityId: "us-east-1:unknown" }))
        .catch(() => undefined);
    } else if (kind === 1) {
      await client.send(
        new UpdateIdentityPoolCommand({
          IdentityPoolId,
          IdentityPoolName: `app-${i}`,
          AllowUnauthenticatedIdentities: true,
          SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
        }),
      );
    } else if (kind === 2 && identityId) {
      // After the restore, the identity may be gone: a failed call.
      await client.send(new DescribeIdentityCommand({ IdentityId: identityId })).catch(() => undefined);
    } else {
      identityId = (await client.send(new GetIdCommand({ IdentityPoolId }))).IdentityId as string;
    }
    seen.push(fake.state);
    if (i === 20) snapshotAt20 = fake.snapshot();
  }
  return { fake, seen };
}
let snapshotAt20: ReturnType<ReturnType<typeof setup>["fake"]["snapshot"]>;

describe("the journal's states", () => {
  it("are the states the fake had, for every call of a long journal with changes between calls", async () => {
    const { fake, seen } = await journalOf(120);
    const calls = fake.calls as CallRecord[];
    expect(calls).toHaveLength(120);
    // Read from the newest to the oldest, so the rebuilt states are made in the least favourable order.
    for (let i = calls.length - 1; i >= 0; i--) {
      const call = calls[i] as CallRecord;
      expect(call.stateAfter).toEqual(seen[i]);
      if (i > 0) expect(call.stateBefore.IdentityPools.size).toBe(1);
    }
    expect(calls.at(-1)?.stateAfter).toBe(fake.state);
  });

  it("are the states the fake had in an unbroken chain of calls longer than the journal's checkpoint interval", async () => {
    const { fake, seen } = await journalOf(600, false);
    const calls = fake.calls as CallRecord[];
    expect(calls).toHaveLength(600);
    // Newest first: the states between two kept ones are rebuilt by replaying up to 255 calls.
    for (const i of [599, 598, 513, 512, 511, 300, 257, 256, 255, 100, 37, 1, 0]) {
      expect((calls[i] as CallRecord).stateAfter).toEqual(seen[i]);
      if (i > 0) expect((calls[i] as CallRecord).stateBefore).toBe((calls[i - 1] as CallRecord).stateAfter);
    }
  });

  it("give one object per state: a call's state after is the next call's state before, and a failed call's are one", async () => {
    const { fake } = await journalOf(90);
    const calls = fake.calls as CallRecord[];
    for (let i = 1; i < calls.length; i++) {
      const call = calls[i] as CallRecord;
      const previous = calls[i - 1] as CallRecord;
      expect(call.stateBefore).toBe(call.stateBefore);
      if (i % 17 !== 0 && i !== 50) expect(call.stateBefore).toBe(previous.stateAfter);
      if (call.error) expect(call.stateAfter).toBe(call.stateBefore);
    }
  });

  it("say what each call changed, read in any order", async () => {
    const { fake } = await journalOf(70);
    const calls = fake.calls as CallRecord[];
    const texts = calls.map((c) => fake.changesOf(c).text);
    const again = [...calls].reverse().map((c) => fake.changesOf(c).text);
    expect(again.reverse()).toEqual(texts);
    expect(texts[1]).toMatch(/app-1/);
    expect(fake.changesOf(calls[5] as CallRecord).changes).toEqual([]);
  });
});
