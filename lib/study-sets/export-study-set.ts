// A finished study set as a file: CSV for spreadsheets (UTF-8 BOM, CRLF, one
// row per sentence with its words and forms), or TSV that Anki imports as
// cloze notes: the sentence with each list word's form as {{c1::…}}, then the
// words, the original sentence and the page. Every text cell of both goes
// through the book exports' neutraliser: a spreadsheet opens either file,
// and a list word or a book's file name is text from outside like a sentence.
import { stringify } from "csv-stringify/sync";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { contentDisposition } from "@/lib/exports/export-file-name";
import { neutralizeFormula } from "@/lib/exports/neutralize-formula";
import { assertId, assertOwned, studySetNotFound } from "@/lib/study-sets/find-owned";
import type { StudySetResult, StudySetSentence } from "@/lib/study-sets/study-set-result";

// A tab or a line break inside a field would split an Anki card; joined first, as in the book's TSV.
const ankiCell = (value: string) => neutralizeFormula(value.replace(/[\t\r\n]+/g, " "));
const isLetter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}]/u.test(character);

/** The sentence with each word's form made a cloze deletion, numbered in reading order. */
export function clozeSentence(sentence: StudySetSentence): string {
  const spans: { start: number; end: number }[] = [];
  for (const { form } of sentence.words) {
    let from = 0;
    for (;;) {
      const start = sentence.text.indexOf(form, from);
      if (start < 0) break;
      const end = start + form.length;
      const whole = !isLetter(sentence.text[start - 1]) && !isLetter(sentence.text[end]) || /['’]$/u.test(form);
      if (whole && !spans.some((span) => span.start < end && start < span.end)) {
        spans.push({ start, end });
        break;
      }
      from = start + 1;
    }
  }
  spans.sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  spans.forEach((span, index) => {
    out += `${sentence.text.slice(at, span.start)}{{c${index + 1}::${sentence.text.slice(span.start, span.end)}}}`;
    at = span.end;
  });
  return out + sentence.text.slice(at);
}

export function studySetCsv(result: StudySetResult, fileNames: Map<string, string>): string {
  const rows = result.sentences.map((sentence) => [
    neutralizeFormula(sentence.text),
    neutralizeFormula(sentence.words.map((word) => word.word).join(" | ")),
    neutralizeFormula(sentence.words.map((word) => word.form).join(" | ")),
    neutralizeFormula(sentence.original),
    sentence.page,
    neutralizeFormula(fileNames.get(sentence.jobId) ?? ""),
  ]);
  // csv-stringify quotes a field for a CRLF but not for a lone CR, which
  // spreadsheets still read as the end of a row.
  const options = { record_delimiter: "windows", quoted_match: /[\r\n]/ } as const;
  return `\uFEFF${stringify([["sentence", "words", "forms", "original", "page", "book"], ...rows], options)}`;
}

export function studySetAnkiTsv(result: StudySetResult): string {
  return stringify(
    result.sentences.map((sentence) => [
      ankiCell(clozeSentence(sentence)),
      ankiCell(sentence.words.map((word) => word.word).join(", ")),
      ankiCell(sentence.original),
      sentence.page,
    ]),
    { delimiter: "\t", record_delimiter: "unix" },
  );
}

export async function exportStudySet(options: { id: string; userId: string; format: "csv" | "tsv" }) {
  const { id, userId, format } = options;
  assertId(id, studySetNotFound);
  const set = await db().studySet.findUnique({ where: { id }, select: { userId: true, status: true, result: true, jobIds: true } });
  assertOwned(set, userId, studySetNotFound);
  if (set.status !== "succeeded" || !set.result) {
    throw new AppError("conflict", "This study set is not finished yet; export it once it is done.");
  }
  const result = set.result as unknown as StudySetResult;
  const jobs = await db().job.findMany({ where: { id: { in: set.jobIds } }, select: { id: true, fileName: true } });
  const body =
    format === "csv" ? studySetCsv(result, new Map(jobs.map((job) => [job.id, job.fileName]))) : studySetAnkiTsv(result);
  const name = `study-set-${id.slice(0, 8)}.${format}`;
  return {
    body,
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "text/tab-separated-values; charset=utf-8",
    contentDisposition: contentDisposition({ ascii: name, unicode: name }),
  };
}
