/**
 * Steps: a spec and the path it takes (SDK or wire), their weights, and the prelude every run starts with.
 */
import fc from "fast-check";
import { runStep } from "./run";
import { specs } from "./specList";
import type { Spec } from "./specs";
import type { World } from "./world";

const WEIGHTS: Partial<Record<Spec["op"], number>> = {
  CreateIdentityPool: 2,
  DeleteIdentityPool: 1,
  GetId: 10,
  GetOpenIdToken: 4,
  GetCredentialsForIdentity: 6,
  GetOpenIdTokenForDeveloperIdentity: 9,
  MergeDeveloperIdentities: 5,
  UnlinkDeveloperIdentity: 4,
  UnlinkIdentity: 4,
  DeleteIdentities: 2,
  SetIdentityPoolRoles: 3,
  SetPrincipalTagAttributeMap: 2,
  UpdateIdentityPool: 2,
};

/** The share of steps that go through the real SDK client (the rest: the fake's request handler). */
export const SDK_SHARE = 0.25;

/** One generated step: a spec and the path it takes. */
export class Step implements fc.AsyncCommand<World, World> {
  constructor(
    readonly spec: Spec,
    readonly via: "sdk" | "wire",
  ) {}
  check(): boolean {
    return true;
  }
  async run(_model: World, world: World): Promise<void> {
    await runStep(world, this.spec, this.via);
  }
  toString(): string {
    return `${this.via} ${JSON.stringify(this.spec)}`;
  }
}

const via = fc
  .integer({ min: 0, max: 99 })
  .map((n) => (n < SDK_SHARE * 100 ? ("sdk" as const) : ("wire" as const)));

/** Every operation's arbitrary, repeated by its weight (fc.commands picks uniformly among its arbitraries). */
export const stepArbitraries: fc.Arbitrary<Step>[] = [
  ...specs.flatMap(([op, arb]) => {
    const step = fc.tuple(arb, via).map(([spec, v]) => new Step(spec, v));
    return Array.from({ length: WEIGHTS[op] ?? 1 }, () => step);
  }),
  fc.constant(new Step({ op: "Checkpoint" }, "wire")),
  fc.constant(new Step({ op: "Restore" }, "wire")),
];

/** The steps every run starts with: a pool of each useful kind, in both regions. */
export const PRELUDE: Step[] = [
  new Step(
    { op: "CreateIdentityPool", region: "us-east-1", template: "full", badName: false, tags: "none" },
    "sdk",
  ),
  new Step(
    { op: "CreateIdentityPool", region: "eu-west-1", template: "closed", badName: false, tags: "team" },
    "wire",
  ),
  new Step(
    { op: "CreateIdentityPool", region: "us-east-1", template: "social", badName: false, tags: "none" },
    "wire",
  ),
  new Step(
    {
      op: "GetId",
      pool: { k: "live", n: 0 },
      where: "home",
      logins: [{ p: "fb", user: "fb-1" }],
      sendEmpty: false,
    },
    "wire",
  ),
  new Step(
    {
      op: "GetOpenIdTokenForDeveloperIdentity",
      pool: { k: "live", n: 0 },
      where: "home",
      logins: [{ p: "dev", user: "dev-1" }],
      tags: false,
    },
    "wire",
  ),
  new Step(
    {
      op: "GetOpenIdTokenForDeveloperIdentity",
      pool: { k: "live", n: 1 },
      where: "home",
      logins: [{ p: "dev", user: "dev-2" }],
      tags: true,
    },
    "wire",
  ),
  new Step({ op: "GetId", pool: { k: "live", n: 0 }, where: "home", logins: [], sendEmpty: false }, "sdk"),
  new Step(
    { op: "SetIdentityPoolRoles", pool: { k: "live", n: 0 }, where: "home", roles: "both", mapping: "none" },
    "wire",
  ),
];
