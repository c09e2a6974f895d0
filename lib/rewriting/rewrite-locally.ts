// The offline engine's answer for one long sentence: the rules' sentences
// where they fit the limit, a piece still over it cut between constituents
// (lib/text/split-long-sentence.ts), and the whole sentence cut, as before
// the rules existed, where their pieces fail the checks Gemini's answers
// pass (words lost, negations, locutions, dangling ends).
import { validatePieces } from "@/lib/engines/validate-rewrite";
import type { RewriteFailureReason, RewriteMethod } from "@/lib/engines/rewrite-types";
import { lookUpWord, type WordClass } from "@/lib/french/lexicon";
import { asideAfterConnective, asideAfterVerb, asideBeforeSubject, opensOnSubjectAndAside, phraseBeforeThereIs } from "@/lib/rewriting/aside-before-subject";
import { closedListViolations } from "@/lib/rewriting/closed-lists";
import { completiveAfterColon } from "@/lib/rewriting/completive-after-colon";
import { connectiveWords, dropConnectives, withoutConnective } from "@/lib/rewriting/drop-connectives";
import { objectBeforePhrase } from "@/lib/rewriting/object-before-phrase";
import { parseCutCosts } from "@/lib/rewriting/parse-cut-costs";
import { readsAsSentence, rewriteWithRules, type RewriteRule, type RuleOptions } from "@/lib/rewriting/rewrite-sentence";
import { parseTree, sayingVerbs, type SentenceTree } from "@/lib/rewriting/sentence-tree";
import { closedClause, cutPiecesAsSentences, opensOnRelative, subjectWordsAtUnits } from "@/lib/rewriting/cut-pieces-as-sentences";
import { capitalizeFirst } from "@/lib/text/capitalize-first";
import { countWords } from "@/lib/text/count-words";
import { normalizeSpaces } from "@/lib/text/normalize-spaces";
import { splitLongSentence, type ParseCutCosts } from "@/lib/text/split-long-sentence";

export interface LocalRewrite {
  pieces: string[];
  /** "rewritten" when every piece is a sentence the rules wrote; "split" when any piece is a cut. */
  method: RewriteMethod;
  rules: RewriteRule[];
  /** Verbs the rules put in another tense (levant → levait); a connective dropped to fit the limit, as "" (donc → ""). */
  respelled: [from: string, to: string][];
  /** Why the rules' pieces were refused, when they were. */
  refused?: RewriteFailureReason;
}

// The rules add pronouns and forms of être, and drop "et" and relative
// pronouns: the share of the sentence's content words they keep is 1 unless
// a misparse lost some, which this catches.
const minContentShare = 0.95;

/** Connectives dropped to fit the limit, as words respelled as nothing, for the closed-list check. */
function asDropped(connectives: readonly string[]): [string, string][] {
  return connectiveWords(connectives).map((word) => [word, ""]);
}

// Marks that open and close a quotation or an aside: a semicolon inside one is not the sentence's.
const openingMarks = new Set(["«", "(", "“", "["]);
const closingMarks = new Set(["»", ")", "”", "]"]);

// "Il s'avoua qu'il avait commis une action blâmable; qu'on ne lui eût pas refusé ce pain; que…": a
// clause opened by a conjunction goes on with the sentence before it, and is no sentence alone.
// Not "où": "…depuis un demi-siècle; où il y avait le coucou, il y a le wagon" opens a sentence.
const continuesSubordinate = /^[\s,«“—–-]*(que|qu['’]|quand|lorsque|lorsqu['’]|si|s['’]il|s['’]ils|comme|puisque|puisqu['’]|quoique|quoiqu['’]|parce|afin|pour que|sans que|tandis|bien que|dont|qui)\b/iu;

