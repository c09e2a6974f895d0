// One rewriter of each kind and one OCR reader per process, built on first
// use from the validated environment, so every chunk a worker runs shares the
// same Gemini client; each Gemini request they make is counted for /api/metrics.
import { env } from "@/lib/env";
import { createOcr, createRewriter, type RewriterHooks } from "@/lib/engines/create-rewriter";
import type { Rewriter } from "@/lib/engines/rewrite-types";
import type { Engine } from "@/lib/generated/prisma/enums";
import { recordGeminiAttempt } from "@/lib/metrics/record-metrics";

const hooks: RewriterHooks = { onGeminiAttempt: (record) => void recordGeminiAttempt(record) };
const rewriters = new Map<Engine, Rewriter>();
let ocr: ReturnType<typeof createOcr> | undefined;

export function getRewriter(name: Engine): Rewriter {
  let rewriter = rewriters.get(name);
  if (!rewriter) {
    rewriter = createRewriter(name, env(), hooks);
    rewriters.set(name, rewriter);
  }
  return rewriter;
}

export function getOcr(): ReturnType<typeof createOcr> {
  ocr ??= createOcr(env(), hooks);
  return ocr;
}
