/**
 * The vocabulary of the generated model tables: every shape of the Smithy model that an input or output
 * reaches, reduced to what validation and serialization need.
 */

/** A reference from a structure member, list or map to a named shape, with member-level traits. */
export interface MemberRef {
  readonly target: string;
  readonly required?: true;
}

/** One shape of the model. Lengths of strings count Unicode code points, as Smithy does. */
export type Shape =
  | {
      readonly kind: "string";
      readonly min?: number;
      readonly max?: number;
      readonly pattern?: string;
      readonly sensitive?: true;
    }
  | { readonly kind: "enum"; readonly values: readonly string[] }
  | { readonly kind: "boolean" }
  | { readonly kind: "integer" | "long"; readonly min?: number; readonly max?: number }
  | { readonly kind: "timestamp" }
  | { readonly kind: "list"; readonly member: MemberRef; readonly min?: number; readonly max?: number }
  | {
      readonly kind: "map";
      readonly key: MemberRef;
      readonly value: MemberRef;
      readonly min?: number;
      readonly max?: number;
    }
  | { readonly kind: "structure"; readonly members: Readonly<Record<string, MemberRef>> };

/** What the model says of one operation. */
export interface OperationSpec {
  readonly input: string;
  readonly output: string;
  readonly errors: readonly string[];
  /** `none` for the four public operations, `sigv4` for the others. */
  readonly auth: "none" | "sigv4";
}
