// One engine of each kind per process, built on first use from the validated
// environment, so every chunk a worker runs shares the same Gemini client;
// each Gemini request it makes is counted for /api/metrics.
import { env } from "@/lib/env";
import { createEngine } from "@/lib/engines/create-engine";
import type { Engine, EngineName } from "@/lib/engines/types";
import { recordGeminiAttempt } from "@/lib/metrics/record-metrics";

const engines = new Map<EngineName, Engine>();

export function getEngine(name: EngineName): Engine {
  let engine = engines.get(name);
  if (!engine) {
    engine = createEngine(name, env(), { onGeminiAttempt: (record) => void recordGeminiAttempt(record) });
    engines.set(name, engine);
  }
  return engine;
}
