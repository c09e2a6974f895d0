// DELETE /api/admin/dead-letters/[id] – discard a dead letter; its chunk stays failed (admins only)
import { authedRoute } from "@/lib/api/route";
import { discardDeadLetter } from "@/lib/admin/dead-letters";

export const dynamic = "force-dynamic";

export const DELETE = authedRoute<{ id: string }>(
  async ({ params }) => {
    await discardDeadLetter({ id: params.id });
    return new Response(null, { status: 204 });
  },
  { role: "admin" },
);
