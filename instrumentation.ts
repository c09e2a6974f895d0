// Runs once in each Next.js server process before it serves a request: the
// configuration is validated here, so a web app started on its own (`next
// start`, as in the Docker image) refuses a bad one at start-up too (Next.js
// itself would only log the error and answer 500), and the socket's address
// is recorded on every request for the per-address throttles
// (lib/rate-limit/peer-address.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { EnvError, env } = await import("@/lib/env");
  const { recordPeerAddresses } = await import("@/lib/rate-limit/peer-address");
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  recordPeerAddresses();
}
