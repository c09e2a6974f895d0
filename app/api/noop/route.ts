// GET /api/noop – answers 204 and does nothing else: the cost of Next.js's
// router and runtime and Node's HTTP server alone, the reference the polling
// benchmarks compare a poll with (bench/polling-running.ts), measured on the
// same server in the same run.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response(null, { status: 204 });
}