/** Where `mark` stands in `text` from `from` on, outside brackets and quotations. */
function* outsideQuotes(text: string, mark: string, from = 0): Generator<number> {
  let depth = 0;
  for (let index = from; index < text.length; index += 1) {
    const char = text[index]!;
    if (openingMarks.has(char)) depth += 1;
    else if (closingMarks.has(char)) depth = Math.max(0, depth - 1);
    else if (char === mark && depth === 0) yield index;
  }
}

/**
 * The sentence's clauses between semicolons, each written as a sentence (a
 * capital, the semicolon made a full stop). Writers join independent
 * clauses with a semicolon, and the parser reads a clause alone far better
 * than inside a sentence of forty words.
 */
export function clausesAtSemicolons(sentence: string): string[] {
  const clauses: string[] = [];
  let start = 0;
  const semicolons = [...outsideQuotes(sentence, ";")];
  for (const [k, index] of semicolons.entries()) {
    // "; que…", "; quand…" goes on with a subordinate clause, unless it brings its own main clause:
    // "Quand il parlait, elle s'inclinait; quand il agissait, elle adhérait."
    const next = sentence.slice(index + 1, semicolons[k + 1] ?? sentence.length).trim().replace(/[.;]?$/u, ".");
    if (continuesSubordinate.test(next) && !(/,/u.test(next) && readsAsSentence(capitalizeFirst(next)))) continue;
    const clause = sentence.slice(start, index).trimEnd();
    // "…gagnait son prédécesseur, etc.;": a clause that ends on a full stop already takes no second one.
    clauses.push(/[.!?…]$/u.test(clause) ? clause : `${clause}.`);
    start = index + 1;
  }
  clauses.push(sentence.slice(start));
  // A clause of no words ("…;" at the very end) is no piece.
  const found = clauses.map((clause) => clause.trim()).filter((clause) => countWords(clause) > 0);
  // "-- Puisque celui-là ne tient plus, madame Lefrançois; je vous le répète…": a subordinate clause
  // with no main clause of its own before the semicolon goes on with the clause after it.
  const joined: string[] = [];
  for (const clause of found) {
    const previous = joined.at(-1);
    if (previous !== undefined && continuesSubordinate.test(previous) && !readsAsSentence(capitalizeFirst(previous))) {
      joined[joined.length - 1] = `${previous.replace(/\.$/u, ";")} ${clause}`;
    } else joined.push(clause);
  }
  return joined.map(capitalizeFirst);
}

/**
 * A clause and the clause after its colon, each a sentence, where both read
 * as one: "Quelque chose d'extraordinaire tomba dans sa vie: elle fut
 * invitée à la Vaubyessard." → "… tomba dans sa vie." / "Elle fut invitée
 * à la Vaubyessard." Not where the colon opens a line of dialogue, a
 * quotation or what a verb of saying introduces ("il dit: …"), nor a list.
 */
