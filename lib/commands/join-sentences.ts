// The join command: a piece is joined with the one after it, in the same row
// (after a split) or the next row of the same original sentence, which loses
// that piece. Joining across rows names both rows' versions.
import type { ActingUser } from "@/lib/commands/acting-user";
import { assertVersion, changeRows, type ChangeResult } from "@/lib/corrections/change-rows";
import { AppError } from "@/lib/errors";

export async function joinSentences(
  options: ActingUser & { jobId: string; position: number; version: number; piece?: number; nextVersion?: number; override?: boolean },
): Promise<ChangeResult> {
  const piece = options.piece ?? 0;
  return changeRows({ ...options, action: "join" }, async ({ row: load, nextRowOfOriginal }) => {
    const row = await load(options.position);
    assertVersion(row, options.version);
    const { texts } = row.state;
    if (piece >= texts.length) throw new AppError("invalid_input", "This row has no such piece.");
    if (piece + 1 < texts.length) {
      const joined = [...texts.slice(0, piece), `${texts[piece]} ${texts[piece + 1]}`, ...texts.slice(piece + 2)];
      return { changes: [{ row, value: { texts: joined, active: true, overLimit: false }, validate: true }] };
    }
    const next = await nextRowOfOriginal(row);
    if (!next) {
      throw new AppError("invalid_input", "Only rows of the same original sentence can be joined; this is its last row.");
    }
    assertVersion(next, options.nextVersion ?? -1);
    const [first, ...rest] = next.state.texts;
    return {
      changes: [
        { row, value: { texts: texts.with(piece, `${texts[piece]} ${first}`), active: true, overLimit: false }, validate: true },
        { row: next, value: { texts: rest, active: true, overLimit: next.state.overLimit && rest.length > 0 } },
      ],
    };
  });
}
