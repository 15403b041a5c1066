/**
 * The printed tables of the per-command figures and of the peers (the other figures print as rows, see
 * harness.ts).
 */
import { type CommandRow, FLOOR_TARGET } from "./cases";
import { figureText, ratioText } from "./harness";
import type { PeerFigure, PeerRow } from "./peers";

/** Prints cells as aligned columns under a header (numbers and ratios right-aligned). */
export function printColumns(header: readonly string[], lines: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(line(l));
}

/** The strict-floor table: one line per command, µs per call. */
export function printCommandTable(rows: readonly CommandRow[], drift: readonly string[]): void {
  console.log("\nPer command through the SDK (µs per call; ratios are medians of per-round ratios)\n");
  printColumns(
    [
      "command",
      "strict floor",
      "signed floor",
      "crypto (RS512 sig, RS256 verify)",
      "fake",
      "own",
      "core",
      "wire only",
      "ratio",
      "target",
    ],
    rows.map((r) =>
      r.error
        ? [r.name, r.error, "", "", "", "", "", "", "", ""]
        : [
            r.name,
            figureText(r.strictUs),
            `${figureText(r.signedUs)} (${r.signedRatio.toFixed(2)}x)`,
            r.crypto === undefined
              ? ""
              : `${r.crypto} ${figureText(r.cryptoUs)} (${figureText(r.cryptoAloneUs)} alone)`,
            figureText(r.fakeUs),
            figureText(r.ownUs),
            figureText(r.coreUs),
            `${figureText(r.wireUs)} (${r.wireRatio.toFixed(2)}x)`,
            ratioText(r.ratio, FLOOR_TARGET),
            `${r.target} ${r.met ? "met" : "MISSED"}`,
          ],
    ),
  );
  console.log(
    drift.length
      ? `\nWARNING: the strict floor's stack differs from the plug-in's:\n  ${drift.join("\n  ")}`
      : "\nThe strict floor's middleware stack is the plug-in's (checked).",
  );
}

const cell = (figure: PeerFigure, fake: PeerFigure): string =>
  typeof figure === "string"
    ? figure
    : typeof fake === "number"
      ? `${figureText(figure)} (${(figure / fake).toFixed(1)}x)`
      : figureText(figure);

/** The peers' table: µs per call of the same workload, and each moto figure's ratio to the fake's. */
export function printPeerTable(rows: readonly PeerRow[], notes: readonly string[]): void {
  console.log("\nPeers, same workload, same run (µs per call; ratio to the fake)\n");
  printColumns(
    ["command", "fake (plug-in)", "moto in-process (boto3)", "moto server (JS SDK)"],
    rows.map((r) => [
      r.name,
      typeof r.fakeUs === "number" ? figureText(r.fakeUs) : r.fakeUs,
      cell(r.motoUs, r.fakeUs),
      cell(r.motoServerUs, r.fakeUs),
    ]),
  );
  for (const note of notes) console.log(note);
}
