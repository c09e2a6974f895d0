// How long the local engine takes on a 700-page book, read the way the
// worker reads it: 20-page chunks (plus one overlap page each side) through
// the engine, one after the other in one process. The first chunk pays for
// loading the French lexicon, as a fresh worker does. Prints JSON.
//
//   npx tsx bench/local-engine-speed.ts [pages=700] [runs=3]
import { benchBook } from "@/bench/support/book";
import { createLocalEngine } from "@/tests/support/local-engine";
import { openPdfSplitter } from "@/lib/pdf/split-pdf";
import { planChunks } from "@/lib/pipeline/plan-chunks";

const pages = Number(process.argv[2] ?? 700);
const runs = Number(process.argv[3] ?? 3);
const book = await benchBook(pages);
const splitter = await openPdfSplitter(book);
const chunks = planChunks({ pageCount: pages, chunkPages: 20, overlapPages: 1 });
const pdfs = [];
for (const chunk of chunks) pdfs.push({ chunk, pdf: await splitter.extractPages(chunk.firstPage, chunk.lastPage) });

const engine = createLocalEngine();
// CPU seconds as well as wall seconds: the machine may be shared.
const times: number[] = [];
const cpu: number[] = [];
let sentences = 0;
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  sentences = 0;
  for (const { chunk, pdf } of pdfs) {
    const result = await engine.process({ pdf, ...chunk, maxWords: 8, signal: new AbortController().signal });
    sentences += result.sentences.length;
  }
  times.push((performance.now() - started) / 1000);
  const used = process.cpuUsage(cpuStarted);
  cpu.push((used.user + used.system) / 1e6);
}
const round = (values: number[]) => values.map((value) => Number(value.toFixed(2)));
console.log(JSON.stringify({ pages, chunks: pdfs.length, sentences, wallSeconds: round(times), cpuSeconds: round(cpu) }));
