// DELETE /api/admin/dead-letters/[id] – discard a dead letter; its chunk stays failed (admins only)
import { authedRoute } from "@/lib/api/route";
import { discardDeadLetter } from "@/lib/commands/discard-dead-letter";

export const dynamic = "force-dynamic";

export const DELETE = authedRoute<{ id: string }>(
  async ({ params, user }) => {
    await discardDeadLetter({ deadLetterId: params.id, userId: user.id, isAdmin: user.role === "admin" });
    return new Response(null, { status: 204 });
  },
  { role: "admin" },
);
