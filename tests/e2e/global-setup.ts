// Starts the whole product once for the e2e run and hands its address to the
// tests through E2E_BASE_URL; the function it returns is Playwright's global
// teardown. With E2E_BASE_URL already set (a stack started by hand), nothing
// is started.
import { startStack } from "@/tests/support/stack";

/**
 * The fake Gemini answers slowly enough that a 200-page book takes several
 * seconds, so the cancel spec can stop it mid-run; the local engine, which the
 * other specs use, is not slowed down.
 */
const GEMINI_LATENCY_MS = 1500;

export default async function globalSetup() {
  if (process.env.E2E_BASE_URL) return undefined;
  const stack = await startStack({ workers: 1, gemini: { latencyMs: GEMINI_LATENCY_MS } });
  process.env.E2E_BASE_URL = stack.baseUrl;
  // The admin spec promotes a user in the database and queues Gemini faults.
  process.env.E2E_DATABASE_URL = stack.databaseUrl;
  process.env.E2E_FAKE_GEMINI_URL = stack.geminiUrl;
  return async () => {
    await stack.stop();
  };
}
