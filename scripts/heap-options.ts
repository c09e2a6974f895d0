// V8 sizes a busy process's young generation from the machine's memory (tens
// of megabytes per semi-space here) and the old generation grows after it:
// on a 700-page book at WORKER_CONCURRENCY=4 a worker's RSS peaked at 474 MB,
// 286 MB with 4 MB semi-spaces, at about the same CPU (bench/RESULTS.md,
// pipeline efficiency). Workers only: the web server's peak under 200 pollers
// barely moved with it (488 → 411 MB, at more CPU per request), its memory is
// not young-generation garbage. docker-compose.yml sets the same NODE_OPTIONS
// for the worker service.
export const heapOptions = "--max-semi-space-size=4";

/** `env` with the heap options added to NODE_OPTIONS, unless it already sets the semi-space size. */
export function withHeapOptions<T extends Record<string, string | undefined>>(env: T): T {
  const current = env.NODE_OPTIONS ?? "";
  if (current.includes("--max-semi-space-size")) return env;
  return { ...env, NODE_OPTIONS: `${current} ${heapOptions}`.trim() };
}
