// PDF work in the worker: cutting the long book into its chunks with
// lib/pdf/split-pdf.ts (pdf-lib) against `qpdf --pages` making the same
// chunks, and reading the whole book's text with the local engine's pdfjs
// path against `pdftotext`. Each of our runs happens in a fresh child
// process so its peak RSS (getrusage maxrss) is its own; the tools' peak RSS
// comes from GNU time when installed, else from sampling /proc.
//
//   npx tsx bench/pdf-work.ts
//   BENCH_BOOK_PAGES=700 CHUNK_PAGES=20
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
  peakKb: number;
  /** Output size: bytes of all chunks, or characters of text. */
  output: number;
}

const root = path.resolve(import.meta.dirname, "..");

function hasTool(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`]).status === 0;
}

/** Runs a command to completion; its peak RSS from GNU time, or sampled from /proc. */
async function runTool(command: string, args: string[]): Promise<{ ms: number; peakKb: number }> {
  const timed = existsSync("/usr/bin/time");
  const started = performance.now();
  const child = timed
    ? spawn("/usr/bin/time", ["-f", "%M", command, ...args], { stdio: ["ignore", "ignore", "pipe"] })
    : spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let sampled = 0;
  const timer = timed ? undefined : setInterval(() => (sampled = Math.max(sampled, readMemory(child.pid!)?.peakKb ?? 0)), 2);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  const ms = performance.now() - started;
  clearInterval(timer);
  if (code !== 0) throw new Error(`${command} exited with ${code}: ${stderr}`);
  const peakKb = timed ? Number(stderr.trim().split("\n").pop()) : sampled;
  return { ms, peakKb };
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
  const [{ openPdfSplitter }, { readPdfPageLines }, { extractPageText }] = await Promise.all([
    import("@/lib/pdf/split-pdf"),
    import("@/lib/pdf/read-page-lines"),
    import("@/lib/text/extract-page-text"),
  ]);
  const bytes = new Uint8Array(readFileSync(bookFile));
  const started = performance.now();
  let output = 0;
  if (task === "split") {
    const splitter = await openPdfSplitter(bytes);
    for (const plan of planChunks({ pageCount: splitter.pageCount, chunkPages, overlapPages: 1 })) {
      output += (await splitter.extractPages(plan.firstPage, plan.lastPage)).byteLength;
    }
  } else if (task === "text") {
    const pages = extractPageText(await readPdfPageLines(bytes));
    output = pages.reduce((sum, page) => sum + page.text.length, 0);
  }
  const ms = performance.now() - started;
  // ru_maxrss is in kilobytes on Linux.
  console.log(JSON.stringify({ ms, peakKb: process.resourceUsage().maxRSS, output }));
}

export async function run(): Promise<BenchReport> {
  const pages = envInt("BENCH_BOOK_PAGES", 700);
  const chunkPages = envInt("CHUNK_PAGES", 20);
  const report = emptyReport(
    "pdf-work",
    "5. PDF splitting and text extraction",
    `The ${pages}-page book cut into its chunks (${chunkPages} pages + 1 overlap page each side) and its whole text read, ` +
      "by the product's code and by the standard command-line tools, on the same file in the same run.",
  );
  const book = await benchBook(pages);
  const bookFile = path.join(benchOut, `book-${pages}p.pdf`);
  const plans = planChunks({ pageCount: pages, chunkPages, overlapPages: 1 });
  report.settings = { pages, "book size": `${(statSync(bookFile).size / 1e6).toFixed(1)} MB`, chunks: plans.length, CHUNK_PAGES: chunkPages };
  void book;

  const idle = await runOurs("idle", bookFile, chunkPages);
  const split = await runOurs("split", bookFile, chunkPages);
  const text = await runOurs("text", bookFile, chunkPages);
  const rows: (string | number)[][] = [];
  const ratios: (string | number)[][] = [];

  if (hasTool("qpdf")) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-qpdf-"));
    try {
      let ms = 0;
      let peakKb = 0;
      let output = 0;
      for (const plan of plans) {
        const out = path.join(dir, `chunk-${plan.index}.pdf`);
        const result = await runTool("qpdf", ["--empty", "--pages", bookFile, `${plan.firstPage}-${plan.lastPage}`, "--", out]);
        ms += result.ms;
        peakKb = Math.max(peakKb, result.peakKb);
        output += statSync(out).size;
      }
      const whole = await runTool("qpdf", ["--split-pages=" + chunkPages, bookFile, path.join(dir, "split-%d.pdf")]);
      rows.push(["split into chunks", "split-pdf.ts (pdf-lib, parse once + copyPages per chunk)", seconds(split.ms, 2), megabytes(split.peakKb), `${(split.output / 1e6).toFixed(1)} MB of chunks`]);
      rows.push(["split into chunks", `qpdf --empty --pages (one process per chunk, ${plans.length} runs)`, seconds(ms, 2), megabytes(peakKb), `${(output / 1e6).toFixed(1)} MB of chunks`]);
      rows.push(["split into chunks", `qpdf --split-pages=${chunkPages} (one process, no overlap pages)`, seconds(whole.ms, 2), megabytes(whole.peakKb), ""]);
      ratios.push(["split: split-pdf.ts vs qpdf per chunk", ratio(split.ms / ms), ratio(split.peakKb / peakKb), ratio((split.peakKb - idle.peakKb) / peakKb)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    console.log("skipped: install qpdf (apt-get install -y qpdf) for the split reference");
    report.notes.push("skipped: install qpdf (apt-get install -y qpdf) for the split reference.");
    rows.push(["split into chunks", "split-pdf.ts", seconds(split.ms, 2), megabytes(split.peakKb), `${(split.output / 1e6).toFixed(1)} MB`]);
  }

  if (hasTool("pdftotext")) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-pdftotext-"));
    try {
      const out = path.join(dir, "book.txt");
      const result = await runTool("pdftotext", ["-enc", "UTF-8", bookFile, out]);
      const characters = readFileSync(out, "utf8").length;
      rows.push(["whole-book text", "local engine path (pdfjs getTextContent → lines → extractPageText)", seconds(text.ms, 2), megabytes(text.peakKb), `${text.output.toLocaleString("en-US")} chars (running heads and folios dropped)`]);
      rows.push(["whole-book text", "pdftotext -enc UTF-8", seconds(result.ms, 2), megabytes(result.peakKb), `${characters.toLocaleString("en-US")} chars`]);
      ratios.push(["text: pdfjs path vs pdftotext", ratio(text.ms / result.ms), ratio(text.peakKb / result.peakKb), ratio((text.peakKb - idle.peakKb) / result.peakKb)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    console.log("skipped: install poppler-utils (apt-get install -y poppler-utils) for the pdftotext reference");
    report.notes.push("skipped: install poppler-utils (apt-get install -y poppler-utils) for the pdftotext reference.");
    rows.push(["whole-book text", "local engine path (pdfjs)", seconds(text.ms, 2), megabytes(text.peakKb), `${text.output} chars`]);
  }
  rows.push(["(baseline)", "child process with the same modules loaded, doing nothing", "", megabytes(idle.peakKb), ""]);

  report.tables.push({ title: "Time and peak memory", columns: ["work", "how", "time", "peak RSS", "output"], rows });
  if (ratios.length > 0) {
    report.tables.push({
      title: "Ours ÷ the tool (below 1× means ours is faster or smaller)",
      columns: ["comparison", "time", "peak RSS", "peak RSS above the idle baseline"],
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
