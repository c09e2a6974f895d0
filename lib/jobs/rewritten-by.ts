// Who wrote a rewritten sentence: Gemini, whose answer passed validation, or
// the offline rules, for a job without a model or for a sentence whose
// model answers were refused twice (it keeps the refusal's reason). Derived
// from what each original already records (method, model, fallback reason).
import type { SentenceMethod } from "@/lib/generated/prisma/client";

export type RewrittenBy = "rules" | "model";

export function rewrittenBy(original: {
  method: SentenceMethod;
  model: string | null;
  fallbackReason: string | null;
}): RewrittenBy | null {
  if (original.method !== "rewritten") return null;
  return original.model !== null && original.fallbackReason === null ? "model" : "rules";
}
