/**
 * The printed tables of the per-command figures and of the peers (the other figures print as rows, see
 * harness.ts).
 */
import { type CommandRow, FLOOR_TARGET } from "./cases";
import type { PeerFigure, PeerRow } from "./peers";

const fmt = (n: number | undefined): string =>
  n === undefined
    ? ""
    : Number.isNaN(n)
      ? "–"
      : n >= 100
        ? n.toFixed(0)
        : n >= 10
          ? n.toFixed(1)
          : n.toFixed(2);

/** A command's ratio: three decimals where two would print the target itself (1.204 is missed, 1.196 met). */
const ratioText = (ratio: number): string =>
  `${ratio.toFixed(ratio.toFixed(2) === FLOOR_TARGET.toFixed(2) ? 3 : 2)}x`;

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
      "ratio",
      "target",
    ],
    rows.map((r) =>
      r.error
        ? [r.name, r.error, "", "", "", "", "", "", ""]
        : [
            r.name,
            fmt(r.strictUs),
            `${fmt(r.signedUs)} (${r.signedRatio.toFixed(2)}x)`,
            r.crypto === undefined ? "" : `${r.crypto} ${fmt(r.cryptoUs)} (${fmt(r.cryptoAloneUs)} alone)`,
            fmt(r.fakeUs),
            fmt(r.ownUs),
            fmt(r.coreUs),
            ratioText(r.ratio),
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
      ? `${fmt(figure)} (${(figure / fake).toFixed(1)}x)`
      : fmt(figure);

/** The peers' table: µs per call of the same workload, and each moto figure's ratio to the fake's. */
export function printPeerTable(rows: readonly PeerRow[], notes: readonly string[]): void {
  console.log("\nPeers, same workload, same run (µs per call; ratio to the fake)\n");
  printColumns(
    ["command", "fake (plug-in)", "moto in-process (boto3)", "moto server (JS SDK)"],
    rows.map((r) => [
      r.name,
      typeof r.fakeUs === "number" ? fmt(r.fakeUs) : r.fakeUs,
      cell(r.motoUs, r.fakeUs),
      cell(r.motoServerUs, r.fakeUs),
    ]),
  );
  for (const note of notes) console.log(note);
}
