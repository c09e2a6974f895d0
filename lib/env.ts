// The product's configuration: every variable, its default, validated once.
// A bad value stops the process at start-up with the variable's name.
import { z } from "zod";

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"])
    .default(fallback ? "true" : "false")
    .transform((value) => value === "true" || value === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Unset: the start command runs an embedded Postgres in .data/postgres. */
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  EMBEDDED_PG_PORT: int(54329),
  EMBEDDED_PG_DIR: z.string().default(".data/postgres"),
  PORT: int(3000),
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  /** Unset: the offline local engine is the default and Gemini is unavailable. */
  GEMINI_API_KEY: z.string().min(1).optional(),
  GEMINI_BASE_URL: z.url().optional(),
  GEMINI_MODEL: z.string().default("gemini-2.5-flash"),
  GEMINI_TIMEOUT_MS: int(120_000),
  GEMINI_MAX_RETRIES: int(4),
  /** Size of one rewrite request: the estimated tokens of the sentences (and context) it sends. */
  GEMINI_BATCH_TOKENS: int(4000),
  GEMINI_TEMPERATURE: z.coerce.number().min(0).max(2).default(0),
  /** Least share of a sentence's content words a model rewrite must keep to be accepted. */
  REWRITE_MIN_CONTENT_SHARE: z.coerce.number().min(0).max(1).default(0.75),
  /** A segmented sentence longer than this is cut before rewriting (a book without punctuation). */
  SENTENCE_HARD_LIMIT_WORDS: int(120),
  MAX_UPLOAD_MB: int(50),
  MAX_PAGES: int(1000),
  /** Upload inspection runs in a worker thread with this heap cap and time limit. */
  PDF_PARSE_MEMORY_MB: int(256),
  PDF_PARSE_TIMEOUT_MS: int(20_000),
  /** Page text and fonts a PDF may unpack to (its Flate streams, images aside): the decompression-bomb limit. */
  PDF_MAX_INFLATED_MB: int(200),
  CHUNK_PAGES: int(20),
  CHUNK_OVERLAP_PAGES: int(1),
  CHUNK_WINDOW: int(4),
  CHUNK_RETRY_LIMIT: int(2),
  CHUNK_EXPIRE_SECONDS: int(300),
  WORKER_CONCURRENCY: int(4),
  WORKER_SHUTDOWN_GRACE_MS: int(30_000),
  /** Set: the worker answers its health on this loopback port (Docker's health check uses it). */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  MONTHLY_CREDITS: int(1000),
  CREDITS_PER_PAGE_LOCAL: z.coerce.number().int().min(0).default(1),
  CREDITS_PER_PAGE_GEMINI: int(3),
  MAX_RUNNING_JOBS_PER_USER: int(3),
  JOB_CREATE_PER_MINUTE: int(10),
  QUEUE_BACKPRESSURE_LIMIT: int(2000),
  /** Bearer token for GET /api/metrics; unset turns the endpoint off (404). */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Estimates (each parses a PDF) per user per minute. */
  ESTIMATES_PER_MINUTE: int(20),
  /** Sign-in attempts per client address, and per account, in any 15 minutes. */
  SIGN_IN_ATTEMPTS_PER_IP: int(30),
  SIGN_IN_ATTEMPTS_PER_ACCOUNT: int(10),
  /** Sign-ups per client address in any hour. */
  SIGN_UPS_PER_IP: int(20),
  /**
   * Reverse proxies in front of the web app that append to X-Forwarded-For.
   * 0: the header is not trusted beyond the address the web server itself saw.
   */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** How often a signed-in session is checked against the database (account exists, role, signed out). */
  SESSION_RECHECK_SECONDS: int(300),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SEED_DEMO_USER: flag(true),
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
