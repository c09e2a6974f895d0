// CoNLL-U, the Universal Dependencies file format: one word per line, ten
// tab-separated columns, sentences separated by a blank line, comments after
// "#". Multi-word tokens ("du" = "de" + "le") are range lines ("3-4\tdu")
// before their words; empty nodes ("5.1") belong to enhanced graphs, which
// this parser does not build, so they are carried through untouched.

/** One syntactic word: a line whose ID is an integer. */
export interface ConlluWord {
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  /** 0 for the root; "_" in the file (no head yet) reads as -1. */
  head: number;
  deprel: string;
  deps: string;
  misc: string;
}

/** One surface token: a single word, or a multi-word token and its words. */
export interface ConlluToken {
  /** The surface form; the word's form when the token is one word. */
  form: string;
  words: ConlluWord[];
  /** MISC of the range line of a multi-word token ("SpaceAfter=No"). */
  misc: string;
  /** Empty-node lines ("5.1 …") that follow this token, kept verbatim. */
  emptyNodes: string[];
}

export interface ConlluSentence {
  /** Comment lines without their "# " ("sent_id = …", "text = …"). */
  comments: string[];
  tokens: ConlluToken[];
}

/** A word with only its form (and MISC) known: what a parser is given. */
export function blankWord(form: string, misc = "_"): ConlluWord {
  return { form, lemma: "_", upos: "_", xpos: "_", feats: "_", head: -1, deprel: "_", deps: "_", misc };
}

export function sentenceWords(sentence: ConlluSentence): ConlluWord[] {
  return sentence.tokens.flatMap((token) => token.words);
}

export function commentValue(sentence: ConlluSentence, key: string): string | undefined {
  const prefix = `${key} = `;
  return sentence.comments.find((comment) => comment.startsWith(prefix))?.slice(prefix.length);
}

export class ConlluError extends Error {
  constructor(line: number, message: string) {
    super(`CoNLL-U line ${line}: ${message}`);
    this.name = "ConlluError";
  }
}

function readWord(columns: string[]): ConlluWord {
  const [, form, lemma, upos, xpos, feats, head, deprel, deps, misc] = columns as [
    string, string, string, string, string, string, string, string, string, string,
  ];
  return { form, lemma, upos, xpos, feats, head: head === "_" ? -1 : Number(head), deprel, deps, misc };
}

/** Reads every sentence of a CoNLL-U text; throws ConlluError on a malformed line. */
export function readConllu(text: string): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let current: ConlluSentence = { comments: [], tokens: [] };
  // The multi-word token whose words are still being read, and its last word id.
  let open: { token: ConlluToken; last: number } | undefined;
  let wordCount = 0;
  const finish = () => {
    if (open) throw new ConlluError(lineNumber, "a multi-word token is missing words");
    if (current.tokens.length > 0 || current.comments.length > 0) sentences.push(current);
    current = { comments: [], tokens: [] };
    wordCount = 0;
  };
  let lineNumber = 0;
  for (const rawLine of text.split("\n")) {
    lineNumber += 1;
    const line = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === "") {
      finish();
      continue;
    }
    if (line.startsWith("#")) {
      current.comments.push(line.replace(/^# ?/u, ""));
      continue;
    }
    const columns = line.split("\t");
    if (columns.length !== 10) throw new ConlluError(lineNumber, `expected 10 columns, found ${columns.length}`);
    const id = columns[0]!;
    if (id.includes(".")) {
      const last = current.tokens.at(-1);
      if (last) last.emptyNodes.push(line);
      else throw new ConlluError(lineNumber, "an empty node before any word");
      continue;
    }
    const range = /^(\d+)-(\d+)$/u.exec(id);
    if (range) {
      const first = Number(range[1]);
      if (first !== wordCount + 1 || Number(range[2]) < first) throw new ConlluError(lineNumber, `bad range ${id}`);
      open = { token: { form: columns[1]!, words: [], misc: columns[9]!, emptyNodes: [] }, last: Number(range[2]) };
      current.tokens.push(open.token);
      continue;
    }
    if (!/^\d+$/u.test(id) || Number(id) !== wordCount + 1) throw new ConlluError(lineNumber, `unexpected word id ${id}`);
    wordCount += 1;
    const word = readWord(columns);
    if (open) {
      open.token.words.push(word);
      if (wordCount === open.last) open = undefined;
    } else {
      current.tokens.push({ form: word.form, words: [word], misc: "_", emptyNodes: [] });
    }
  }
  finish();
  return sentences;
}

function wordLine(id: number, word: ConlluWord): string {
  const head = word.head < 0 ? "_" : String(word.head);
  return [id, word.form, word.lemma, word.upos, word.xpos, word.feats, head, word.deprel, word.deps, word.misc].join("\t");
}

/** Writes sentences back as CoNLL-U, each followed by a blank line. */
export function writeConllu(sentences: readonly ConlluSentence[]): string {
  const lines: string[] = [];
  for (const sentence of sentences) {
    for (const comment of sentence.comments) lines.push(`# ${comment}`);
    let id = 0;
    for (const token of sentence.tokens) {
      if (token.words.length > 1) {
        lines.push([`${id + 1}-${id + token.words.length}`, token.form, "_", "_", "_", "_", "_", "_", "_", token.misc].join("\t"));
      }
      for (const word of token.words) lines.push(wordLine(++id, word));
      lines.push(...token.emptyNodes);
    }
    lines.push("");
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
