// Leaves the packed Lefff on disk (lib/french/lefff-cache.ts) at build time,
// so that the first worker, CLI or test process of a fresh install or image
// reads it in milliseconds instead of parsing the source (about 1.2 s).
import { loadLefff } from "@/lib/french/load-lefff";

loadLefff();
