// Writers put a phrase between a verb and a long object ("Quelques-unes de
// ses camarades apportaient au couvent les keepsakes"); at eight words the
// cut then parts the verb from its object, both pieces broken. Said in the
// usual order, verb and object first, the clause is cut before the phrase
// instead: "… apportaient les keepsakes ‖ au couvent." No word is added or
// dropped, only the phrase moved.
import { childrenWith, subtree, wordSpans, type SentenceTree, type TreeWord } from "@/lib/rewriting/sentence-tree";

// Determiners the tagger sometimes reads as prepositions.
const determinerForms = /^(mon|ton|son|ma|ta|sa|mes|tes|ses|notre|votre|nos|vos|leur|leurs)$/iu;

// "un peu de sa joue", "beaucoup de monde": a quantity's "de" opens no phrase.
const quantities = /^(peu|beaucoup|trop|assez|tant|plus|moins|quantité)$/iu;

/**
 * Where the noun phrase of `noun` starts, when it is one with its article
 * and no preposition of its own: its first word, or the quantity before a
 * "de" ("un peu de sa joue", which the parse may hang elsewhere).
 */
function bareNounPhraseStart(tree: SentenceTree, noun: TreeWord, words: readonly number[]): number | undefined {
  if (noun.upos !== "NOUN" || childrenWith(tree, noun.index, /^(det|nummod)$/u).length === 0) return undefined;
  const first = words[0]!;
  const marks = childrenWith(tree, noun.index, /^case$/u);
  if (marks.length === 0) return tree.words[first]!.deprel === "det" ? first : undefined;
  if (marks.length > 1 || !/^(de|d'|d’)$/iu.test(marks[0]!.form)) return undefined;
  // The quantity inside the phrase ("un peu" as its article) or just before it.
  if (marks[0]!.index !== first) return tree.words.slice(first, marks[0]!.index).some((word) => quantities.test(word.form)) ? first : undefined;
  const quantity = tree.words[first - 1];
  if (!quantity || !quantities.test(quantity.form)) return undefined;
  return /^(un|une)$/iu.test(tree.words[first - 2]?.form ?? "") ? first - 2 : first - 1;
}

/**
 * `text` with the object of its verb moved before the phrase the writer set
 * between them: a verb, right after it a phrase opened by a preposition,
 * then a noun phrase with its article and no preposition, which ends the
 * text or comes right before a mark. The parse often hangs that object on
 * the phrase ("au couvent les keepsakes" read as one phrase), so where it
 * hangs is not asked. Else undefined.
 */
export function objectBeforePhrase(text: string, tree: SentenceTree): string | undefined {
  const spans = wordSpans(text, tree);
  if (!spans) return undefined;
  const at = new Map(spans.map((span) => [span.index, span]));
  for (const noun of tree.words.slice(1)) {
    // "et son index replié …": an item of a list goes with the others (the first takes them all with it:
    // "le renoncement et le sacrifice", with no comma, below; each a noun with its article, not "du
    // coupable la victime et du débiteur le créancier", two objects each).
    if (!at.has(noun.index) || /^(nsubj|nsubj:pass|conj)$/u.test(noun.deprel)) continue;
    const items = childrenWith(tree, noun.index, /^conj$/u);
    const plainItem = (item: TreeWord) => {
      const opening = subtree(tree, item.index).find((index) => !/^(cc|punct)$/u.test(tree.words[index]!.deprel));
      return childrenWith(tree, item.index, /^case$/u).length === 0 && opening !== undefined && tree.words[opening]!.deprel === "det";
    };
    if (!items.every(plainItem)) continue;
    // Only the words this text holds: a piece the rules wrote comes with its sentence's whole parse,
    // the clauses they took out of it included.
    const own = subtree(tree, noun.index).filter((index) => at.has(index));
    const first = bareNounPhraseStart(tree, noun, own);
    const last = own.at(-1)!;
    if (first === undefined || !at.has(first)) continue;
    const words = tree.words.slice(first, last + 1);
    if (words.some((word) => word.upos === "PUNCT" || !at.has(word.index))) continue;
    // Then the end of the clause: not a comma, which may lead on to what describes the object ("les
    // petites boules de corail, givrées de diamant", "sa petite fille, que son mari avait renvoyée").
    // A comma before a conjunction ends the clause too ("…un peu de sa joue, comme on fait
    // machinalement"), but for "et qui…", which describes the object.
    const after = text.slice(at.get(last)!.end);
    const conjunction = /^\s*,\s*((comme|quand|lorsque|lorsqu['’]|parce|puisque|puisqu['’]|tandis)\s|(et|mais|puis)\s+(?!(qui|que|qu['’]|dont|où|lequel|laquelle|lesquels|lesquelles)(?!\p{L})))/iu;
    if (!/^\s*([.;:!?…»)”]|$)/u.test(after) && !conjunction.test(after)) continue;
    // A short phrase, with no clause of its own ("cette tristesse qu'elle avait eue le jour où…").
    if (words.some((word) => word.feats.VerbForm === "Fin")) continue;
    // Nor one ending on a participle, which the phrase set after it would complete: "il retira une
    // demi-douzaine de cols brodés de la boîte", "une feuille de papier fraîche écrite à la main".
    if (words.at(-1)!.feats.VerbForm === "Part") continue;
    // Before it, a phrase opened by a preposition right after a finite verb or an infinitive, no mark inside.
    let start = first - 1;
    while (start > 0 && !(tree.words[start]!.upos === "VERB" && tree.words[start]!.deprel !== "acl") && tree.words[start]!.upos !== "PUNCT") start -= 1;
    const verb = tree.words[start];
    if (!verb || verb.upos !== "VERB" || start + 1 >= first) continue;
    const opener = tree.words[start + 1]!;
    if (opener.upos !== "ADP" || opener.deprel !== "case") continue;
    // The phrase is the verb's or the object's own (never a subject's), and holds no other verb.
    const between = tree.words.slice(start + 1, first);
    if (!at.has(start) || !between.every((word) => at.has(word.index))) continue;
    // A participle describing a noun of the phrase ("son index replié") is part of it; any other verb or a pronoun is not.
    // (Its own complements would make it a clause: "gravures représentant sur fond noir une déesse"; the
    // object the parse hangs on it does not.)
    const describing = (word: TreeWord) =>
      word.feats.VerbForm === "Part" && /^(acl|amod)$/u.test(word.deprel) && tree.children[word.index]!.every((child) => child >= first);
    if (between.some((word) => ((word.upos === "VERB" || word.upos === "AUX") && !describing(word)) || word.upos === "PRON")) continue;
    if (between.length < 2 || words.length < 2) continue;
    // The phrase ends on its noun ("dans une ville de ‖ moins de quatre mille" is one phrase), and every
    // noun in it has its preposition or is listed with one that has ("entre son pouce et son index"):
    // "faire du coupable la victime" holds a second object.
    // Nor after the "que" of "ne … que" or of a comparison: "n'avait au monde ‖ que cette femme".
    if (/^(ADP|DET|CCONJ)$/u.test(tree.words[first - 1]!.upos) || /^(tout|toute|tous|toutes|que|qu['’])$/iu.test(tree.words[first - 1]!.form)) continue;
    // "se mettre en route l'hiver", "laissait voir à nu": a phrase with no article is the verb's locution.
    if (!between.some((word) => /^(DET|PROPN|NUM)$/u.test(word.upos))) continue;
    const introduced = (word: TreeWord): boolean =>
      childrenWith(tree, word.index, /^case$/u).length > 0 || (word.deprel === "conj" && introduced(tree.words[word.head]!));
    if (between.some((word) => word.upos === "NOUN" && !introduced(word))) continue;
    // "rejoint dans la lumière vos soeurs les vierges": right before the object, a noun with no preposition of
    // its own (the tagger may take "vos" for one) is the object, and the noun after it its apposition.
    const before = tree.words[first - 1]!;
    const ownPreposition = childrenWith(tree, before.index, /^case$/u).some((mark) => !determinerForms.test(mark.form));
    if (before.upos === "NOUN" && !ownPreposition) continue;
    const phraseStart = at.get(start + 1)!.start;
    const phraseEnd = at.get(first - 1)!.end;
    const objectStart = at.get(first)!.start;
    const objectEnd = at.get(last)!.end;
    // "parut dans le _Moniteur_": the marks of italics stay around their words.
    if (text.slice(phraseStart, objectEnd + 1).includes("_")) continue;
    return `${text.slice(0, phraseStart)}${text.slice(objectStart, objectEnd)} ${text.slice(phraseStart, phraseEnd)}${text.slice(objectEnd)}`;
  }
  return undefined;
}
