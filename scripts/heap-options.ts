// V8 sizes a busy process's young generation from the machine's memory (tens
// of megabytes per semi-space here) and the old generation grows after it:
// on a 700-page book at WORKER_CONCURRENCY=4 a worker's RSS peaked at 474 MB,
// 286 MB with 4 MB semi-spaces, at about the same CPU (bench/RESULTS.md,
// pipeline efficiency). The web server's garbage is per request and short
// lived (a poll allocates a few kilobytes and keeps none), so under 200
// pollers its RSS followed the young generation too; it gets smaller
// semi-spaces still (bench/RESULTS.md, progress polling, says how much).
// docker-compose.yml and the Dockerfile set the same NODE_OPTIONS.
export const heapOptions = "--max-semi-space-size=4";
export const webHeapOptions = "--max-semi-space-size=1";

/** `env` with the heap options added to NODE_OPTIONS, unless it already sets the semi-space size. */
export function withHeapOptions<T extends Record<string, string | undefined>>(env: T, options = heapOptions): T {
  const current = env.NODE_OPTIONS ?? "";
  if (current.includes("--max-semi-space-size")) return env;
  return { ...env, NODE_OPTIONS: `${current} ${options}`.trim() };
}
