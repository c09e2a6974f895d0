// The split command: a row (or one piece of it) is cut before its `at`-th
// word (whitespace-separated token), both halves staying in the row.
import type { ActingUser } from "@/lib/commands/acting-user";
import { assertVersion, changeRows, type ChangeResult } from "@/lib/corrections/change-rows";
import { splitTokens } from "@/lib/corrections/row-state";
import { AppError } from "@/lib/errors";

export async function splitSentence(
  options: ActingUser & { jobId: string; position: number; version: number; piece?: number; at: number },
): Promise<ChangeResult> {
  const piece = options.piece ?? 0;
  return changeRows({ ...options, action: "split" }, async ({ row: load }) => {
    const row = await load(options.position);
    assertVersion(row, options.version);
    const { texts } = row.state;
    if (piece >= texts.length) throw new AppError("invalid_input", "This row has no such piece.");
    const tokens = splitTokens(texts[piece]!);
    if (options.at < 1 || options.at >= tokens.length) {
      throw new AppError("invalid_input", `A cut falls between two words: at is 1 to ${tokens.length - 1} here.`);
    }
    const halves = [tokens.slice(0, options.at).join(" "), tokens.slice(options.at).join(" ")];
    const next = [...texts.slice(0, piece), ...halves, ...texts.slice(piece + 1)];
    // Halves of a row kept over the limit may still be over it; they stay marked rather than refused.
    return { changes: [{ row, value: { texts: next, active: true, overLimit: false }, validate: true }] };
  });
}