export function sentencesAtColon(clause: string): [string, string] | undefined {
  const colon = outsideQuotes(clause, ":").next().value;
  if (colon === undefined) return undefined;
  const before = `${clause.slice(0, colon).trimEnd()}.`;
  const after = capitalizeFirst(clause.slice(colon + 1).trim());
  if (dialogueMarks.test(after) || /^["'_]/u.test(after)) return undefined;
  // "Il avait remercié le maire en disant:", "je dis à la diligence:", "Il écrivit:": what follows is said.
  const beforeTree = parseTree(before);
  if (beforeTree.words.some((word) => sayingVerbs.test(word.lemma) || word.lemma === "écrire")) return undefined;
  return readsAsSentence(before, beforeTree) && readsAsSentence(after) ? [before, after] : undefined;
}

const escaped = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/**
 * The pieces with each word the rules respelled (entrait, an imperfect made
 * from "entrant") back as the book spells it, once: the checks that compare
 * the pieces with the sentence's content words then find it.
 */
function asTheBookSpells(pieces: readonly string[], respelled: readonly (readonly [from: string, to: string])[]): string[] {
  const spelled = [...pieces];
  for (const [from, to] of respelled) {
    if (to === "" || to.toLowerCase() === from.toLowerCase()) continue;
    const word = new RegExp(`(?<!\\p{L})${escaped(to)}(?!\\p{L})`, "iu");
    const at = spelled.findIndex((piece) => word.test(piece));
    // In the case the piece has it: "Ses draperies" opens a sentence, as "Les draperies" did.
    if (at !== -1) spelled[at] = spelled[at]!.replace(word, (found) => (/^\p{Lu}/u.test(found) ? capitalizeFirst(from) : from));
  }
  return spelled;
}

// ("Puis, comme…", "Mais comme…": the connective is the clause's, and goes with it.)
const reasonOpening = /^((puis|mais|or|et|alors|cependant|seulement|enfin)\s*,?\s+)?(comme|puisque|puisqu['’])\s*/iu;
// "comme son sac le gênait et que c'était un oreiller": the second reason, its "que" standing for "comme".
const secondReason = /\s+et\s+(qu['’]|que\s+)/iu;
const dialogueMarks = /[«»“”—–]|--/u;
const knowingVerbs = /^(voir|dire|savoir|croire|penser|remarquer|comprendre|deviner|pouvoir|vouloir|falloir|imaginer|supposer)$/u;

/** "comme on l'a vu", "comme il en avait coutume", "comme on voit": a clause that comments on the one it leads to. */
function commentsOnItsClause(reason: string): boolean {
  const tree = parseTree(reason);
  const root = tree.words[tree.children[0]![0] ?? 0]!;
  // (With a pronoun subject: "son sac sur son dos le gênait" says who.)
  const pronounSubject = tree.children[root.index]!.some((child) => /^nsubj/u.test(tree.words[child]!.deprel) && tree.words[child]!.upos === "PRON");
  const standsForClause = pronounSubject && tree.words.some((word) => word.upos === "PRON" && /^(le|l['’]|en)$/iu.test(word.form));
  const knowsNothing = knowingVerbs.test(root.lemma) && !tree.children[root.index]!.some((child) => /^(obj|ccomp|xcomp)$/u.test(tree.words[child]!.deprel));
  return standsForClause || knowsNothing;
}

/**
 * A clause of cause or time opening the sentence on "comme" or "puisque",
 * and the clause it leads to, each a sentence of its own, in the book's
 * order, which keeps the relation: "Comme la salle était fraîche, elle
 * grelottait." → "La salle était fraîche." / "Elle grelottait." Both are
 * parsed apart: the parser reads this "comme" as "like" as often as not.
 * A connective before "comme" goes with the clause ("Puis il se mit…"); a
 * second reason joined by "et que" is a sentence too. Not "comme si", a
 * comparison ("Comme les matelots en détresse, elle…", no clause before the
 * comma), a clause that comments on its own ("comme on l'a vu"), nor in
 * dialogue.
 */
export function reasonBeforeClause(sentence: string): { reasons: string[]; clause: string; conjunctions: string[] } | undefined {
  const opening = sentence.match(reasonOpening);
  if (!opening || /^comme\s+si\b/iu.test(sentence.slice(opening[1]?.length ?? 0)) || dialogueMarks.test(sentence)) return undefined;
  const comma = outsideQuotes(sentence, ",", opening[0].length).next().value;
  if (comma === undefined) return undefined;
  const said = sentence.slice(opening[0].length, comma).trim();
  const second = secondReason.exec(said);
  const parts = second ? [said.slice(0, second.index), said.slice(second.index + second[0].length)] : [said];
  if (parts.some((part) => /(^|\s)(que|qu['’])/iu.test(part))) return undefined;
  const reasons = parts.map((part) => capitalizeFirst(`${part.trim()}.`));
  const rest = sentence.slice(comma + 1).trim();
  const connective = opening[2];
  const clause = connective ? `${capitalizeFirst(connective.toLowerCase())} ${rest}` : capitalizeFirst(rest);
  if (reasons.some((reason) => !readsAsSentence(reason) || commentsOnItsClause(reason)) || !readsAsSentence(clause)) return undefined;
  const conjunctions = [opening[3]!, ...(second ? [second[1]!.trim()] : [])];
  return { reasons, clause, conjunctions };
}

const notVerbOnly = new Set<WordClass>(["clitic", "pron", "det", "sub", "coord", "prep"]);

/**
 * "disait-il en lui frappant", "demanda la maîtresse d'auberge", "lui parut
 * plus blanc": a predicate goes on in lower case after what ends before it,
 * a line or a phrase (not "est-ce que"). It opens on a verb or a clitic.
 */
function goesOn(piece: string): boolean {
  if (/^[^\p{L}]*((lui|leur|se|me|te|y|en|ne)\s(?!\s*,)|[smtn]['’]\p{L})/iu.test(piece)) return true;
  const word = /^[^\p{L}]*(?:[smtln]['’])?(\p{L}+)(-\p{L}+)*/iu.exec(piece);
  if (!word || /^est-ce$/iu.test(word[0].replace(/^[^\p{L}]*/u, ""))) return false;
  const classes = lookUpWord(word[1]!)?.classes;
  return classes !== undefined && classes.has("verb") && ![...classes].some((wordClass) => notVerbOnly.has(wordClass));
}

/**
 * "Est-ce que cette misère durerait toujours? ‖ est-ce qu'elle n'en
 * sortirait pas?": a writer goes on in lower case after a question or an
 * exclamation inside a sentence, but a row that starts after one is read
 * alone, as a sentence starts; but for a predicate that goes on (goesOn).
 */
function capitalizedAfterEnds(pieces: readonly string[]): string[] {
  return pieces.map((piece, index) => {
    const before = pieces[index - 1];
    if (before === undefined || !/[.!?…][»”)]*$/u.test(before)) return piece;
    return goesOn(piece) ? piece : capitalizeFirst(piece);
  });
}

// A piece the rules wrote as a sentence: "C'était …", a subject pronoun given again. (Not a name, which
// may go on a list: "Il appela madame Homais, M Homais, ‖ Justin, les enfants".)
const presentation = /^((et|puis|mais)\s+)?(c['’](était|étaient|est|sera|serait)|ce (sont|sera|serait))\s/iu;
const pronounGivenAgain = /^((et|puis|mais)\s+)?(il|elle|ils|elles|on)\s/iu;
const opensOnAddedWords = (piece: string) => presentation.test(piece) || pronounGivenAgain.test(piece);

/**
 * The clause before a piece the rules wrote as a sentence ends on a full stop (closedClause), also
 * one the cut left in lower case after a comma ("on met tout ce que l'on veut ‖ C'est sur les
 * factures.").
 */
function closedBeforeSentences(pieces: readonly string[]): string[] {
  return pieces.map((piece, index) => {
    const next = pieces[index + 1];
    if (next === undefined || !/^\p{Lu}/u.test(next) || !opensOnAddedWords(next)) return piece;
    const closed = closedClause(piece);
    if (closed !== piece || /[.!?…:;»”)–—-]$/u.test(piece)) return closed;
    const ended = `${piece.replace(/\s*,$/u, "")}.`;
    // Before a phrase presented as C'était, whatever the piece is: a comma would run on into "C'était".
    if (presentation.test(next)) return ended;
    return /^[^\p{L}]*\p{Ll}/u.test(piece) && readsAsSentence(capitalizeFirst(ended)) ? ended : piece;
  });
}

// "Il était un filateur.", "Elle était une personne longue, pâle": a pronoun the rules gave a noun
// attribute with its article; French says "C'était un filateur." (not "Il était une fois", "un peu").
const pronounBeforeAttribute =
  /^(Il|Elle|Ils|Elles) (ne |n['’])?(était|étaient|est|sont|fut|furent|sera|seront|serait|seraient)( (?:pas|point|plus|jamais))? (un|une|des) (?!peu\b|fois\b)/u;

const singularOf: Record<string, string> = { sont: "est", étaient: "était", furent: "fut", seront: "sera", seraient: "serait" };

/** The pronoun the rules added before a noun attribute said as ce ("Il était un filateur." → "C'était un filateur."). */
function presentedAttribute(piece: string, sentence: string): string {
  const found = pronounBeforeAttribute.exec(piece);
  // The author's own "Il était un…" stays as written.
  if (!found || sentence.toLocaleLowerCase("fr").includes(found[0].toLocaleLowerCase("fr"))) return piece;
  const [whole, , negation, said, adverb = "", article] = found;
  // "Ils sont un appel" → "C'est un appel": ce agrees with its attribute.
  const verb = article === "des" ? said! : (singularOf[said!] ?? said!);
  const rest = `${verb}${adverb} ${article} `;
  const opening = negation ? `Ce n'${rest}` : /^[eé]/u.test(verb) ? `C'${rest}` : `Ce ${rest}`;
  return opening + piece.slice(whole.length);
}

// A pronoun, être and a past participle: "Il n'était fermée qu'au loquet".
const pronounBeforeParticiple =
  /^(Il|Ils) ((?:ne |n['’])?(?:était|étaient|est|sont|fut|furent|sera|seront|serait|seraient|avait été|avaient été|a été|ont été)(?: (?:pas|point|plus|jamais|que|qu['’]))?) (\p{L}+)/u;

/**
 * The pronoun the rules or the cut gave a clause of être with a past participle
 * in the feminine ("cette porte, la nuit comme le jour, n'était fermée" →
 * "Il n'était fermée…"): the writer's agreement says the subject, "Elle".
 */
function agreedPronoun(piece: string): string {
  const found = pronounBeforeParticiple.exec(piece);
  if (!found) return piece;
  const [, pronoun, group, participle] = found;
  const feminine = /(ée|ue|ie|ise|ite|erte|inte)s?$/u.test(participle!) && lookUpWord(participle!)?.classes.has("verb");
  if (!feminine) return piece;
  return `${pronoun === "Il" ? "Elle" : "Elles"} ${group}${piece.slice(pronoun!.length + 1 + group!.length)}`;
}

/**
 * "Il jugea bon de fournir quelques détails sur la catastrophe: / C'était
 * après les premiers morceaux.": the colon that ends the sentence announces
 * the line after it, so only the last piece keeps it; one the rules set
 * before a phrase they took out ends on a full stop.
 */
function colonLast(pieces: readonly string[], sentence: string): string[] {
  const ending = /:\s*$/u.exec(sentence);
  if (!ending) return [...pieces];
  const closing = sentence.slice(0, ending.index).trimEnd().toLowerCase();
  // The piece's words but its first (a subject the rules added, a capital) end the sentence: its colon is the sentence's.
  const endsSentence = (piece: string) => closing.endsWith(piece.slice(0, -1).toLowerCase().replace(/^\S+\s*/u, ""));
  return pieces.map((piece, index) => (index < pieces.length - 1 && piece.endsWith(":") && endsSentence(piece) ? `${piece.slice(0, -1)}.` : piece));
}

// A subject pronoun the rules set before a sentence of theirs, and "et" before a verb group.
const openingPronoun = /^(Il|Elle|Ils|Elles|On)\s/u;
const andPredicate = /^et\s+(?=((ne|n['’]|se|s['’]|me|m['’]|te|t['’]|le|la|les|l['’]|lui|leur|y|en)\s*)*\p{Ll})/u;
// "Il se trouva une commère, parla…": an impersonal il stands for no one who could go on.
const impersonalOpening = /^Il\s+(y\s|n['’]y\s|se\s+trouv|fa(ut|llait|llut|udra|udrait)\b|sembl|para[iî]|s['’]agi|(est|était|fut)\s+(temps|vrai|possible|certain|évident|probable|clair|juste|bon)\b)/u;
// A word that opens a clause inside the sentence, whose verb an "et" may join instead of the first.
const innerClause = /(^|[\s'’])(que|qu['’]|qui|où|dont|quand|lorsque|lorsqu['’]|si|s['’]il|comme|puisque|pendant)(?=[\s'’]|$)/iu;

/**
 * "Il se frottait les genoux ‖ et s'étirait les bras.": where the cut parts
 * two predicates of a sentence the rules opened on a subject pronoun, the
 * second takes that pronoun instead of its "et" ("Il s'étirait les bras."),
 * as the cut's own pieces take theirs (cut-pieces-as-sentences.ts); only with
 * no other clause before it whose verb the "et" could join.
 */
function subjectGivenAgain(piece: string, pieces: readonly string[], maxWords: number): { pieces: string[]; dropped: number } {
  const pronoun = openingPronoun.exec(piece)?.[1];
  if (!pronoun || impersonalOpening.test(piece)) return { pieces: [...pieces], dropped: 0 };
  let dropped = 0;
  const given = pieces.map((cutPiece, index) => {
    if (index === 0 || !andPredicate.test(cutPiece) || pieces.slice(0, index).some((before) => innerClause.test(before))) return cutPiece;
    const predicate = cutPiece.replace(andPredicate, "");
    // A verb group, its verb in the pronoun's number ("et s'étirait", not "et toute la nuit", "et se déplaçaient").
    const verb = /^(?:(?:ne|n['’]|se|s['’]|me|m['’]|te|t['’]|le|la|les|l['’]|lui|leur|y|en)\s*)*(\p{L}+)/u.exec(predicate)?.[1] ?? "";
    const plural = /^(Ils|Elles)$/u.test(pronoun);
    if (!goesOn(predicate) || plural !== /(ent|ont)$/u.test(verb)) return cutPiece;
    const sentence = `${pronoun} ${predicate}`;
    if (countWords(sentence) > maxWords || !readsAsSentence(sentence)) return cutPiece;
    dropped += 1;
    return sentence;
  });
  // (The clause before each ends on a full stop in rewriteLocally, as before any sentence the rules wrote.)
  return { pieces: given, dropped };
}

// "une filature de lin que l'on établissait" → "On l'établissait.": the "l'" French sets before "on"
// after "que", "et", "où" or "si" is not written where a sentence opens on it.
const euphonicL = /^L['’](?=on(?!\p{L}))/u;

export function rewriteLocally(sentence: string, maxWords: number): LocalRewrite {
  const rewrite = rewriteSentenceLocally(sentence, maxWords);
  const written = colonLast(closedBeforeSentences(capitalizedAfterEnds(rewrite.pieces)), sentence).map((piece) => agreedPronoun(presentedAttribute(piece, sentence)));
  const respelled = [...rewrite.respelled];
  const pieces = written.map((piece, index) => {
    // (A sentence the writer opened on "L'on" keeps it.)
    if (!euphonicL.test(piece) || (index === 0 && euphonicL.test(sentence))) return piece;
    respelled.push([piece.slice(0, 2), ""]);
    return capitalizeFirst(piece.replace(euphonicL, ""));
  });
  return { ...rewrite, pieces, respelled };
}

function rewriteSentenceLocally(sentence: string, maxWords: number): LocalRewrite {
  // The "que" each completive said after a colon dropped, by completive.
  const completives: string[][] = [];
  const clauses = clausesAtSemicolons(sentence).flatMap((clause) => {
    if (countWords(clause) <= maxWords) return [clause];
    const atColon = sentencesAtColon(clause);
    if (atColon) return atColon;
    const said = completiveAfterColon(clause, maxWords);
    if (!said) return [clause];
    completives.push(said.conjunctions);
    return [said.main, said.completive];
  });
  const reasons = clauses.map((clause) => (countWords(clause) > maxWords ? reasonBeforeClause(clause) : undefined));
  if (clauses.length === 1 && !reasons[0]) return rewriteClause(sentence, maxWords);
  // A phrase that opens the clause after a reason may describe the reason's subject as well as its own
  // ("Comme le soleil déclinait, allongeant sur le sol l'ombre du moindre caillou, Jean Valjean…").
  const texts = clauses.flatMap((clause, index): { text: string; afterReason?: boolean }[] =>
    reasons[index] ? [...reasons[index].reasons.map((text) => ({ text })), { text: reasons[index].clause, afterReason: true }] : [{ text: clause }],
  );
  const parts = texts.map(({ text, afterReason }): LocalRewrite =>
    countWords(text) > maxWords ? rewriteClause(text, maxWords, { frontedParticiples: !afterReason })
    : { pieces: [text], method: readsAsSentence(text) ? "rewritten" : "split", rules: [], respelled: [] },
  );
  const found = reasons.filter((reason) => reason !== undefined);
  const atSemicolons = clauses.length - completives.length > 1;
  return {
    pieces: parts.flatMap((part) => part.pieces),
    method: parts.every((part) => part.method === "rewritten") ? "rewritten" : "split",
    rules: [
      ...(atSemicolons ? ["parataxis" as const] : []),
      ...completives.map(() => "completive" as const),
      ...found.map(() => "reason" as const),
      ...parts.flatMap((part) => part.rules),
    ],
    // The conjunction is dropped on purpose, as a connective is.
    respelled: [...[...completives.flat(), ...found.flatMap((reason) => reason.conjunctions)].map((conjunction): [string, string] => [conjunction, ""]), ...parts.flatMap((part) => part.respelled)],
  };
}

function rewriteClause(sentence: string, maxWords: number, options?: RuleOptions): LocalRewrite {
  // A sentence a connective puts over the limit loses it rather than being cut or taken apart:
  // "Du reste, les événements étaient rares dans son existence." → "Les événements étaient rares dans son existence."
  const fitted = dropConnectives(sentence, maxWords);
  const whole = fitted && validatePieces(fitted.text, [fitted.text], { maxWords, minContentShare });
  if (fitted && whole?.ok) return { pieces: whole.pieces, method: "rewritten", rules: ["connective"], respelled: asDropped(fitted.dropped) };
  const { pieces: written, rules, respelled, tree, pieceTrees, dropped: droppedWords } = rewriteWithRules(sentence, maxWords, options);
  // The cut reads the sentence's parse, also in a piece the rules wrote (parsing it again costs a fifth of the engine's time).
  const parses = new Map<string, SentenceTree>([[sentence, tree], ...written.map((piece, index): [string, SentenceTree] => [piece, pieceTrees[index]!])]);
  const parseCosts: ParseCutCosts = (text, units) => {
    let parsed = parses.get(text);
    if (!parsed) parses.set(text, (parsed = parseTree(text)));
    return parseCutCosts(text, parsed, units);
  };
  // The text said in the order that lets the cut keep clauses whole, when its parse is at hand:
  // "Rodolphe, le soir, la trouva…" with the phrase first, then subject and verb together; "Il prit
  // entre son pouce et son index replié un peu de sa joue" with verb and object first, then the phrase.
  const inUsualOrder = (text: string): string => {
    const tree = parses.get(text);
    if (!tree) return text;
    // A piece the rules wrote comes with its sentence's parse, which the aside's move cannot read:
    // one that opens on a short noun phrase and a phrase between commas is parsed alone for it.
    const asideFirst = (tree: SentenceTree) => asideBeforeSubject(text, tree) ?? asideAfterVerb(text, tree);
    const asideMoved = asideFirst(tree) ?? (opensOnSubjectAndAside.test(text) ? asideFirst(parseTree(text)) : undefined) ?? asideAfterConnective(text);
    const objectFirst = asideMoved ? undefined : objectBeforePhrase(text, tree);
    if (objectFirst) return objectFirst;
    // "Il y avait sous le hangar deux grandes charrettes…": the phrase first where the object cannot go before it.
    const reordered = asideMoved ?? phraseBeforeThereIs(text);
    if (!reordered) return text;
    const reorderedTree = parseTree(reordered);
    parses.set(reordered, reorderedTree);
    return objectBeforePhrase(reordered, reorderedTree) ?? reordered;
  };
  // The cut of a text the rules could not bring within the limit, each predicate it parts from its subject given it again.
  const cut = (text: string) => {
    const source = inUsualOrder(text);
    const pieces = splitLongSentence(source, maxWords, parseCosts, (text, units) => {
      const parsed = parses.get(text);
      return parsed ? subjectWordsAtUnits(text, parsed, units) : [];
    });
    const parsed = parses.get(source);
    if (!parsed) return { pieces, dropped: 0 };
    // A piece after one the cut made a sentence starts as a sentence does, as the checks expect.
    const written = cutPiecesAsSentences(source, pieces, parsed, maxWords);
    return { pieces: capitalizedAfterEnds(written.pieces), dropped: written.dropped };
  };
  const cutWhole = (refused?: RewriteFailureReason): LocalRewrite => ({
    pieces: cut(sentence).pieces,
    method: "split",
    rules: [],
    respelled: [],
    ...(refused ? { refused } : {}),
  });
  if (rules.length === 0) return cutWhole();
  // A piece the rules wrote that opens on a relative pronoun came out of a clause they could not read.
  if (written.slice(1).some((piece) => opensOnRelative.test(piece))) {
    return cutWhole("bad_start");
  }
  const usedRules = [...rules];
  const connectives: string[] = [];
  const completives: string[] = [];
  let wasCut = false;
  let linksDropped = 0;
  // The cut of a piece the rules left over the limit, the links it dropped counted.
  const cutCounted = (text: string) => {
    wasCut = true;
    const { pieces: cutPieces, dropped } = cut(text);
    linksDropped += dropped;
    return cutPieces;
  };
  const pieces = written.flatMap((piece) => {
    if (countWords(piece) <= maxWords) return [piece];
    const fitted = dropConnectives(piece, maxWords);
    if (fitted) {
      usedRules.push("connective");
      connectives.push(...fitted.dropped);
      return [fitted.text];
    }
    // "Il dit que …" that the rules made a sentence of its own is said after a colon too.
    const said = completiveAfterColon(piece, maxWords);
    if (said) {
      usedRules.push("completive");
      completives.push(...said.conjunctions);
      return [said.main, ...(countWords(said.completive) <= maxWords ? [said.completive] : cutCounted(said.completive))];
    }
    const given = subjectGivenAgain(piece, cutCounted(piece), maxWords);
    linksDropped += given.dropped;
    return given.pieces;
  });
  // The checks read the sentence without the connectives dropped on purpose, so that they still count every other word.
  const checked = connectives.reduce((text, connective) => withoutConnective(text, connective, true), sentence);
  const allRespelled = [...respelled, ...asDropped(connectives), ...completives.map((conjunction): [string, string] => [conjunction, ""])];
  const verdict = validatePieces(checked, asTheBookSpells(pieces, respelled), {
    maxWords,
    minContentShare,
    droppedWords: droppedWords + linksDropped + completives.length,
  });
  if (!verdict.ok) return cutWhole(verdict.reason);
  const { added, dropped } = closedListViolations(sentence, pieces, allRespelled);
  if (added.length > 0) return cutWhole("invented");
  if (dropped.length > 0) return cutWhole("content_lost");
  return { pieces: pieces.map(normalizeSpaces), method: wasCut ? "split" : "rewritten", rules: usedRules, respelled: allRespelled };
}
