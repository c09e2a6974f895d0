import { env, type Env } from "@/lib/env";

/** The embedded server's URL: used when DATABASE_URL is unset. */
export function embeddedDatabaseUrl(config: Env = env()): string {
  return `postgresql://postgres:postgres@127.0.0.1:${config.EMBEDDED_PG_PORT}/novels`;
}

export function databaseUrl(config: Env = env()): string {
  return config.DATABASE_URL ?? embeddedDatabaseUrl(config);
}
