// npm run bench: every benchmark in turn, each in its own process (lib reads
// its configuration once per process), then bench/RESULTS.md with the
// machine, the command and every benchmark's tables and targets.
//
//   npm run bench                       all of them (about 10 minutes on 2 cores)
//   BENCH_ONLY=credits,polling npm run bench
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchOut } from "@/bench/support/book";
import { markdownTable, renderMarkdown, type BenchReport } from "@/bench/support/report";

const benchmarks = [
  "pipeline-efficiency",
  "many-users",
  "polling",
  "polling-running",
  "credits",
  "pdf-work",
  "rewrite-tokens",
  "study-sets",
  "queue-throughput",
  "french-parser",
  "offline-engine",
];
const root = path.resolve(import.meta.dirname, "..");

function runOne(name: string): Promise<BenchReport> {
  const jsonFile = path.join(benchOut, `${name}.json`);
  rmSync(jsonFile, { force: true });
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "bench", `${name}.ts`), "--json", jsonFile], {
      cwd: root,
      stdio: "inherit",
    });
    child.once("exit", (code) => {
      if (code === 0 && existsSync(jsonFile)) {
        resolve(JSON.parse(readFileSync(jsonFile, "utf8")) as BenchReport);
      } else {
        resolve({
          name,
          title: name,
          summary: `The benchmark failed (exit code ${code}); see the console output of the run.`,
          settings: {},
          tables: [],
          targets: [],
          notes: [],
          seconds: Math.round((Date.now() - started) / 1000),
        });
      }
    });
  });
}

const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim());
const selected = only ? benchmarks.filter((name) => only.includes(name)) : benchmarks;
const load = () => os.loadavg().map((value) => value.toFixed(2)).join(", ");
const loadBefore = load();
const startedAt = new Date();
const reports: BenchReport[] = [];
for (const name of selected) {
  console.log(`\n### ${name}`);
  reports.push(await runOne(name));
}

const cpus = os.cpus();
const header = [
  "# Benchmark results",
  "",
  "Written by `npm run bench` (bench/run-all.ts); each benchmark can also be run alone with `npx tsx bench/<name>.ts`. Sizes are set by the environment variables named at the top of each file.",
  "",
  markdownTable({
    title: "machine",
    columns: ["", ""],
    rows: [
      ["date", startedAt.toISOString()],
      ["command", `${only ? `BENCH_ONLY=${only.join(",")} ` : ""}npm run bench`],
      ["CPU", `${cpus.length} × ${cpus[0]?.model ?? "unknown"}`],
      ["memory", `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`],
      ["node", process.version],
      ["OS", `${os.type()} ${os.release()}`],
      ["load average (1, 5, 15 min) at start / end", `${loadBefore} / ${load()}`],
      ["total time", `${Math.round((Date.now() - startedAt.getTime()) / 1000)} s`],
    ],
  }),
  "",
  "The machine is shared: other test runs may have been using its cores at the same time (see the load average), which inflates latencies and wall times.",
  "",
  "## Targets",
  "",
  markdownTable({
    title: "targets",
    columns: ["benchmark", "target", "goal", "measured", "result"],
    rows: reports.flatMap((report) =>
      report.targets.map((target) => [report.title, target.label, target.target, target.measured, target.met ? "met" : "**missed**"]),
    ),
  }),
  "",
];
const body = reports.map((report) => `${renderMarkdown(report)}\n_Ran in ${report.seconds ?? "?"} s._\n`);
writeFileSync(path.join(root, "bench/RESULTS.md"), [...header, ...body].join("\n"));
console.log(`\nWrote bench/RESULTS.md (${selected.length} benchmarks, ${Math.round((Date.now() - startedAt.getTime()) / 1000)} s).`);
process.exit(0);
