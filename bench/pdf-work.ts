// PDF work in the worker: cutting the long book into its chunks with
// lib/pdf/split-pdf.ts (pdf-lib) against `qpdf --pages` making the same
// chunks, and reading the whole book's text with the local engine's pdfjs
// path against `pdftotext`. Each of our runs happens in a fresh child
// process so its peak RSS (getrusage maxrss) is its own; the tools' peak RSS
// comes from GNU time when installed, else from sampling /proc.
//
// The text read is timed per book in a process that has already imported
// pdfjs and read the Lefff, as a worker has after its first chunk; that
// start-up is measured on its own. Both sides run BENCH_RUNS times and the
// median run counts, with CPU time beside wall time: on a shared machine the
// CPU time moves far less than the wall time.
//
//   npx tsx bench/pdf-work.ts
//   BENCH_BOOK_PAGES=700 CHUNK_PAGES=20 BENCH_RUNS=3
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchBook, benchOut } from "@/bench/support/book";
import { readMemory } from "@/bench/support/proc";
import { emptyReport, envInt, megabytes, ratio, runBenchmark, seconds, type BenchReport } from "@/bench/support/report";
import { planChunks } from "@/lib/pipeline/plan-chunks";

interface Measure {
  ms: number;
  /** User + system CPU time. */
  cpuMs: number;
  peakKb: number;
  /** Output size: bytes of all chunks, or characters of text. */
  output: number;
  /** The text task's stages and its once-per-process start-up. */
  stages?: Record<"startup" | "startupCpu" | "open" | "read" | "extract", number>;
}

interface ToolRun {
  ms: number;
  cpuMs: number | undefined;
  peakKb: number;
}

function median<T>(runs: T[], key: (run: T) => number): T {
  return [...runs].sort((a, b) => key(a) - key(b))[Math.floor(runs.length / 2)]!;
}

const root = path.resolve(import.meta.dirname, "..");

