// The product's configuration: every variable, its default, validated once.
// A bad value stops the process at start-up with the variable's name.
import { z } from "zod";
import { chunkExpireSecondsFor, geminiRequestBudgetMs, geminiRequestsPerChunk } from "@/lib/engines/gemini-time-budget";

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"])
    .default(fallback ? "true" : "false")
    .transform((value) => value === "true" || value === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set by Next.js; `phase-production-build` while `next build` loads the routes (not a running product). */
  NEXT_PHASE: z.string().optional(),
  /** Unset: the start command runs an embedded Postgres in .data/postgres. */
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  /**
   * The web's job-change listener (LISTEN job_changed, lib/jobs/job-changes.ts)
   * needs a session of its own: point this at Postgres itself when
   * DATABASE_URL goes through a pooler in transaction mode. Unset: DATABASE_URL.
   */
  JOB_CHANGES_DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  /** false: no job-change listener, and every progress poll reads the database. */
  JOB_CHANGES_LISTEN: flag(true),
  EMBEDDED_PG_PORT: int(54329),
  EMBEDDED_PG_DIR: z.string().default(".data/postgres"),
  PORT: int(3000),
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  /**
   * false: the offline engine only cuts long sentences between constituents,
   * by word classes, without parsing or rewriting them (lib/engines/local-rewriter.ts):
   * about a third of the CPU, and the benchmark's reference.
   */
  OFFLINE_RULES: flag(true),
  /** Unset: the offline local engine is the default and Gemini is unavailable. */
  GEMINI_API_KEY: z.string().min(1).optional(),
  GEMINI_BASE_URL: z.url().optional(),
  /**
   * The models users may choose, each with its price in credits per page:
   * `name:credits` separated by commas. The only list of models
   * (lib/engines/gemini-models.ts reads it).
   */
  GEMINI_MODELS: z
    .string()
    .default("gemini-2.5-flash:3,gemini-2.5-pro:10")
    .transform((text, context) => {
      const models = parseGeminiModels(text);
      if (typeof models === "string") {
        context.addIssue({ code: "custom", message: models });
        return z.NEVER;
      }
      return models;
    }),
  /** The default model; unset: the first of GEMINI_MODELS. Must be on that list. */
  GEMINI_MODEL: z.string().optional(),
  GEMINI_TIMEOUT_MS: int(120_000),
  GEMINI_MAX_RETRIES: int(4),
  /**
   * Tokens a Gemini book may use per page before a failing chunk stops
   * instead of trying again: failed attempts are billed by Google too, and
   * count here with the rest of the book's tokens.
   */
  GEMINI_MAX_TOKENS_PER_PAGE: int(10_000),
  /**
   * Gemini tokens a user's books may spend in 24 hours on pages that were
   * not paid for (failed attempts of pages that failed or are not done yet):
   * past it, new Gemini books and retries get 429 and failing chunks stop.
   */
  GEMINI_UNPAID_TOKENS_PER_USER_DAY: int(500_000),
  /** Size of one rewrite request: the estimated tokens of the sentences (and context) it sends. */
  GEMINI_BATCH_TOKENS: int(4000),
  /** Rewrite requests of one chunk sent at once (each chunk's batches; then its re-asks). */
  GEMINI_BATCHES_IN_FLIGHT: int(3),
  GEMINI_TEMPERATURE: z.coerce.number().min(0).max(2).default(0),
  /** Least share of a sentence's content words a model rewrite must keep to be accepted. */
  REWRITE_MIN_CONTENT_SHARE: z.coerce.number().min(0).max(1).default(0.75),
  /** A segmented sentence longer than this is cut before rewriting (a book without punctuation). */
  SENTENCE_HARD_LIMIT_WORDS: int(120),
  MAX_UPLOAD_MB: int(50),
  MAX_PAGES: int(1000),
  /** Upload inspection runs in a worker thread with this heap cap and time limit. */
  PDF_PARSE_MEMORY_MB: int(256),
  /**
   * PDF reading threads of a worker; unset, one per chunk it runs at once (up to the cores). One
   * saves a thread's memory (40–55 MB) but makes every chunk's read wait behind a slow one: the CLI's choice.
   */
  PDF_READING_THREADS: z.coerce.number().int().positive().optional(),
  PDF_PARSE_TIMEOUT_MS: int(20_000),
  /** Page text and fonts a PDF may unpack to (its Flate streams, images aside): the decompression-bomb limit. */
  PDF_MAX_INFLATED_MB: int(200),
  /** Uploads (books and estimates) of one user waiting for or in the inspection thread of a web process. */
  PDF_INSPECTIONS_PER_USER: int(2),
  /** Uploads waiting for the inspection thread of a web process, all users together: past it, 503. */
  PDF_INSPECTION_QUEUE_MAX: int(8),
  CHUNK_PAGES: int(20),
  CHUNK_OVERLAP_PAGES: int(1),
  CHUNK_WINDOW: int(4),
  CHUNK_RETRY_LIMIT: int(2),
  /** Unset: derived from the Gemini retry budget (lib/engines/gemini-time-budget.ts). */
  CHUNK_EXPIRE_SECONDS: z.coerce.number().int().positive().optional(),
  /** A book unchanged this long with nothing queued or running for it is moved on by the sweep. */
  STUCK_JOB_MINUTES: int(15),
  WORKER_CONCURRENCY: int(4),
  WORKER_SHUTDOWN_GRACE_MS: int(30_000),
  /** Set: the worker answers its health on this loopback port (Docker's health check uses it). */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  MONTHLY_CREDITS: int(1000),
  CREDITS_PER_PAGE_LOCAL: z.coerce.number().int().min(0).default(1),
  MAX_RUNNING_JOBS_PER_USER: int(3),
  JOB_CREATE_PER_MINUTE: int(10),
  QUEUE_BACKPRESSURE_LIMIT: int(2000),
  /** Bearer token for GET /api/metrics; unset turns the endpoint off (404). */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Estimates (each parses a PDF) per user per minute. */
  ESTIMATES_PER_MINUTE: int(20),
  /** Word lists read (imported, or pasted into a study set) per user per minute: each is parsed on the web process. */
  WORD_LISTS_PER_MINUTE: int(20),
  /** Study sets one user may have queued or running at once (each is seconds of a worker's CPU). */
  STUDY_SETS_IN_PROGRESS_PER_USER: int(2),
  /** Study sets one user may start in any hour. */
  STUDY_SETS_PER_HOUR: int(30),
  /** Sign-in attempts per client address, and per account, in any 15 minutes. */
  SIGN_IN_ATTEMPTS_PER_IP: int(30),
  SIGN_IN_ATTEMPTS_PER_ACCOUNT: int(10),
  /** Sign-ups per client address in any hour. */
  SIGN_UPS_PER_IP: int(20),
  /**
   * Reverse proxies in front of the web app that append to X-Forwarded-For.
   * 0: the header is never read; the client is the socket's peer. Unset: 0,
   * except in production, which must say (a wrong guess either lets clients
   * pick their per-address key or puts every client behind one key).
   */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).optional(),
  /** How often a signed-in session is checked against the database (account exists, role, signed out). */
  SESSION_RECHECK_SECONDS: int(300),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SEED_DEMO_USER: flag(true),
  /** Set by `npm start` when it seeded the demo account: the sign-in page then shows it. */
  SHOW_DEMO_ACCOUNT: flag(false),
});

