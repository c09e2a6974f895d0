// How a worker process is started from the sources: Node itself (no npx or
// tsx wrapper, so a signal reaches the worker), tsx for the TypeScript, and
// packages loaded by Node untouched (scripts/load-packages-natively.ts). The
// Docker image runs the bundle instead (dist/worker/index.js).
import path from "node:path";
import { pathToFileURL } from "node:url";

const nativePackages = pathToFileURL(path.join(import.meta.dirname, "load-packages-natively.ts")).href;

/** Node's arguments for `worker/index.ts`, relative to the repository root (the process's cwd). */
export const workerNodeArgs = ["--import", "tsx", "--import", nativePackages, "worker/index.ts"];
