import { db } from "@/lib/db/prisma";
import { boss } from "@/lib/queue/boss";

export interface Health {
  ok: boolean;
  database: "up" | "down";
  queue: "up" | "down";
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms).unref()),
  ]);
}

export async function checkHealth(): Promise<Health> {
  const [database, queue] = await Promise.all([
    withTimeout(db().$queryRaw`select 1`, 2000).then(
      () => "up" as const,
      () => "down" as const,
    ),
    withTimeout(
      boss().then((instance) => instance.isInstalled()),
      2000,
    ).then(
      (installed) => (installed ? ("up" as const) : ("down" as const)),
      () => "down" as const,
    ),
  ]);
  return { ok: database === "up" && queue === "up", database, queue };
}
