/**
 * The model tables as input checking reads them (`src/core/validation/coerce.ts`): a shape name missing from the
 * table is a programming error, and no input of any operation reaches a timestamp shape, which is why `coerce`
 * has no timestamp case (it refuses one as unreachable).
 */
import { OPERATION_NAMES, OPERATIONS, SHAPES, type Shape } from "../../src/core";
import { coerce, shapeOf } from "../../src/core/validation/coerce";

/** Every shape an operation's input reaches, by name. */
function inputShapes(): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const s = SHAPES[name] as Shape;
    if (s.kind === "list") visit(s.member.target);
    if (s.kind === "map") {
      visit(s.key.target);
      visit(s.value.target);
    }
    if (s.kind === "structure") for (const m of Object.values(s.members)) visit(m.target);
  };
  for (const op of OPERATION_NAMES) visit(OPERATIONS[op].input);
  return seen;
}

describe("the model tables as input checking reads them", () => {
  it("refuses a shape name the table does not hold, naming it", () => {
    expect(() => shapeOf("NoSuchShape")).toThrow(new Error("no shape NoSuchShape in the model table"));
    expect(shapeOf("GetIdInput")).toBe(SHAPES.GetIdInput);
  });

  it("has timestamps only on the output side: no input reaches one", () => {
    const timestamps = Object.keys(SHAPES).filter((n) => (SHAPES[n] as Shape).kind === "timestamp");
    expect(timestamps).toEqual(["DateType"]);
    const reached = inputShapes();
    expect(reached.has("GetIdInput")).toBe(true);
    expect([...reached].filter((n) => (SHAPES[n] as Shape).kind === "timestamp")).toEqual([]);
  });

  it("refuses to coerce a value to a timestamp, a shape no input member has", () => {
    expect(() => coerce(shapeOf("DateType"), 0)).toThrow(new Error("no input member is a timestamp"));
  });
});
