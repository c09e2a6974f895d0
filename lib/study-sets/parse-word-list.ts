// Reads a word list as teachers write them: CSV or plain text, one entry a
// line, the word in the first column; `chat|chats` or `bon/bonne` give
// variants of one entry; `#` starts a comment; a header row ("mot", "word",
// "lemme"…) is skipped. Pure: the caller says which words are French.
import { AppError } from "@/lib/errors";

export interface WordListEntry {
  /** The entry as the list names it (its first variant). */
  word: string;
  /** Every spelling given, the word first. */
  variants: string[];
  /** Several words ("tout à coup"): matched as a phrase, in order. */
  phrase: boolean;
}

export interface WordListReport {
  /** Non-empty, non-comment lines read (the header excluded). */
  read: number;
  /** Entries kept. */
  entries: number;
  /** Lines whose word was already in the list, merged into the first. */
  duplicatesMerged: string[];
  phrases: string[];
  /** Entries none of whose words the French lexicon knows (kept, matched literally). */
  unrecognised: string[];
  headerSkipped: boolean;
}

export interface ParsedWordList {
  entries: WordListEntry[];
  report: WordListReport;
}

export const maxWordListEntries = 20_000;

/**
 * Spellings one line may give. A real list names a handful (`chat|chats`,
 * the forms of an adjective); the cap bounds what one line of a 1 MB list
 * can make the import and the matching do.
 */
export const maxVariantsPerLine = 50;

const headerWords = /^(mots?|words?|lemmes?|lemmas?|entr(y|ies|ées?)|headwords?|vocabulaire|vocabulary|terme|term|french|français)$/iu;

/** The first field of a CSV line (quoted or not), or the whole line of plain text. */
function firstField(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('"')) {
    const close = trimmed.indexOf('"', 1);
    return close > 0 ? trimmed.slice(1, close) : trimmed.slice(1);
  }
  const separator = trimmed.search(/[,;\t]/u);
  return separator >= 0 ? trimmed.slice(0, separator) : trimmed;
}

function cleanWord(word: string): string {
  return word.normalize("NFC").replace(/[’ʼ‘]/gu, "'").replace(/\s+/gu, " ").trim();
}

/** A case-insensitive key that treats `œ` and `oe` alike. */
export function entryKey(word: string): string {
  return cleanWord(word).toLowerCase().replace(/œ/gu, "oe").replace(/æ/gu, "ae");
}

export function parseWordList(text: string, isRecognised: (word: string) => boolean): ParsedWordList {
  const entries: WordListEntry[] = [];
  const byKey = new Map<string, WordListEntry>();
  const report: WordListReport = {
    read: 0,
    entries: 0,
    duplicatesMerged: [],
    phrases: [],
    unrecognised: [],
    headerSkipped: false,
  };
  // Each entry's spellings by key, so that merging a duplicate line costs
  // one lookup per spelling: comparing every spelling with every other took
  // 21 s on two lines of 8,000 variants.
  const keysOf = new Map<WordListEntry, Set<string>>();
  let firstLine = true;
  let lineNumber = 0;
  for (const rawLine of text.replace(/^\uFEFF/u, "").split(/\r\n?|\n/u)) {
    lineNumber++;
    const line = rawLine.replace(/#.*$/u, "").trim();
    if (line === "") continue;
    const field = firstField(line);
    if (firstLine) {
      firstLine = false;
      if (headerWords.test(field.trim())) {
        report.headerSkipped = true;
        continue;
      }
    }
    report.read++;
    const variants = [...new Set(field.split(/[|/]/u).map(cleanWord).filter((variant) => /\p{L}/u.test(variant)))];
    if (variants.length === 0) continue;
    if (variants.length > maxVariantsPerLine) {
      throw new AppError(
        "invalid_input",
        `Line ${lineNumber} gives ${variants.length} spellings of one word; a line may give at most ${maxVariantsPerLine}.`,
        { line: lineNumber, variants: variants.length, maxVariants: maxVariantsPerLine },
      );
    }
    const key = entryKey(variants[0]!);
    const existing = byKey.get(key);
    if (existing) {
      report.duplicatesMerged.push(variants[0]!);
      const known = keysOf.get(existing)!;
      for (const variant of variants) {
        const variantKey = entryKey(variant);
        if (known.has(variantKey)) continue;
        known.add(variantKey);
        existing.variants.push(variant);
      }
      continue;
    }
    const entry: WordListEntry = { word: variants[0]!, variants, phrase: variants[0]!.includes(" ") };
    entries.push(entry);
    byKey.set(key, entry);
    keysOf.set(entry, new Set(variants.map(entryKey)));
    for (const variant of variants.slice(1)) byKey.set(entryKey(variant), entry);
  }
  for (const entry of entries) {
    if (entry.phrase) report.phrases.push(entry.word);
    const words = entry.variants.flatMap((variant) => variant.split(/[\s'-]+/u)).filter((word) => word !== "");
    if (!words.some((word) => isRecognised(word) || isRecognised(entry.word))) report.unrecognised.push(entry.word);
  }
  report.entries = entries.length;
  return { entries, report };
}
