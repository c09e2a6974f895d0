// How long Gemini work may take, so that a chunk's time limit never ends
// before the engine's own retries do (which killed slow chunks and paid for
// them again). Pure arithmetic on the configuration; lib/env.ts uses it to
// derive CHUNK_EXPIRE_SECONDS and to refuse one set too short.

/** The exponential backoff's cap between attempts: gemini-call.ts's default `maxBackoffMs`. */
export const geminiBackoffCapMs = 30_000;

/**
 * Tokens of sentences a dense novel page holds (about 450 words); used only
 * to count how many rewrite requests a chunk makes.
 */
export const tokensPerPage = 600;

/** Slack for reading the pages, the local split and the database writes. */
const chunkMarginSeconds = 60;

/** pg-boss refuses a time limit over 24 hours. */
const maxExpireSeconds = 24 * 3600;

export interface GeminiBudgetSettings {
  GEMINI_TIMEOUT_MS: number;
  GEMINI_MAX_RETRIES: number;
  GEMINI_BATCH_TOKENS: number;
  CHUNK_PAGES: number;
}

/**
 * One generateContent request at worst: every attempt runs to its timeout
 * and every wait between them reaches the backoff cap. (A server asking for
 * a longer wait, up to 120 s, can still exceed it; that attempt then fails
 * and the chunk is retried.)
 */
export function geminiRequestBudgetMs(settings: GeminiBudgetSettings): number {
  const attempts = settings.GEMINI_MAX_RETRIES + 1;
  return attempts * settings.GEMINI_TIMEOUT_MS + settings.GEMINI_MAX_RETRIES * geminiBackoffCapMs;
}

/**
 * Requests one chunk makes, one after another: a rewrite request per batch
 * of GEMINI_BATCH_TOKENS, as many again for the sentences whose answers
 * failed validation (asked once more), and one for the scanned pages (OCR).
 */
export function geminiRequestsPerChunk(settings: GeminiBudgetSettings): number {
  const batches = Math.ceil((settings.CHUNK_PAGES * tokensPerPage) / settings.GEMINI_BATCH_TOKENS);
  return 2 * batches + 1;
}

/** The chunk's time limit that lets every request of it use its whole retry budget. */
export function chunkExpireSecondsFor(settings: GeminiBudgetSettings): number {
  const seconds =
    (geminiRequestsPerChunk(settings) * geminiRequestBudgetMs(settings)) / 1000 + chunkMarginSeconds;
  return Math.min(maxExpireSeconds, Math.ceil(seconds));
}