export interface GeminiModel {
  name: string;
  /** Price of one page processed with this model. */
  creditsPerPage: number;
}

/** `name:credits,name:credits` into the model list, or what is wrong with it. */
export function parseGeminiModels(text: string): GeminiModel[] | string {
  const models: GeminiModel[] = [];
  for (const entry of text.split(",").map((part) => part.trim()).filter(Boolean)) {
    const match = /^([A-Za-z0-9][A-Za-z0-9._-]*):(\d+)$/u.exec(entry);
    if (!match || Number(match[2]) < 1) {
      return `"${entry}" is not model:credits (a model name, a colon, a whole number of credits per page ≥ 1)`;
    }
    if (models.some((model) => model.name === match[1])) return `${match[1]} is listed twice`;
    models.push({ name: match[1]!, creditsPerPage: Number(match[2]) });
  }
  return models.length > 0 ? models : "must list at least one model";
}

/** Values that follow from others (the default model, the chunk time limit), and what production must set. */
const configuration = schema.transform((values, context) => {
  const models = values.GEMINI_MODELS;
  const model = values.GEMINI_MODEL ?? models[0]!.name;
  if (!models.some((entry) => entry.name === model)) {
    context.addIssue({
      code: "custom",
      path: ["GEMINI_MODEL"],
      message: `must be one of GEMINI_MODELS (${models.map((entry) => entry.name).join(", ")})`,
    });
  }
  // Without Gemini, chunks run the local engine only: seconds each.
  const derivedExpiry = values.GEMINI_API_KEY ? chunkExpireSecondsFor(values) : 300;
  // A limit between one request's budget and the chunk's whole budget let
  // pg-boss expire a chunk whose requests were still within their retries:
  // the attempt is lost (and billed) and the chunk runs again.
  const requestSeconds = Math.ceil(geminiRequestBudgetMs(values) / 1000);
  if (values.GEMINI_API_KEY && values.CHUNK_EXPIRE_SECONDS !== undefined && values.CHUNK_EXPIRE_SECONDS < derivedExpiry) {
    context.addIssue({
      code: "custom",
      path: ["CHUNK_EXPIRE_SECONDS"],
      message:
        `must be at least ${derivedExpiry} s, a chunk's whole Gemini budget (${geminiRequestsPerChunk(values)} requests ` +
        `one after another, each up to ${requestSeconds} s: (GEMINI_MAX_RETRIES + 1) × GEMINI_TIMEOUT_MS + backoff, ` +
        "plus 60 s); unset, it is derived from that budget",
    });
  }
  if (values.NODE_ENV === "production" && values.NEXT_PHASE !== "phase-production-build" && values.TRUSTED_PROXIES === undefined) {
    context.addIssue({
      code: "custom",
      path: ["TRUSTED_PROXIES"],
      message:
        "must be set in production: 0 when clients reach the web app directly, " +
        "else the number of reverse proxies in front that append to X-Forwarded-For",
    });
  }
  return {
    ...values,
    GEMINI_MODEL: model,
    CHUNK_EXPIRE_SECONDS: values.CHUNK_EXPIRE_SECONDS ?? derivedExpiry,
    TRUSTED_PROXIES: values.TRUSTED_PROXIES ?? 0,
  };
});

export type Env = z.infer<typeof configuration>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = configuration.safeParse(cleaned);
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
