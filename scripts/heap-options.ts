// V8 heap limits for worker processes, set by npm start, the test stack, the
// benchmarks and docker-compose.yml (NODE_OPTIONS of the worker service).
//
// --max-semi-space-size=4: V8 sizes a busy process's young generation from
// the machine's memory (tens of megabytes per semi-space here) and the old
// generation grows after it: on a 700-page book at WORKER_CONCURRENCY=4 a
// worker's RSS peaked at 474 MB, 286 MB with 4 MB semi-spaces, at about the
// same CPU (bench/RESULTS.md, pipeline efficiency).
//
// --max-old-space-size=512: with the default limit (a quarter of the
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
// Workers only: the web server's peak under 200 pollers barely moved with a
// smaller young generation (488 → 411 MB, at more CPU per request), its
// memory is not young-generation garbage.
export const heapOptions = "--max-semi-space-size=4 --max-old-space-size=512";

/** `env` with the heap options added to NODE_OPTIONS, unless it already sets the semi-space size. */
export function withHeapOptions<T extends Record<string, string | undefined>>(env: T): T {
  const current = env.NODE_OPTIONS ?? "";
  if (current.includes("--max-semi-space-size")) return env;
  return { ...env, NODE_OPTIONS: `${current} ${heapOptions}`.trim() };
}
