/**
 * A summary line a test prints for the reader of the run (how many steps, inputs, constraints it covered):
 * written straight to stdout, so jest shows the line alone, without the call-site frame it adds to console.log.
 *
 * @example
 * ```ts
 * report(`hostile input: ${tried} inputs tried`);
 * ```
 */
export const report = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
