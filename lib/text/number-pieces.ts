// Which pieces belong together: consecutive rows cut from one original
// sentence get part 1..n of n, so the UI and the exports can show that a
// piece does not end its sentence without changing its words. An original
// repeated in a row ("Oui." "Oui.") is two sentences, told apart because
// the first copy's pieces already spell the whole original.
import { normalizeSpaces } from "@/lib/text/normalize-spaces";

export interface PieceInput {
  text: string;
  original: string;
  kind?: "sentence" | "heading";
}

export interface PieceNumber {
  part: number;
  parts: number;
}

export function numberPieces(rows: PieceInput[]): PieceNumber[] {
  const numbers: PieceNumber[] = [];
  let groupStart = 0;
  let joined = "";
  const close = (end: number) => {
    for (let index = groupStart; index < end; index++) {
      numbers[index] = { part: index - groupStart + 1, parts: end - groupStart };
    }
    groupStart = end;
    joined = "";
  };
  rows.forEach((row, index) => {
    const first = rows[groupStart]!;
    const complete = joined !== "" && joined === normalizeSpaces(first.original);
    if (index > groupStart && (row.original !== first.original || row.kind !== first.kind || complete)) {
      close(index);
    }
    joined = joined === "" ? normalizeSpaces(row.text) : `${joined} ${normalizeSpaces(row.text)}`;
  });
  close(rows.length);
  return numbers;
}
