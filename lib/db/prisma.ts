// One Prisma client per process. Next.js dev reloads modules, so the client is
// kept on globalThis to avoid opening a new pool on every reload.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/db/database-url";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const holder = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl(), max: 10 });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  holder.prisma ??= createClient();
  return holder.prisma;
}

export async function disconnectDb(): Promise<void> {
  await holder.prisma?.$disconnect();
  holder.prisma = undefined;
}
