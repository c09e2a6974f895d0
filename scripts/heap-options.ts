// V8 heap limits, set by npm start, the test stack, the benchmarks, the
// Dockerfile and docker-compose.yml (NODE_OPTIONS of each service).
//
// Workers, --max-semi-space-size=4: V8 sizes a busy process's young
// generation from the machine's memory (tens of megabytes per semi-space
// here) and the old generation grows after it: on a 700-page book at
// WORKER_CONCURRENCY=4 a worker's RSS peaked at 474 MB, 286 MB with 4 MB
// semi-spaces, at about the same CPU (bench/RESULTS.md, pipeline efficiency).
//
// Workers, --max-old-space-size=512: with the default limit (a quarter of the
// machine's memory, up to 4 GB) V8 leaves the old generation to grow to half
// of it before its first full collection, and sizes the next limit at up to
// four times what survived. A worker's live heap is small (about 120–160 MB
// while four chunks run, the Lefff included; 40,000 study-set sentences fit
// in 512 MB too), but each chunk's pages and answers live through several
// Gemini requests, long enough to reach the old generation, so the garbage
// piled up for a whole book: heap in use 135 → 287 MB, RSS 494 MB. With
// 512 MB V8 collects as it goes: heap 120–180 MB, RSS peak 375–379 MB with
// 1, 2 and 4 workers (the bundled worker of the Docker image: 436 → 376 MB),
// for about 15 % more worker CPU.
//
// Web server: its live heap is small (about 55 MB under 200 pollers), but V8
// let its old generation fill with promoted request garbage up to 220 MB
// before collecting it (RSS 368–478 MB under saturation). A capped old
// generation makes it collect sooner. The cap is 256 MB, not the 128 MB that
// gave the lowest RSS: a word-list upload loads the Lefff into the web
// process (about 65–70 MB of live heap, for hasKnownLemma), and with it a
// 128 MB heap ran out of memory after 40 MB more. Its young generation has
// 32 MB semi-spaces: 1 MB ones saved about 20 MB but cost a trivial route a
// third more CPU per request (bench/RESULTS.md, progress polling), and with
// 8 MB ones the polls of running books stalled more often where a scavenge
// lost its core halfway (123–135 scavenges per 15 s against 41–43; p99 under
// 250 ms in 6 of 6 runs against 8 of 12, for about 40 MB more RSS; section 3b). Uploads
// are buffers outside the JavaScript heap and the PDF check runs in a worker
// thread with its own limit (PDF_PARSE_MEMORY_MB), so neither counts here.
export const heapOptions = "--max-semi-space-size=4 --max-old-space-size=512";
export const webHeapOptions = "--max-semi-space-size=32 --max-old-space-size=256";

/** `env` with the heap options added to NODE_OPTIONS, unless it already sets the semi-space size. */
export function withHeapOptions<T extends Record<string, string | undefined>>(env: T, options = heapOptions): T {
  const current = env.NODE_OPTIONS ?? "";
  if (current.includes("--max-semi-space-size")) return env;
  return { ...env, NODE_OPTIONS: `${current} ${options}`.trim() };
}
