// Fixed-window throttles shared by every web process: the counters live in
// Postgres (`rate_limits`, rate-limiter-flexible's own table, created by a
// migration), so a limit holds however many web processes run. A throttle
// that is over its limit throws `rate_limited` with `retryAfterSeconds`,
// which the route wrapper turns into 429 + Retry-After.
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { databaseUrl } from "@/lib/db/database-url";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type ThrottleName = "sign-in-ip" | "sign-in-account" | "sign-up-ip" | "sign-up-account" | "estimate-user" | "word-list-user" | "study-set-user";

interface ThrottleRule {
  points: () => number;
  durationSeconds: number;
  message: (retryAfterSeconds: number) => string;
}

const rules: Record<ThrottleName, ThrottleRule> = {
  "sign-in-ip": {
    points: () => env().SIGN_IN_ATTEMPTS_PER_IP,
    durationSeconds: 15 * 60,
    message: (seconds) => `Too many sign-in attempts from this network. Try again in ${minutes(seconds)}.`,
  },
  "sign-in-account": {
    points: () => env().SIGN_IN_ATTEMPTS_PER_ACCOUNT,
    durationSeconds: 15 * 60,
    message: (seconds) => `Too many sign-in attempts for this account. Try again in ${minutes(seconds)}.`,
  },
  "sign-up-ip": {
    points: () => env().SIGN_UPS_PER_IP,
    durationSeconds: 60 * 60,
    message: (seconds) => `Too many accounts created from this network. Try again in ${minutes(seconds)}.`,
  },
  // Its own counter: sharing sign-in's let anyone lock an account out for
  // 15 minutes by trying to sign up with its email.
  "sign-up-account": {
    points: () => env().SIGN_IN_ATTEMPTS_PER_ACCOUNT,
    durationSeconds: 15 * 60,
    message: (seconds) => `Too many sign-ups with this email. Try again in ${minutes(seconds)}.`,
  },
  "estimate-user": {
    points: () => env().ESTIMATES_PER_MINUTE,
    durationSeconds: 60,
    message: (seconds) => `Too many estimates in a minute. Try again in ${seconds} s.`,
  },
  "word-list-user": {
    points: () => env().WORD_LISTS_PER_MINUTE,
    durationSeconds: 60,
    message: (seconds) => `Too many word lists read in a minute. Try again in ${seconds} s.`,
  },
  "study-set-user": {
    points: () => env().STUDY_SETS_PER_HOUR,
    durationSeconds: 60 * 60,
    message: (seconds) => `Too many study sets started in an hour. Try again in ${minutes(seconds)}.`,
  },
};

function minutes(seconds: number): string {
  const value = Math.ceil(seconds / 60);
  return value === 1 ? "1 minute" : `${value} minutes`;
}

let pool: pg.Pool | undefined;
const limiters = new Map<ThrottleName, RateLimiterPostgres>();

function limiter(name: ThrottleName): RateLimiterPostgres {
  let existing = limiters.get(name);
  if (!existing) {
    pool ??= new pg.Pool({ connectionString: databaseUrl(), max: 3 });
    existing = new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      // Expired rows are overwritten on the next hit; a timer per process
      // would only add load.
      clearExpiredByTimeout: false,
      keyPrefix: name,
      points: rules[name].points(),
      duration: rules[name].durationSeconds,
    });
    limiters.set(name, existing);
  }
  return existing;
}

/** Counts one attempt for `key`; throws `rate_limited` once the window's allowance is spent. */
export async function consumeThrottle(name: ThrottleName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key.toLowerCase().slice(0, 200));
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AppError("rate_limited", rules[name].message(retryAfterSeconds), { retryAfterSeconds });
  }
}
