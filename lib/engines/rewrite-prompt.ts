// What we ask Gemini when it rewrites long sentences, in one place: the
// system instruction (rules and worked examples), the request JSON, the
// response schema and the parser of the answer.
//
// Contract (other code depends on it): the request has one text part holding
// a JSON object {"maxWords", "sentences": [{"id", "text"}], "context"?} and
// the answer follows {"rewrites": [{"id", "pieces": [string]}]}.
import { z } from "zod";
import { parseSchemaAnswer, toGeminiSchema, type ParsedAnswer } from "@/lib/engines/gemini-call";
import type { RewriteAnswer } from "@/lib/engines/validate-rewrite";
import type { RewriteContext, RewriteSentence } from "@/lib/engines/rewrite-types";

// Each rule below is followed by the reason it is there.
const rules = [
  // Learners read the book to learn its vocabulary: a paraphrase in
  // "simpler" words would take away what they came for.
  "Keep the author's own words wherever they can stay. Do not replace them with synonyms or simpler words.",
  // "Il" with no antecedent in a piece is unreadable on its own, and a piece
  // without a subject is not a sentence; repeating the subject fixes both.
  "When a piece would have no subject, repeat the subject of the sentence (as a noun or the right pronoun) instead of leaving the piece without one.",
  // Validation rejects a rewrite with a name the book does not have, a
  // changed tense misleads a learner about the grammar, a lost negation
  // inverts the meaning, and dialogue marks tell who is speaking.
  "Keep every name exactly as written, keep the tense and mood of every verb, keep every negation (ne … pas, jamais, rien, personne, plus, aucun, ni, guère, point), and keep dialogue marks (« », —) around what is said.",
  // The book's text is the truth: anything added is an invention we would
  // show a learner as the author's, anything dropped is lost for good.
  "Add nothing and drop nothing: no new fact, name or number, no summary, no commentary. Every idea of the sentence must be in the pieces, in the same order.",
  // A clause is the natural unit of a short sentence; cutting inside one
  // gives fragments a learner cannot parse.
  "Make one piece per clause where possible.",
  // Validation refuses a rewrite that leaves "peu" ending one piece and
  // "à peu" opening the next: each half alone is not French.
  "Never cut inside a fixed expression (peu à peu, tout à coup, goutte à goutte, à cause de, parce que, au lieu de): keep its words together in one piece.",
  // Validation refuses a rewrite that keeps only part of one ("À peu se
  // rétablit" from "peu à peu se rétablit"): the part alone means nothing.
  "Keep each fixed expression whole, or leave it out entirely: never keep only some of its words.",
  // Validation refuses a piece ending on a word that opens a phrase, as
  // the local splitter never cuts there: the reader is left waiting for
  // the noun or the participle that went to the next piece.
  'Never end a piece on an article, preposition, pronoun before its verb, "ne", conjunction or auxiliary without its participle ("Il regarde le.", "Elle était assise à.", "Elle avait." are wrong).',
  // Validation refuses a piece made only of such words ("Et il.") and a
  // piece that reads as the rest of the one before it.
  "Every piece needs a noun, verb, adjective or adverb of its own, and must not start with a comma or a closing mark, nor in lower case after a piece that ends with a full stop.",
  // Pieces are shown as sentences of their own, one per line.
  "Each piece must be a complete, correct French sentence of at most maxWords words, starting with a capital letter and ending with a full stop, question mark, exclamation mark or ellipsis.",
  // The answer is matched to our sentences by id; anything else is discarded.
  'Answer every id of "sentences" exactly once, in order, with its pieces. Do not answer the "context" entries: they are only there to tell you who "il" or "elle" is.',
];

// A word is counted the way the product counts it, so the model's idea of
// "at most N words" matches the check.
const wordRule =
  'A word is a space-separated token containing a letter or a digit: "l\'homme", "aujourd\'hui" and "demanda-t-elle" are one word each, while « — ; : ! ? standing alone are not words.';

