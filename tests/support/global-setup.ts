// One product stack for the whole vitest run. Tests reach it through
// TEST_BASE_URL (HTTP) and DATABASE_URL; tests that drive the worker code
// in-process make their own database with `createFreshDatabase`.
import { startStack, type Stack } from "@/tests/support/stack";

let stack: Stack | undefined;

export async function setup() {
  stack = await startStack({ workers: 1 });
  process.env.TEST_BASE_URL = stack.baseUrl;
  process.env.DATABASE_URL = stack.databaseUrl;
  process.env.TEST_PG_ADMIN_URL = stack.adminUrl;
  process.env.FAKE_GEMINI_URL = stack.geminiUrl;
  process.env.NEXTAUTH_SECRET = stack.env.NEXTAUTH_SECRET;
  process.env.LOG_LEVEL ??= "warn";
}

export async function teardown() {
  await stack?.stop();
}
