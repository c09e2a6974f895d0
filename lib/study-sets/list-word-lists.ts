// The user's word lists, newest first, without their entries (which can be long).
import { db } from "@/lib/db/prisma";

export async function listWordLists(options: { userId: string }) {
  const rows = await db().wordList.findMany({
    where: { userId: options.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, entryCount: true, createdAt: true },
    take: 200,
  });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
