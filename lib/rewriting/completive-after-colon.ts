// A clause that says what its verb says, knows or sees ("Il s'avoua qu'il
// avait commis une action blâmable") is cut inside when the sentence is over
// the limit: "Il s'avoua qu'il avait commis ‖ une action blâmable." Said as
// two sentences, the colon keeping the relation and "que" gone, each reads
// alone: "Il s'avoua:" / "Il avait commis une action blâmable."
import { lefffReadings } from "@/lib/french/load-lefff";
import { isSubjunctive, readsAsSentence } from "@/lib/rewriting/rewrite-sentence";
import { announcingVerbs, auxiliaryRelations, childrenWith, parseTree, phraseWords, wordSpans, type SentenceTree, type TreeWord } from "@/lib/rewriting/sentence-tree";
import { capitalizeFirst } from "@/lib/text/capitalize-first";
import { countWords } from "@/lib/text/count-words";

const negations = /^(ne|n'|n’|pas|point|jamais|guère|plus)$/iu;
// (With "vocative": the parse may call "Madame" in "Madame Bovary remarqua" one.)
const subjectRelations = /^(nsubj|nsubj:pass|nsubj:caus|expl:subj|vocative)$/u;
const subjectClitics = /^(je|j['’]|tu|il|elle|on|nous|vous|ils|elles)$/iu;
const subordinating = /^(comme|quand|lorsque|lorsqu['’]|si|puisque|puisqu['’]|quoique|quoiqu['’])$/iu;
const dialogueMarks = /[«»“”—–?]|--/u;
const queMark = /^(que|qu['’])$/iu;

// "d'un tel accent que", "de sorte que", "si bien que", "à mesure que": a "que" that ends a degree,
// a result or a conjunction of time.
const degreeWords =
  /(^|[\s'’])(si|tel|telle|tels|telles|tant|tellement|sorte|façon|manière|point|bien|plutôt|moins|plus|autant|même|mesure|pendant|avant|après|depuis|dès|alors|lors|sans|pour|afin|parce|encore|ainsi|aussitôt|sitôt|tandis|malgré|jusqu['’]à)$/iu;
// "d'un tel accent que": a degree word anywhere in the main clause waits for its "que".
const degreeBefore = /\b(si|tel|telle|tant|tellement)\b/iu;
// "…, qu'il n'était plus temps, que tout était perdu": a second "que" clause the parse may not join.
const secondClause = /(,|;|\bet|\bou|\bmais)\s+(que|qu['’])/iu;

/**
 * The main clause, ending on a colon, and its "que" clause as a sentence of
 * its own, when the "que" clause completes the sentence's own verb (or an
 * infinitive it holds: "Il faut dire:", "Nous venons de dire:") and runs
 * to its end, the main clause fits the limit as one piece (the colon stays
 * last, right before what it announces), and both read as sentences. Not a
 * main clause with no subject of its own or in a subordinate clause, a
 * negated or questioning main clause ("il ne savait pas que…" says he did
 * not know it), a clause in the subjunctive, a degree or a result ("d'un tel
 * accent que"), nor in dialogue. Every "que" clause joined to the first goes
 * with it, its "que" dropped as well.
 */
export function completiveAfterColon(clause: string, maxWords: number): { main: string; completive: string; conjunctions: string[] } | undefined {
  // Most clauses have no verb of the kind before a "que": they are not parsed again for it.
  if (dialogueMarks.test(clause) || !announcesBeforeQue(clause)) return undefined;
  const tree = parseTree(clause);
  const root = tree.children[0]![0];
  if (root === undefined) return undefined;
  const verb = tree.words[root]!;
  // "nous sommes forcé d'ajouter qu'il fut glacial", "Il est juste de dire que…": the verb that announces may be
  // an infinitive the main clause holds.
  const announcer = announcingVerbs.test(verb.lemma) ? verb
    : childrenWith(tree, root, /^(xcomp|csubj|ccomp)$/u).find((child) => child.index > root && child.feats.VerbForm === "Inf" && announcingVerbs.test(child.lemma) && !aDegree(tree, child));
  const negated = (head: number) => tree.children[head]!.some((child) => negations.test(tree.words[child]!.form));
  if (!announcer || negated(root) || negated(announcer.index)) return undefined;
  // A main clause that reads alone: not one in a subordinate clause ("comme elle objectait:"), nor a
  // predicate whose subject is elsewhere ("Les comparant aux négligences d'Emma, concluait:"), but an imperative ("Figurez-vous:").
  // (The parse may call "comme" the case of "elle": the words before the verb are read too.)
  const finite = [verb, ...childrenWith(tree, root, auxiliaryRelations)].find((word) => word.feats.VerbForm === "Fin");
  const lastComma = tree.words.slice(1, root).findLast((word) => word.form === ",")?.index ?? 0;
  const opening = tree.words.slice(lastComma + 1, root);
  const subject = childrenWith(tree, root, subjectRelations).some((word) => word.index < root) ||
    opening.some((word) => subjectRelations.test(word.deprel) || subjectClitics.test(word.form));
  const subordinate = opening.some((word) => subordinating.test(word.form));
  if (subordinate || childrenWith(tree, root, /^mark$/u).length > 0 || (!subject && finite?.feats.Mood !== "Imp")) return undefined;
  // "Il se trouva que…": an impersonal "il" announces nothing.
  if (verb.lemma === "trouver" && childrenWith(tree, root, /^(expl|expl:pv|expl:comp|obj)$/u).some((word) => /^(se|s['’])$/iu.test(word.form))) return undefined;
  const completive = childrenWith(tree, announcer.index, /^ccomp$/u).find((child) => child.index > announcer.index);
  // "Il répondit quelque chose qu'il n'a jamais pu se rappeler": after an object, "que" opens its relative clause.
  if (!completive || childrenWith(tree, announcer.index, /^obj$/u).length > 0) return undefined;
  const words = phraseWords(tree, completive.index);
  const mark = tree.words[words[0]!]!;
  if (mark.head !== completive.index || mark.deprel !== "mark" || !queMark.test(mark.form)) return undefined;
  // "qu'il y avait fait de fréquents voyages, et qu'il y avait distribué des croix": the parse may join the
  // second "que" clause to the verb that announces both; a main clause has no "que" of its own, so it is said too.
  const joinedToAnnouncer = childrenWith(tree, announcer.index, /^conj$/u).filter((joined) =>
    joined.index > completive.index && childrenWith(tree, joined.index, /^mark$/u).some((joinedMark) => queMark.test(joinedMark.form)),
  );
  const end = Math.max(words.at(-1)!, ...joinedToAnnouncer.map((joined) => phraseWords(tree, joined.index).at(-1)!));
  if (!runsToTheEnd(tree, end)) return undefined;
  // "qu'elle allait mieux et qu'elle se lèverait": the "que" of each clause joined to it goes too.
  const joinedMarks = [...childrenWith(tree, completive.index, /^conj$/u), ...joinedToAnnouncer].flatMap((joined) =>
    childrenWith(tree, joined.index, /^mark$/u).filter((joinedMark) => queMark.test(joinedMark.form)),
  );
  const completiveVerb = [completive, ...childrenWith(tree, completive.index, auxiliaryRelations)].find((word) => word.feats.VerbForm === "Fin");
  if (!completiveVerb || isSubjunctive(completiveVerb)) return undefined;
  const spans = wordSpans(clause, tree);
  const at = spans?.find((span) => span.index === mark.index);
  if (!at) return undefined;
  const joinedAt = joinedMarks.map((joinedMark) => spans!.find((span) => span.index === joinedMark.index));
  if (joinedAt.some((span) => span === undefined)) return undefined;
  const before = clause.slice(0, at.start).replace(/[\s,]+$/u, "");
  const main = `${before}:`;
  // (From the last "que" back, so that the offsets before it hold; "que " goes with its space, "qu'" has
  // none, and "et que, s'il…" keeps no space before its comma.)
  const said = joinedAt.reduceRight((text, span) => {
    const after = text.slice(span!.end).replace(/^\s+/u, "");
    const before = text.slice(0, span!.start);
    return `${/^[,;:]/u.test(after) ? before.trimEnd() : before}${after}`;
  }, clause);
  const rest = capitalizeFirst(said.slice(at.end).trim());
  if (countWords(main) > maxWords || degreeWords.test(before) || degreeBefore.test(before) || secondClause.test(rest)) return undefined;
  if (!readsAsSentence(`${before}.`) || !readsAsSentence(rest)) return undefined;
  return { main, completive: rest, conjunctions: [mark.form, ...joinedMarks.map((joinedMark) => joinedMark.form)] };
}

/** A word the Lefff reads as one of the announcing verbs somewhere before the clause's last "que". */
function announcesBeforeQue(clause: string): boolean {
  const last = [...clause.matchAll(/(^|[\s'’])qu(e\b|['’])/giu)].at(-1);
  if (!last) return false;
  const words = clause.slice(0, last.index).toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.some((word) => lefffReadings(word).some((reading) => reading.category === "v" && announcingVerbs.test(reading.lemma)));
}

/** "Les oreilles lui tintèrent à croire qu'il allait tomber": "à croire que" says how much, and announces nothing. */
function aDegree(tree: SentenceTree, infinitive: TreeWord): boolean {
  return infinitive.lemma === "croire" && childrenWith(tree, infinitive.index, /^mark$/u).some((mark) => /^à$/iu.test(mark.form));
}

/** Nothing of the sentence but punctuation after `last`. */
function runsToTheEnd(tree: SentenceTree, last: number): boolean {
  return tree.words.slice(last + 1).every((word) => word.upos === "PUNCT");
}