// Worked examples at maxWords 8, from real novels: subject repeated,
// negation and tense kept, dialogue marks kept, names untouched.
export const rewriteExamples = [
  {
    input: {
      id: "e1",
      text: "Charles, qui n'avait jamais vu la mer, regardait les bateaux rentrer au port en silence.",
    },
    pieces: [
      "Charles n'avait jamais vu la mer.",
      "Charles regardait les bateaux rentrer au port.",
      "Il les regardait en silence.",
    ],
  },
  {
    input: {
      id: "e2",
      text: "— Je ne partirai pas sans elle, dit Léon, car elle m'attend depuis trois jours à Rouen.",
    },
    pieces: [
      "— Je ne partirai pas sans elle, dit Léon.",
      "— Elle m'attend depuis trois jours à Rouen.",
    ],
  },
];

export function rewriteSystemInstruction(): string {
  return [
    "You rewrite long sentences of a French novel into short sentences for learners of French.",
    'You receive JSON: "maxWords", "sentences" (each with an "id" and the "text" to rewrite) and sometimes "context" (the sentences around them) and "problems" (why your previous answer for an id was refused).',
    "",
    "Rules:",
    ...rules.map((rule, index) => `${index + 1}. ${rule}`),
    "",
    wordRule,
    "",
    "Examples with maxWords 8:",
    ...rewriteExamples.flatMap((example) => [
      `Sentence: ${JSON.stringify(example.input)}`,
      `Answer entry: ${JSON.stringify({ id: example.input.id, pieces: example.pieces })}`,
    ]),
    "",
    'Answer with JSON only, following the response schema: {"rewrites": [{"id", "pieces"}]}.',
  ].join("\n");
}

export interface RewriteRequestInput {
  sentences: readonly RewriteSentence[];
  context?: ReadonlyMap<string, RewriteContext>;
  maxWords: number;
  /** Asked again: why the previous answer for each id was refused. */
  problems?: ReadonlyMap<string, string>;
}

/** The JSON text part of a rewrite request. */
export function buildRewriteRequest(input: RewriteRequestInput): string {
  // A neighbour that is itself in the request is already in front of the
  // model: sending it again as context would pay for it twice.
  const asked = new Set(input.sentences.map((sentence) => sentence.text));
  const context = input.sentences.flatMap((sentence) => {
    const around = input.context?.get(sentence.id);
    const before = around?.before && !asked.has(around.before) ? around.before : undefined;
    const after = around?.after && !asked.has(around.after) ? around.after : undefined;
    return before || after ? [{ id: sentence.id, before, after }] : [];
  });
  const problems = input.sentences.flatMap((sentence) => {
    const problem = input.problems?.get(sentence.id);
    return problem ? [{ id: sentence.id, problem }] : [];
  });
  return JSON.stringify({
    maxWords: input.maxWords,
    sentences: input.sentences.map(({ id, text }) => ({ id, text })),
    ...(context.length > 0 ? { context } : {}),
    ...(problems.length > 0 ? { problems } : {}),
  });
}

const answerSchema = z.object({
  rewrites: z.array(z.object({ id: z.coerce.string(), pieces: z.array(z.string()) })),
});

export const rewriteResponseSchema = toGeminiSchema(answerSchema);

export function parseRewriteAnswer(text: string): ParsedAnswer<RewriteAnswer[]> {
  const answer = parseSchemaAnswer(text, answerSchema);
  return answer.ok ? { ok: true, value: answer.value.rewrites } : answer;
}

/**
 * Rough token count of French text (about 3.5 characters a token for
 * Gemini's tokenizer), for sizing batches and answers before sending.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3.5);
}

/**
 * The answer's token ceiling for a batch: the pieces repeat the text with
 * some repeated subjects and JSON around each piece, and thinking models
 * count their thoughts against the same limit, hence the fixed reserve.
 */
export function maxOutputTokensFor(sentences: readonly RewriteSentence[]): number {
  const text = sentences.reduce((sum, sentence) => sum + estimateTokens(sentence.text), 0);
  return Math.min(65_536, 1024 + 2 * text + 24 * sentences.length);
}
