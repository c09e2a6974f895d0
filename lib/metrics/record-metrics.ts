// What the worker processes know and the web's /api/metrics reports: chunk
// durations and Gemini calls, added to `MetricCounter` rows in Postgres.
// Workers scale out behind one database, so counting there gives one scrape
// target (the web) instead of one per worker replica, and a counter survives
// the worker that incremented it.
import { db, type Tx } from "@/lib/db/prisma";
import type { GeminiTokenRecord } from "@/lib/engines/gemini-call";
import { log } from "@/lib/log";

/** Upper bounds (seconds) of the chunk duration histogram: a local chunk takes about a second, a Gemini one up to minutes. */
export const chunkDurationBuckets = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300] as const;

interface Increment {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Sorted keys, so one series is always one row. */
export function labelKey(labels: Record<string, string>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))));
}

async function addToCounters(client: Tx, increments: Increment[]): Promise<void> {
  // Rows in one order in every transaction, so two concurrent writers never deadlock.
  const rows = increments
    .map((increment) => ({ ...increment, key: labelKey(increment.labels) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
  await client.$executeRaw`
    insert into "MetricCounter" (name, labels, value, "updatedAt")
    select name, labels, value, now()
    from unnest(${rows.map((row) => row.name)}::text[], ${rows.map((row) => row.key)}::text[],
                ${rows.map((row) => row.value)}::float8[]) as increment(name, labels, value)
    on conflict (name, labels) do update
      set value = "MetricCounter".value + excluded.value, "updatedAt" = now()`;
}

/**
 * Counts one finished chunk in the histogram. Called inside the transaction
 * that marks the chunk done, so a chunk is counted exactly once even when its
 * handler runs twice.
 */
export async function recordChunkDuration(
  tx: Tx,
  sample: { engine: string; seconds: number },
): Promise<void> {
  const { engine, seconds } = sample;
  const buckets = [...chunkDurationBuckets.map(String), "+Inf"];
  const fits = (le: string) => le === "+Inf" || seconds <= Number(le);
  await addToCounters(tx, [
    ...buckets.filter(fits).map((le) => ({ name: "chunk_duration_seconds_bucket", labels: { engine, le }, value: 1 })),
    { name: "chunk_duration_seconds_sum", labels: { engine }, value: seconds },
    { name: "chunk_duration_seconds_count", labels: { engine }, value: 1 },
  ]);
}

/**
 * Counts the chunk's sentences that fell back to the local split, by reason,
 * in the transaction that marks the chunk done (so once per chunk).
 */
export async function recordRewriteFallbacks(
  tx: Tx,
  sentences: readonly { id?: string; fallbackReason?: string }[],
): Promise<void> {
  const reasons = new Map<string, Set<string>>();
  for (const sentence of sentences) {
    if (!sentence.fallbackReason) continue;
    const ids = reasons.get(sentence.fallbackReason) ?? new Set<string>();
    ids.add(sentence.id ?? "");
    reasons.set(sentence.fallbackReason, ids);
  }
  if (reasons.size === 0) return;
  await addToCounters(
    tx,
    [...reasons].map(([reason, ids]) => ({ name: "rewrite_fallbacks_total", labels: { reason }, value: ids.size })),
  );
}

/**
 * Counts one Gemini request. Never throws: a metrics write that fails (the
 * database briefly away) must not fail the chunk whose call it describes.
 */
export async function recordGeminiAttempt(sample: Readonly<GeminiTokenRecord>): Promise<void> {
  const { model, code } = sample;
  const increments: Increment[] = [
    { name: "gemini_requests_total", labels: { model, code }, value: 1 },
    { name: "gemini_tokens_total", labels: { model, kind: "prompt" }, value: sample.promptTokens },
    { name: "gemini_tokens_total", labels: { model, kind: "output" }, value: sample.outputTokens },
  ];
  if (sample.code !== "200") increments.push({ name: "gemini_errors_total", labels: { model, code }, value: 1 });
  try {
    await db().$transaction((tx) => addToCounters(tx, increments));
  } catch (error) {
    log.warn({ err: error, model, code }, "could not record a Gemini metric");
  }
}