function hasTool(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`]).status === 0;
}

/** Runs a command to completion; its peak RSS and CPU time from GNU time, or RSS sampled from /proc. */
async function runTool(command: string, args: string[]): Promise<ToolRun> {
  const timed = existsSync("/usr/bin/time");
  const started = performance.now();
  const child = timed
    ? spawn("/usr/bin/time", ["-f", "%M %U %S", command, ...args], { stdio: ["ignore", "ignore", "pipe"] })
    : spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let sampled = 0;
  const timer = timed ? undefined : setInterval(() => (sampled = Math.max(sampled, readMemory(child.pid!)?.peakKb ?? 0)), 2);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  const ms = performance.now() - started;
  clearInterval(timer);
  if (code !== 0) throw new Error(`${command} exited with ${code}: ${stderr}`);
  if (!timed) return { ms, cpuMs: undefined, peakKb: sampled };
  const [peakKb, user, system] = stderr.trim().split("\n").pop()!.split(" ").map(Number);
  return { ms, cpuMs: (user! + system!) * 1000, peakKb: peakKb! };
}

/** One of our measurements, in a child process of its own. */
async function runOurs(task: string, bookFile: string, chunkPages: number): Promise<Measure> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "bench/pdf-work.ts"), "--child", task, bookFile, String(chunkPages)], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`pdf-work child ${task} exited with ${code}`);
  return JSON.parse(out.trim().split("\n").pop()!) as Measure;
}

/** Inside the child: do the task once and report time, own peak RSS and output size. */
async function childTask(task: string, bookFile: string, chunkPages: number): Promise<void> {
  const [{ openPdfSplitter }, { readPdfPageLines }, { extractPageText }, { loadPdfDocument }, { loadLexicon }] =
    await Promise.all([
      import("@/lib/pdf/split-pdf"),
      import("@/lib/pdf/read-page-lines"),
      import("@/lib/text/extract-page-text"),
      import("@/lib/pdf/load-pdf-document"),
      import("@/lib/french/lexicon"),
    ]);
  const bytes = new Uint8Array(readFileSync(bookFile));
  const cpuMs = (since?: NodeJS.CpuUsage) => {
    const { user, system } = process.cpuUsage(since);
    return (user + system) / 1000;
  };
  let stages: Measure["stages"];
  if (task === "text") {
    // Once per process: pdfjs (the same modules load-pdf-document imports on
    // first use) and the Lefff, which joining a hyphenated word may consult.
    const startupCpu = process.cpuUsage();
    const startupAt = performance.now();
    await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    await import("pdfjs-dist/legacy/build/pdf.mjs");
    loadLexicon();
    stages = { startup: performance.now() - startupAt, startupCpu: cpuMs(startupCpu), open: 0, read: 0, extract: 0 };
  }
  const startedCpu = process.cpuUsage();
  const started = performance.now();
  let output = 0;
  if (task === "split") {
    const splitter = await openPdfSplitter(bytes);
    for (const plan of planChunks({ pageCount: splitter.pageCount, chunkPages, overlapPages: 1 })) {
      output += (await splitter.extractPages(plan.firstPage, plan.lastPage)).byteLength;
    }
  } else if (task === "text") {
    const lines = await readPdfPageLines(bytes);
    stages!.read = performance.now() - started;
    const pages = extractPageText(lines);
    stages!.extract = performance.now() - started - stages!.read;
    output = pages.reduce((sum, page) => sum + page.text.length, 0);
  }
  const ms = performance.now() - started;
  const cpu = cpuMs(startedCpu);
  if (stages) {
    // Opening the document is part of the read above; timed again alone.
    const openAt = performance.now();
    await (await loadPdfDocument(bytes)).close();
    stages.open = performance.now() - openAt;
  }
  // ru_maxrss is in kilobytes on Linux.
  console.log(JSON.stringify({ ms, cpuMs: cpu, peakKb: process.resourceUsage().maxRSS, output, stages }));
}

export async function run(): Promise<BenchReport> {
  const pages = envInt("BENCH_BOOK_PAGES", 700);
  const chunkPages = envInt("CHUNK_PAGES", 20);
  const runs = envInt("BENCH_RUNS", 3);
  const report = emptyReport(
    "pdf-work",
    "5. PDF splitting and text extraction",
    `The ${pages}-page book cut into its chunks (${chunkPages} pages + 1 overlap page each side) and its whole text read, ` +
      "by the product's code and by the standard command-line tools, on the same file in the same run.",
  );
  const book = await benchBook(pages);
  const bookFile = path.join(benchOut, `book-${pages}p.pdf`);
  const plans = planChunks({ pageCount: pages, chunkPages, overlapPages: 1 });
  report.settings = {
    pages,
    "book size": `${(statSync(bookFile).size / 1e6).toFixed(1)} MB`,
    chunks: plans.length,
    CHUNK_PAGES: chunkPages,
    BENCH_RUNS: runs,
  };
  void book;

  const idle = await runOurs("idle", bookFile, chunkPages);
  const split = await runOurs("split", bookFile, chunkPages);
  const textRuns: Measure[] = [];
  for (let run = 0; run < runs; run++) textRuns.push(await runOurs("text", bookFile, chunkPages));
  const text = median(textRuns, (run) => run.ms);
  const stages = text.stages!;
  const rows: (string | number)[][] = [];
  const ratios: (string | number)[][] = [];

  if (hasTool("qpdf")) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-qpdf-"));
    try {
      let ms = 0;
      let cpuMs = 0;
      let peakKb = 0;
      let output = 0;
      for (const plan of plans) {
        const out = path.join(dir, `chunk-${plan.index}.pdf`);
        const result = await runTool("qpdf", ["--empty", "--pages", bookFile, `${plan.firstPage}-${plan.lastPage}`, "--", out]);
        ms += result.ms;
        cpuMs += result.cpuMs ?? Number.NaN;
        peakKb = Math.max(peakKb, result.peakKb);
        output += statSync(out).size;
      }
      const whole = await runTool("qpdf", ["--split-pages=" + chunkPages, bookFile, path.join(dir, "split-%d.pdf")]);
      rows.push(["split into chunks", "split-pdf.ts (pdf-lib, parse once + copyPages per chunk)", seconds(split.ms, 2), seconds(split.cpuMs, 2), megabytes(split.peakKb), `${(split.output / 1e6).toFixed(1)} MB of chunks`]);
      rows.push(["split into chunks", `qpdf --empty --pages (one process per chunk, ${plans.length} runs)`, seconds(ms, 2), Number.isNaN(cpuMs) ? "" : seconds(cpuMs, 2), megabytes(peakKb), `${(output / 1e6).toFixed(1)} MB of chunks`]);
      rows.push(["split into chunks", `qpdf --split-pages=${chunkPages} (one process, no overlap pages)`, seconds(whole.ms, 2), whole.cpuMs === undefined ? "" : seconds(whole.cpuMs, 2), megabytes(whole.peakKb), ""]);
      ratios.push(["split: split-pdf.ts vs qpdf per chunk", ratio(split.ms / ms), Number.isNaN(cpuMs) ? "" : ratio(split.cpuMs / cpuMs), ratio(split.peakKb / peakKb), ratio((split.peakKb - idle.peakKb) / peakKb)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    console.log("skipped: install qpdf (apt-get install -y qpdf) for the split reference");
    report.notes.push("skipped: install qpdf (apt-get install -y qpdf) for the split reference.");
    rows.push(["split into chunks", "split-pdf.ts", seconds(split.ms, 2), seconds(split.cpuMs, 2), megabytes(split.peakKb), `${(split.output / 1e6).toFixed(1)} MB`]);
  }

  if (hasTool("pdftotext")) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-pdftotext-"));
    try {
      const out = path.join(dir, "book.txt");
      const toolRuns: ToolRun[] = [];
      for (let run = 0; run < runs; run++) toolRuns.push(await runTool("pdftotext", ["-enc", "UTF-8", bookFile, out]));
      const result = median(toolRuns, (run) => run.ms);
      const toolCpu = median(toolRuns, (run) => run.cpuMs ?? 0).cpuMs;
      const ourCpu = median(textRuns, (run) => run.cpuMs).cpuMs;
      const characters = readFileSync(out, "utf8").length;
      const wallRatio = text.ms / result.ms;
      const cpuRatio = toolCpu === undefined ? undefined : ourCpu / toolCpu;
      const cold = text.ms + stages.startup;
      rows.push(["whole-book text", "local engine path (pdfjs getTextContent → lines → extractPageText), modules already loaded", seconds(text.ms, 2), seconds(ourCpu, 2), megabytes(text.peakKb), `${text.output.toLocaleString("en-US")} chars (running heads and folios dropped)`]);
      rows.push(["", `of which readPdfPageLines (pdfjs; opening the document alone: ${seconds(stages.open, 2)})`, seconds(stages.read, 2), "", "", ""]);
      rows.push(["", "of which extractPageText", seconds(stages.extract, 2), "", "", ""]);
      rows.push(["once per process", "import pdfjs (through tsx, as `npm start` runs the worker) + read the Lefff", seconds(stages.startup, 2), seconds(stages.startupCpu, 2), "", ""]);
      rows.push(["whole-book text", "pdftotext -enc UTF-8", seconds(result.ms, 2), toolCpu === undefined ? "" : seconds(toolCpu, 2), megabytes(result.peakKb), `${characters.toLocaleString("en-US")} chars`]);
      ratios.push(["text per book: pdfjs path vs pdftotext", ratio(wallRatio), cpuRatio === undefined ? "" : ratio(cpuRatio), ratio(text.peakKb / result.peakKb), ratio((text.peakKb - idle.peakKb) / result.peakKb)]);
      ratios.push(["text in a fresh process (start-up included)", ratio(cold / result.ms), toolCpu === undefined ? "" : ratio((ourCpu + stages.startupCpu) / toolCpu), "", ""]);
      // Judged on CPU time: under load a short external process's wall time
      // swings two- or threefold between runs while its CPU time does not.
      const judged = cpuRatio ?? wallRatio;
      report.targets.push({
        label: `whole-book text per book, pdfjs path vs pdftotext (median ${cpuRatio === undefined ? "wall" : "CPU"} time)`,
        target: "≤ 3×",
        measured: `${ratio(judged)} (CPU ${seconds(ourCpu, 2)} vs ${toolCpu === undefined ? "?" : seconds(toolCpu, 2)}; wall ${ratio(wallRatio)}, ${seconds(text.ms, 2)} vs ${seconds(result.ms, 2)})`,
        met: judged <= 3,
      });
      report.notes.push(
        `Runs (wall / CPU): ours ${textRuns.map((run) => `${seconds(run.ms, 2)} / ${seconds(run.cpuMs, 2)}`).join(", ")}; pdftotext ${toolRuns.map((run) => `${seconds(run.ms, 2)} / ${run.cpuMs === undefined ? "?" : seconds(run.cpuMs, 2)}`).join(", ")}.`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    console.log("skipped: install poppler-utils (apt-get install -y poppler-utils) for the pdftotext reference");
    report.notes.push("skipped: install poppler-utils (apt-get install -y poppler-utils) for the pdftotext reference.");
    rows.push(["whole-book text", "local engine path (pdfjs)", seconds(text.ms, 2), seconds(text.cpuMs, 2), megabytes(text.peakKb), `${text.output} chars`]);
  }
  rows.push(["(baseline)", "child process with the same modules loaded, doing nothing", "", "", megabytes(idle.peakKb), ""]);

  report.tables.push({ title: "Time and peak memory", columns: ["work", "how", "time", "CPU time", "peak RSS", "output"], rows });
  if (ratios.length > 0) {
    report.tables.push({
      title: "Ours ÷ the tool (below 1× means ours is faster or smaller)",
      columns: ["comparison", "time", "CPU time", "peak RSS", "peak RSS above the idle baseline"],
      rows: ratios,
    });
  }
  report.notes.push(
    "Our code runs in a fresh `node --import tsx` child per task (as the worker runs), so its peak RSS includes Node, tsx and the loaded modules: the baseline row is that floor.",
    "qpdf time includes starting one process per chunk; split-pdf.ts parses the book once and copies each chunk's pages, as the worker's document cache does.",
  );
  writeFileSync(path.join(benchOut, "pdf-work.last.json"), JSON.stringify({ split, text, idle }));
  return report;
}

const childAt = process.argv.indexOf("--child");
if (childAt >= 0) {
  const [task, bookFile, chunkPages] = process.argv.slice(childAt + 1);
  await childTask(task!, bookFile!, Number(chunkPages));
  process.exit(0);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  await runBenchmark(run);
}
