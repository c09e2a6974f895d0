// Who may read /api/metrics: whoever sends the configured bearer token. With
// no token configured the endpoint does not exist (404), so a default
// install publishes nothing about its users' activity.
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export function authorizeScrape(authorization: string | null): void {
  const token = env().METRICS_TOKEN;
  if (!token) throw new AppError("not_found", "There is nothing here.");
  const sent = Buffer.from(authorization?.match(/^Bearer (.+)$/i)?.[1] ?? "");
  const expected = Buffer.from(token);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
    throw new AppError("unauthenticated", "Send the metrics token as `Authorization: Bearer <token>`.");
  }
}
