// npm run novel -- <book.pdf|.epub|.txt> [--max-words 8] [--engine local|gemini] [--model …] [--rows all|kept] [--out file.json|.csv]
//
// Runs one book through the same pipeline as the web app (the same queue and
// worker code, on the embedded database unless DATABASE_URL is set), draws a
// progress bar, and writes the sentences with the API export's columns
// (position, text, original, page, words, kind, part, parts, method);
// `--rows kept` writes only the sentences as the author wrote them. Ctrl-C
// cancels the job.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { openLocalDatabase } from "@/lib/db/local-database";
import { EnvError, env } from "@/lib/env";
import { wordLimit } from "@/lib/jobs/job-states";
import { exportRows } from "@/lib/validations/job";
import { runNovelFromCli } from "@/scripts/run-novel";

const usage =
  "Usage: npm run novel -- <book.pdf|book.epub|book.txt> [--max-words 8] [--engine local|gemini] [--model NAME] [--rows all|kept] [--out sentences.json|.csv]\n" +
  "  --rows kept  only the sentences as the author wrote them (short enough to be kept whole, never rewritten or cut)";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "max-words": { type: "string", default: String(wordLimit.default) },
    engine: { type: "string" },
    model: { type: "string" },
    out: { type: "string" },
    rows: { type: "string", default: "all" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help || positionals.length !== 1) fail(usage);

// Logs would tear the progress bar; only warnings and errors are shown.
process.env.PROCESS_ROLE = "cli";
process.env.LOG_LEVEL ??= "warn";
try {
  env();
} catch (error) {
  if (error instanceof EnvError) fail(error.message);
  throw error;
}

const bookPath = positionals[0];
const maxWords = Number(values["max-words"]);
const engine = (values.engine ?? (env().GEMINI_API_KEY ? "gemini" : "local")) as "local" | "gemini";
if (engine !== "local" && engine !== "gemini") fail(`--engine must be local or gemini, not ${engine}`);
const rowsOption = exportRows.safeParse(values.rows);
if (!rowsOption.success) fail(`--rows must be all or kept, not ${values.rows}`);
const rows = rowsOption.data;
const out =
  values.out ??
  `${path.basename(bookPath, path.extname(bookPath))}-sentences${rows === "kept" ? "-kept" : ""}.json`;
if (!/\.(json|csv)$/i.test(out)) fail("--out must end in .json or .csv");
const bytes = await readFile(bookPath).catch(() => fail(`Cannot read ${bookPath}`));

const database = await openLocalDatabase().catch((error) => fail(String(error.message ?? error)));
process.env.DATABASE_URL = database.url;

try {
  const written = await runNovelFromCli({
    bytes: new Uint8Array(bytes),
    fileName: path.basename(bookPath),
    maxWords,
    engine,
    model: values.model,
    rows,
    out: { file: out, format: out.toLowerCase().endsWith(".csv") ? "csv" : "json" },
    onProgress: (line) => process.stderr.write(`\r${line}`),
  });
  process.stderr.write("\n");
  if (written === null) {
    process.stderr.write("Cancelled.\n");
  } else {
    process.stderr.write(`${written} ${rows === "kept" ? "kept " : ""}sentences written to ${out}\n`);
  }
} catch (error) {
  process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
