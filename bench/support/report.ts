// What every benchmark hands back: its settings, tables of figures, the
// targets it checks, and notes. The same object is printed to the console,
// saved as JSON for `npm run bench`, and rendered into bench/RESULTS.md.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface Table {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

export interface Target {
  label: string;
  target: string;
  measured: string;
  met: boolean;
}

export interface BenchReport {
  name: string;
  title: string;
  /** What was run, in a sentence or two. */
  summary: string;
  settings: Record<string, string | number>;
  tables: Table[];
  targets: Target[];
  notes: string[];
  /** Set when the benchmark could not run here (a tool is missing). */
  skipped?: string;
  seconds?: number;
}

export function emptyReport(name: string, title: string, summary: string): BenchReport {
  return { name, title, summary, settings: {}, tables: [], targets: [], notes: [] };
}

/** A numeric environment variable, or the default. */
export function envFloat(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

/** An integer environment variable, or the default. */
export function envInt(name: string, fallback: number): number {
  return Math.round(envFloat(name, fallback));
}

export function envList(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  return raw.split(",").map((part) => {
    const value = Number(part.trim());
    if (!Number.isFinite(value)) throw new Error(`${name} must be numbers separated by commas, got "${raw}"`);
    return value;
  });
}

export const seconds = (ms: number, digits = 1) => `${(ms / 1000).toFixed(digits)} s`;
export const megabytes = (kb: number) => `${Math.round(kb / 1024)} MB`;
export const ratio = (value: number) => `${value.toFixed(2)}×`;

function pad(cells: string[], widths: number[]): string {
  return cells.map((cell, index) => cell.padEnd(widths[index]!)).join("  ");
}

export function formatTable(table: Table): string {
  const cells = [table.columns, ...table.rows.map((row) => row.map(String))];
  const widths = table.columns.map((_, index) => Math.max(...cells.map((row) => (row[index] ?? "").length)));
  return [table.title, pad(table.columns, widths), ...cells.slice(1).map((row) => pad(row, widths))].join("\n");
}

export function printReport(report: BenchReport): void {
  const lines = [``, `== ${report.title} ==`, report.summary];
  if (report.skipped) lines.push(`skipped: ${report.skipped}`);
  const settings = Object.entries(report.settings).map(([key, value]) => `${key}=${value}`);
  if (settings.length > 0) lines.push(`settings: ${settings.join(", ")}`);
  for (const table of report.tables) lines.push("", formatTable(table));
  if (report.targets.length > 0) {
    lines.push("", "targets:");
    for (const target of report.targets) {
      lines.push(`  [${target.met ? "met" : "MISSED"}] ${target.label}: ${target.measured} (target ${target.target})`);
    }
  }
  for (const note of report.notes) lines.push(`note: ${note}`);
  console.log(lines.join("\n"));
}

const escapeCell = (value: string | number) => String(value).replaceAll("|", "\\|");

export function markdownTable(table: Table): string {
  return [
    `| ${table.columns.map(escapeCell).join(" | ")} |`,
    `| ${table.columns.map(() => "---").join(" | ")} |`,
    ...table.rows.map((row) => `| ${row.map(escapeCell).join(" | ")} |`),
  ].join("\n");
}

export function renderMarkdown(report: BenchReport): string {
  const parts = [`## ${report.title}`, "", report.summary, ""];
  if (report.skipped) parts.push(`**Skipped:** ${report.skipped}`, "");
  const settings = Object.entries(report.settings);
  if (settings.length > 0) {
    parts.push(`Settings: ${settings.map(([key, value]) => `\`${key}=${value}\``).join(", ")}`, "");
  }
  for (const table of report.tables) parts.push(`**${table.title}**`, "", markdownTable(table), "");
  if (report.targets.length > 0) {
    parts.push(
      markdownTable({
        title: "targets",
        columns: ["target", "goal", "measured", "result"],
        rows: report.targets.map((target) => [target.label, target.target, target.measured, target.met ? "met" : "**missed**"]),
      }),
      "",
    );
  }
  for (const note of report.notes) parts.push(`- ${note}`);
  if (report.notes.length > 0) parts.push("");
  return parts.join("\n");
}

/**
 * The entry point shared by every benchmark file: runs it, prints the
 * report, and when `--json <file>` is given (as `npm run bench` does) saves it.
 */
export async function runBenchmark(run: () => Promise<BenchReport>): Promise<void> {
  const started = Date.now();
  let report: BenchReport;
  try {
    report = await run();
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
  report.seconds = Math.round((Date.now() - started) / 1000);
  printReport(report);
  const at = process.argv.indexOf("--json");
  if (at >= 0 && process.argv[at + 1]) {
    const file = path.resolve(process.argv[at + 1]!);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(report, null, 2));
  }
  // Pools, timers and child processes must not keep a finished benchmark alive.
  process.exit(0);
}
