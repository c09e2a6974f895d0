// Throttle counters (`rate_limits`) are keyed by what clients send (an
// address, an email), and rate-limiter-flexible only overwrites an expired
// row when the same key comes back: without this, every key ever tried would
// stay a row. The periodic sweep (novel-sweep) deletes the expired ones;
// deleting a row whose window has ended loses nothing, as its next hit starts
// a new window anyway. Idempotent.
import { db } from "@/lib/db/prisma";

/** Deletes the throttle counters whose window ended before `now`; returns how many. */
export async function clearExpiredThrottles(now: Date = new Date()): Promise<number> {
  return db().$executeRaw`delete from rate_limits where expire < ${now.getTime()}`;
}
