// A parsed sentence as the rewriting rules read it: words with their
// heads, relations and features, each word's dependents, and the surface
// tokens the words came from, so that pieces are written back with the
// book's own spelling and spacing ("du", "l'", "dit-il").
import type { ConlluSentence } from "@/lib/french/parser/conllu";
import { lexiconReadings } from "@/lib/french/lefff-forms";
import { findLocutions } from "@/lib/french/locutions";
import { frenchParser } from "@/lib/french/parser/french-parser";

export interface TreeWord {
  /** 1-based, as in CoNLL-U; 0 is the root. */
  index: number;
  form: string;
  lemma: string;
  upos: string;
  feats: Readonly<Record<string, string>>;
  head: number;
  deprel: string;
  /** The surface token holding this word. */
  token: number;
}

export interface TreeToken {
  form: string;
  /** Its words' indices, in order (several for "du" = de + le). */
  words: number[];
  spaceAfter: boolean;
}

export interface SentenceTree {
  /** Index 0 is a placeholder for the root, so that words[i].index === i. */
  words: TreeWord[];
  tokens: TreeToken[];
  children: number[][];
}

// A book has a few hundred distinct feature bundles: each is read once, and shared (never written to).
const featsRead = new Map<string, Readonly<Record<string, string>>>();

function readFeats(feats: string): Readonly<Record<string, string>> {
  let read = featsRead.get(feats);
  if (!read) {
    read = Object.freeze(feats === "_" || feats === "" ? {} : Object.fromEntries(feats.split("|").map((pair) => pair.split("=") as [string, string])));
    featsRead.set(feats, read);
  }
  return read;
}

export function sentenceTree(parsed: ConlluSentence): SentenceTree {
  const words: TreeWord[] = [{ index: 0, form: "", lemma: "", upos: "ROOT", feats: {}, head: -1, deprel: "", token: -1 }];
  const tokens: TreeToken[] = [];
  parsed.tokens.forEach((token, tokenIndex) => {
    const indices: number[] = [];
    for (const word of token.words) {
      const index = words.length;
      indices.push(index);
      words.push({
        index,
        form: word.form,
        lemma: word.lemma,
        upos: word.upos,
        feats: readFeats(word.feats),
        head: word.head,
        deprel: word.deprel,
        token: tokenIndex,
      });
    }
    const misc = token.words.length > 1 ? token.misc : token.words[0]!.misc;
    tokens.push({ form: token.form, words: indices, spaceAfter: !misc.includes("SpaceAfter=No") });
  });
  const tree = { words, tokens, children: childrenOf(words) };
  repairAdverbLocutions(tree);
  for (const word of words.slice(1)) repairDemonstrativeParticle(tree, word.index);
  for (const word of words.slice(1)) repairImperative(tree, word.index);
  for (const word of words.slice(1)) repairStepNoun(tree, word.index);
  for (const word of words.slice(1)) repairPersonNoun(tree, word.index);
  for (const word of words.slice(1)) repairNoClue(tree, word.index);
  for (const word of words.slice(1)) repairPredeterminer(tree, word.index);
  for (const word of words.slice(1)) repairAdjectiveAsNoun(tree, word.index);
  for (const word of words.slice(1)) repairNounAdjective(tree, word.index);
  for (const word of words.slice(1)) repairVocativeSubject(tree, word.index);
  for (const word of words.slice(1)) repairCliticEn(tree, word.index);
  for (const word of words.slice(1)) repairCliticArticle(tree, word.index);
  for (const word of words.slice(1)) repairGerundAsNoun(tree, word.index);
  for (const word of words.slice(1)) repairParticipleAsPreposition(tree, word.index);
  for (const word of words.slice(1)) repairGerundAsMain(tree, word.index);
  for (const word of words.slice(1)) repairPhraseAfterJoinedClause(tree, word.index);
  for (const word of words.slice(1)) repairPhraseAfterParticiple(tree, word.index);
  for (const word of words.slice(1)) repairParticipleJoinedToNoun(tree, word.index);
  for (const word of words.slice(1)) repairSpeaker(tree, word.index);
  for (const word of words.slice(1)) repairTimeAsSubject(tree, word.index);
  for (const word of words.slice(1)) repairJoinedSubjects(tree, word.index);
  for (const word of words.slice(1)) repairSubjectJoinedToVerb(tree, word.index);
  for (const word of words.slice(1)) repairClauseJoinedToNoun(tree, word.index);
  for (const word of words.slice(1)) repairPredicateJoinedToNoun(tree, word.index);
  for (const word of words.slice(1)) repairJoinedRelative(tree, word.index);
  for (const word of words.slice(1)) repairRelativeAsMain(tree, word.index);
  for (const word of words.slice(1)) repairPronounSubject(tree, word.index);
  for (const word of words.slice(1)) repairSubject(tree, word.index);
  for (const word of words.slice(1)) repairRelative(tree, word.index);
  for (const word of words.slice(1)) repairObjectTakenForSubject(tree, word.index);
  for (const word of words.slice(1)) repairSubjectAfterWhere(tree, word.index);
  for (const word of words.slice(1)) repairPhraseBeforeClause(tree, word.index);
  for (const word of words.slice(1)) repairAuxiliaryBeforeAside(tree, word.index);
  for (const word of words.slice(1)) repairRelativeQue(tree, word.index);
  for (const word of words.slice(1)) repairConsecutiveQue(tree, word.index);
  for (const word of words.slice(1)) repairSubordinateJoined(tree, word.index);
  for (const word of words.slice(1)) repairParticiple(tree, word.index);
  for (const word of words.slice(1)) repairParticipleSeries(tree, word.index);
  for (const word of words.slice(1)) repairFiniteJoinedToNonFinite(tree, word.index);
  return tree;
}

/** "ce jour-là", "cet homme-ci": the particle is its noun's, wherever the parse hung it. */
function repairDemonstrativeParticle(tree: SentenceTree, index: number): void {
  const { words } = tree;
  const particle = words[index]!;
  // (Not a particle the parse made a head: moving it would make a loop.)
  if (!/^-(là|ci)$/iu.test(particle.form) || particle.head === index - 1 || words[index - 1]?.upos === "PUNCT" || tree.children[index]!.length > 0) return;
  particle.head = index - 1;
  particle.deprel = "advmod";
  tree.children = childrenOf(words);
}

// Words that say "tu" is spoken to: an order's addressee.
const spokenTo = /^(ta|ton|tes|toi|-toi|te|t'|t’)$/iu;

/**
 * "on se moquerait de toi, reste à ta place", "emplis les carafes,
 * apporte de l'eau-de-vie, dépêche-toi!": a verb in the present with no
 * subject, opening its clause after a mark, where "tu" is spoken to, is an
 * order, which the parse reads as the third person ("Il reste", "On reste"
 * would say something else).
 */
function repairImperative(tree: SentenceTree, index: number): void {
  const { words, children } = tree;
  const verb = words[index]!;
  const { feats } = verb;
  if (verb.upos !== "VERB" || feats.VerbForm !== "Fin" || feats.Mood !== "Ind" || feats.Tense !== "Pres" || feats.Number !== "Sing") return;
  if (children[index]!.some((child) => subjectRelations.test(words[child]!.deprel))) return;
  const before = words[index - 1];
  if (before && before.upos !== "PUNCT") return;
  // "emplis": a second person without "tu" gives the order itself; "reste", "apporte" only where "tu" is spoken to.
  const addressed = feats.Person === "2" || (feats.Person === "3" && /e$/u.test(verb.form) && words.some((word) => spokenTo.test(word.form)));
  if (!addressed) return;
  verb.feats = readFeats("Mood=Imp|Number=Sing|Person=2|Tense=Pres|VerbForm=Fin");
}

// Adverbs of several words that are never anything else: the parse, which does not know them, reads
// their nouns as phrases of the clause ("et de temps en temps regardait" as a second object, "temps").
const adverbLocutions = new Set([
  "tout à coup", "tout d'un coup", "de temps à autre", "de temps en temps", "çà et là", "peu à peu", "tour à tour", "sans doute",
  "tout de suite", "tout à fait", "à demi", "sans cesse", "tout à l'heure", "à peine", "d'abord", "du reste", "en même temps",
  "à la fois", "au dedans", "quelque part", "à présent", "de nouveau", "à la hâte", "au loin", "en effet", "par hasard", "à jamais",
]);

/**
 * Such an adverb that the parse read as an argument or a clause is made one
 * word of its clause, as the treebanks write "tout à coup": its first word
 * an adverb of the verb it stands before (or that the parse hung it on), the
 * others fixed to it. The conjunction and comma the parse hung on it go to
 * that verb.
 */
function repairAdverbLocutions(tree: SentenceTree): void {
  const { words } = tree;
  for (const match of findLocutions(tree.tokens.map((token) => token.form))) {
    if (!adverbLocutions.has(match.locution.form) || match.endsInsideToken) continue;
    const span = tree.tokens.slice(match.first, match.last + 1).flatMap((token) => token.words);
    // Only where the parse made one of its words an argument or a clause of its own; its other readings the rules know.
    if (span.length < 2 || !span.some((index) => /^(nsubj|nsubj:pass|obj|conj|root|appos|parataxis)$/u.test(words[index]!.deprel))) continue;
    const inSpan = new Set(span);
    const outsideChildren = span.flatMap((index) => tree.children[index]!.filter((child) => !inSpan.has(child)));
    if (outsideChildren.some((child) => !/^(cc|punct)$/u.test(words[child]!.deprel))) continue;
    // The verb: the next word's, right after the adverb; else the one predicate the parse hung it on.
    const next = span.at(-1)! + 1;
    const heads = [...new Set(span.map((index) => words[index]!.head).filter((head) => !inSpan.has(head)))];
    const target = words[next] && isPredicateHead(tree, next) ? next : heads.length === 1 && heads[0]! > 0 && isPredicateHead(tree, heads[0]!) ? heads[0]! : undefined;
    if (target === undefined) continue;
    const [first, ...rest] = span;
    words[first!]!.upos = "ADV";
    words[first!]!.deprel = "advmod";
    words[first!]!.head = target;
    for (const index of rest) {
      words[index]!.head = first!;
      words[index]!.deprel = "fixed";
    }
    for (const child of outsideChildren) words[child]!.head = child < first! && target > first! ? target : first!;
    tree.children = childrenOf(words);
  }
}

// Words that make the next "pas" a noun: an article, a possessive, a number, a size ("quelques pas", "à grands pas").
const beforeStep = /^(un|les|des|ces|quelques|plusieurs|ses|mes|tes|nos|vos|leurs|son|mon|ton|ce|deux|trois|quatre|cinq|six|dix|cent|mille|petits|grands|premiers|derniers)$/iu;

/**
 * "Ils firent quelques pas dans le parc", "au bruit de leurs pas": the tagger
 * reads "pas" after an article or a possessive as the negation. It is the
 * noun, with that word as its determiner: the object of the verb where the
 * parse had hung the determiner on the noun after it, else the complement of
 * the noun it was hung on.
 */
function repairStepNoun(tree: SentenceTree, index: number): void {
  const { words } = tree;
  const step = words[index]!;
  const before = words[index - 1];
  if (step.form.toLowerCase() !== "pas" || step.upos !== "ADV" || !before || !beforeStep.test(before.form)) return;
  const hung = words[before.head]!;
  let head = step.head;
  let deprel: string;
  if (step.head === before.index) {
    // The determiner hung on a noun after it ("quelques pas dans le parc"): "pas" is that noun's verb's object.
    const verb = words[hung.head];
    if (hung.index < index || !verb || !/^(VERB|AUX)$/u.test(verb.upos)) return;
    if (tree.children[verb.index]!.some((child) => words[child]!.deprel === "obj")) return;
    head = verb.index;
    deprel = "obj";
  } else {
    deprel = /^(NOUN|PROPN)$/u.test(words[step.head]!.upos) ? "nmod" : step.head === 0 ? "root" : "obl";
  }
  // Nothing the determiner or its "de" governs may become the noun's head.
  const governs = (word: TreeWord) => subtree(tree, word.index).includes(head);
  if (governs(step) || governs(before) || (before.deprel === "fixed" && governs(hung))) return;
  step.head = head;
  step.deprel = deprel;
  // "de leurs pas": the parse made "leurs" a fixed part of "de"; "de" is the noun's preposition.
  if (before.deprel === "fixed" && hung.upos === "ADP") {
    hung.head = index;
    hung.deprel = "case";
  }
  step.upos = "NOUN";
  step.lemma = "pas";
  before.head = index;
  before.deprel = "det";
  tree.children = childrenOf(words);
}

// Words that make the next "personne" the noun: "sa personne", "la personne de l'évêque".
const beforePerson = /^(sa|la|une|cette|ma|ta|votre|notre|leur|toute|chaque|quelque)$/iu;

/**
 * "La vue de sa personne troublait…": after a determiner, "personne" is the
 * noun, which the tagger reads as the pronoun of "ne … personne" and hangs
 * on the verb as its object. With a "de" before it, it completes the noun
 * before that.
 */
function repairPersonNoun(tree: SentenceTree, index: number): void {
  const { words } = tree;
  const person = words[index]!;
  const determiner = words[index - 1];
  if (person.form.toLowerCase() !== "personne" || person.upos !== "PRON" || !determiner || !beforePerson.test(determiner.form)) return;
  // Nothing that governs "personne" may hang on it.
  const governs = (word: TreeWord) => subtree(tree, word.index).includes(index);
  if (governs(determiner)) return;
  const of = words[index - 2];
  const noun = words[index - 3];
  const complement = of && noun && /^(de|d'|d’)$/iu.test(of.form) && noun.upos === "NOUN" && !subtree(tree, index).includes(noun.index) && !governs(of);
  if (complement) {
    person.head = noun.index;
    person.deprel = "nmod";
    of.head = index;
    of.deprel = "case";
    of.upos = "ADP";
  }
  person.upos = "NOUN";
  person.lemma = "personne";
  person.feats = readFeats("Gender=Fem|Number=Sing");
  determiner.head = index;
  determiner.deprel = "det";
  determiner.upos = "DET";
  tree.children = childrenOf(words);
}

function childrenOf(words: readonly TreeWord[]): number[][] {
  const children: number[][] = words.map(() => []);
  for (const word of words.slice(1)) if (word.head >= 0) children[word.head]!.push(word.index);
  return children;
}

const subjectRelations = /^(nsubj|nsubj:pass|nsubj:caus|expl:subj|csubj)$/u;

/** Nouns of time: a phrase or a clause on one says when ("le jour où", "le soir,", "au moment où"). */
export const timeNouns =
  /^(jour|moment|temps|heure|instant|soir|matin|année|an|époque|minute|nuit|fois|semaine|mois|saison|soirée|journée|siècle|veille|lendemain|surlendemain)$/u;

/** Words of address that go before a name or a rank: "M. Homais", "madame Bovary", "monseigneur Bienvenu". */
export const titles = /^(madame|monsieur|mademoiselle|monseigneur|mesdames|messieurs|mesdemoiselles|m\.|mm\.|mme|mlle|saint|sainte)$/iu;

/** Verbs that say who speaks: "dit-il", "répondit l'huissier". */
export const sayingVerbs =
  /^(dire|répondre|répliquer|répéter|récrier|exclamer|demander|ajouter|écrier|s'écrier|reprendre|continuer|poursuivre|murmurer|crier|faire|penser|déclarer|observer|interrompre|expliquer|objecter|riposter|insister|conclure|songer|soupirer|balbutier|bégayer)$/u;

// Verbs whose "que" clause is what is said, learnt, seen or thought: after a colon it is that.
export const announcingVerbs =
  /^(dire|répondre|répliquer|déclarer|annoncer|expliquer|raconter|ajouter|écrire|avouer|affirmer|assurer|jurer|promettre|répéter|savoir|apprendre|comprendre|sentir|voir|remarquer|apercevoir|reconnaître|découvrir|deviner|constater|observer|songer|penser|croire|juger|trouver|oublier|rappeler|prétendre|soupçonner|craindre|espérer|conter|murmurer|crier|écrier|lire|entendre|avertir|prévenir|confier|supposer|imaginer|figurer|souvenir|conclure|admettre|soutenir|objecter|insinuer|décider)$/u;

/** What carries a clause's tense for its verb or attribute: an auxiliary (also faire's, "la fit venir") or a copula. */
export const auxiliaryRelations = /^(aux|aux:tense|aux:pass|aux:caus|cop)$/u;

const verbGroupRelations = /^(aux|aux:tense|aux:pass|aux:caus|cop|expl:pv|expl|advmod)$/u;

/** A finite verb, or a participle or attribute with a finite auxiliary or copula, not in the imperative. */
function finiteClause(tree: SentenceTree, clause: number): boolean {
  const { words, children } = tree;
  const head = words[clause]!;
  const finite = head.feats.VerbForm === "Fin" || children[clause]!.some((child) => auxiliaryRelations.test(words[child]!.deprel) && words[child]!.feats.VerbForm === "Fin");
  return finite && head.feats.Mood !== "Imp";
}

/** A verb, or an attribute with its copula: the word a clause hangs on. */
function isPredicateHead(tree: SentenceTree, index: number): boolean {
  return /^(VERB|AUX)$/u.test(tree.words[index]!.upos) || tree.children[index]!.some((child) => tree.words[child]!.deprel === "cop");
}

/**
 * "Elle la froissa dans ses mains tout le jour": "tout" before an article is
 * its noun's, a time or a whole that goes with the verb; the parse may read
 * it as an adjective of the noun before, and the noun after as that noun's
 * complement with no preposition.
 */
function repairPredeterminer(tree: SentenceTree, index: number): void {
  const { words } = tree;
  const word = words[index]!;
  const article = words[index + 1];
  if (!/^(tout|toute|tous|toutes)$/iu.test(word.form) || word.deprel !== "amod" || word.head > index || article?.deprel !== "det") return;
  const noun = words[article.head]!;
  if (noun.index <= index || noun.upos !== "NOUN") return;
  word.head = noun.index;
  word.deprel = "det";
  word.upos = "DET";
  // The noun the parse hung it on is a phrase of the clause; the noun after, with no preposition, is the
  // clause's too: a time ("tout le jour"), the subject a relative clause sets after its verb ("de qui se
  // mêlaient en ce moment tous les fils"), or the verb's object ("parcourait du haut en bas tout le clavier").
  const before = words[noun.head]!;
  const bare = !tree.children[noun.index]!.some((child) => words[child]!.deprel === "case");
  if (/^(nmod|appos)$/u.test(noun.deprel) && noun.head < index && before.upos === "NOUN" && bare) {
    const verb = words[before.head]!;
    const has = (relation: RegExp) => tree.children[verb.index]!.some((child) => relation.test(words[child]!.deprel));
    noun.head = verb.index;
    noun.deprel = timeNouns.test(noun.lemma) || verb.upos !== "VERB" || verb.index > index ? "obl:mod"
      : verb.deprel === "acl:relcl" && verb.feats.VerbForm === "Fin" && !has(/^nsubj/u) ? "nsubj"
      : !has(/^(obj|ccomp|xcomp)$/u) ? "obj" : "obl:mod";
  }
  tree.children = childrenOf(words);
}

/**
 * "sur le tapis vert du billard": a word right after a noun, with no article
 * or preposition of its own, that the Lefff knows as an adjective is that
 * noun's adjective, not a noun naming its kind as the parse may read it.
 */
function repairAdjectiveAsNoun(tree: SentenceTree, index: number): void {
  const { words, children } = tree;
  const word = words[index]!;
  if (word.upos !== "NOUN" || word.deprel !== "nmod" || word.head !== index - 1 || words[index - 1]!.upos !== "NOUN") return;
  if (children[index]!.some((child) => child < index || /^(det|case)$/u.test(words[child]!.deprel))) return;
  if (!lexiconReadings(word.form).some((reading) => reading.wordClass === "adj")) return;
  word.upos = "ADJ";
  word.deprel = "amod";
  // What the parse hung on it as a noun ("du billard") is the noun's.
  for (const child of children[index]!) if (words[child]!.deprel === "nmod") words[child]!.head = index - 1;
  tree.children = childrenOf(words);
}

/**
 * "La bonne ouvrit la lucarne", "le nouveau resta": an adjective with its
 * own article that is a clause's subject or object is a noun, which a
 * pronoun may stand for.
 */
function repairNounAdjective(tree: SentenceTree, index: number): void {
  const word = tree.words[index]!;
  if (word.upos !== "ADJ" || !/^(nsubj|nsubj:pass|obj)$/u.test(word.deprel)) return;
  if (tree.children[index]!.some((child) => tree.words[child]!.deprel === "det" && child < index)) word.upos = "NOUN";
}

/**
 * "Madame, par pudeur, restait tournée vers la ruelle": a noun that opens
 * the sentence before a comma is read as someone spoken to; but a verb in
 * the third person with no subject of its own says it is the subject.
 */
function repairVocativeSubject(tree: SentenceTree, index: number): void {
  const { words, children } = tree;
  const word = words[index]!;
  if (word.deprel !== "vocative" || !/^(NOUN|PROPN)$/u.test(word.upos) || words[index + 1]?.form !== ",") return;
  if (words.slice(1, index).some((before) => before.upos !== "PUNCT" && before.deprel !== "det") || /^[-–—«“]/u.test(words[1]!.form)) return;
  const verb = words[word.head]!;
  if (verb.index < index || verb.feats.VerbForm !== "Fin" || verb.feats.Person !== "3" || verb.feats.Mood === "Imp") return;
  // "Madame, par pudeur, restait tournée vers la ruelle": a participle after the verb is what it says of the
  // subject, not a subject clause.
  const participleAfter = (child: TreeWord) => child.deprel === "csubj" && child.index > verb.index && child.feats.VerbForm === "Part";
  if (children[verb.index]!.some((child) => subjectRelations.test(words[child]!.deprel) && !participleAfter(words[child]!))) return;
  for (const child of children[verb.index]!) if (participleAfter(words[child]!)) words[child]!.deprel = "xcomp";
  word.deprel = "nsubj";
}

/**
 * "Il fouilla dans sa poche, en tira sa bourse": "en" right before a finite
 * verb is the clitic, not the gerund's "en" (which goes before a participle)
 * that the parse may make of it, turning the clause into a subordinate one.
 */
function repairCliticEn(tree: SentenceTree, index: number): void {
  const word = tree.words[index]!;
  if (!/^en$/iu.test(word.form) || word.deprel !== "mark" || word.head !== index + 1) return;
  if (tree.words[word.head]!.feats.VerbForm !== "Fin") return;
  word.upos = "PRON";
  word.deprel = "iobj";
}

/**
 * "elle les lui passait autour du cou", "et les y avait laissés": "le",
 * "la", "les" before another clitic or a finite verb is the object pronoun,
 * not an article the parse hangs on the next noun it finds.
 */
function repairCliticArticle(tree: SentenceTree, index: number): void {
  const { words } = tree;
  const word = words[index]!;
  if (word.upos !== "DET" || !/^(le|la|les|l['’])$/iu.test(word.form)) return;
  let verb = index + 1;
  while (words[verb] && words[verb]!.upos === "PRON" && /^(lui|leur|y|en)$/iu.test(words[verb]!.form)) verb += 1;
  const next = words[verb];
  if (!next || !/^(VERB|AUX)$/u.test(next.upos) || next.feats.VerbForm !== "Fin" || /^(voilà|voici)$/iu.test(next.form)) return;
  // The verb of the group: the auxiliary's participle, or the verb itself.
  const head = next.upos === "AUX" && /^(aux|aux:tense|aux:pass)$/u.test(next.deprel) ? next.head : verb;
  word.upos = "PRON";
  word.deprel = "obj";
  word.head = head;
  tree.children = childrenOf(words);
}

/** The pronouns that go with a verb before it: "l'adorait", "lui disait", "s'en allait". */
export const cliticForms = /^(le|la|les|l'|l’|lui|leur|me|te|se|nous|vous|y|en|m'|t'|s'|m’|t’|s’)$/iu;

/**
 * "en l'appelant son sauveur": the parse reads "l'" as an article and the
 * gerund as a noun, a phrase the rules would move ("tapait son sauveur ‖
 * dans la main en l'appelant"). After "en" and an object pronoun, a word in
 * -ant that the Lefff knows as a verb is the gerund: a participle with "en"
 * as its mark, the pronoun as its object, and the noun phrase the parse hung
 * on it as what it names the object.
 */
function repairGerundAsNoun(tree: SentenceTree, index: number): void {
  const { words, children } = tree;
  const gerund = words[index]!;
  if (gerund.upos !== "NOUN" || !/ant$/iu.test(gerund.form)) return;
  let first = index - 1;
  // The object pronouns between the gerund's "en" and its participle ("en l'appelant", "en se levant"); not that "en".
  while (first > 0 && cliticForms.test(words[first]!.form) && !/^en$/iu.test(words[first]!.form) && words[first]!.head === index) first -= 1;
  const en = words[first];
  if (first === index - 1 || !en || !/^en$/iu.test(en.form) || en.head !== index) return;
  const verb = lexiconReadings(gerund.form).find((reading) => reading.wordClass === "verb");
  if (!verb) return;
  gerund.upos = "VERB";
  gerund.lemma = verb.lemma;
  gerund.feats = readFeats("Tense=Pres|VerbForm=Part");
  if (/^(obl|obl:mod|obl:arg|nmod)$/u.test(gerund.deprel)) gerund.deprel = "advcl";
  en.upos = "SCONJ";
  en.deprel = "mark";
  for (let clitic = first + 1; clitic < index; clitic += 1) {
    words[clitic]!.upos = "PRON";
    const form = words[clitic]!.form.toLowerCase();
    words[clitic]!.deprel = /^(se|s'|s’)$/u.test(form) ? "expl:pv" : /^(lui|leur|y)$/u.test(form) ? "iobj" : "obj";
  }
  for (const child of children[index]!) if (words[child]!.deprel === "nmod" && child > index) words[child]!.deprel = "xcomp";
}

/**
 * "s'y croisaient confusément, perdant leurs formes": the tagger reads a
 * present participle as a preposition like "pendant" or "durant", and its
 * object as a phrase of circumstance. An "-ant" word the lexicon knows as a
 * verb and never as a preposition is the participle, and the noun its object.
 */
function repairParticipleAsPreposition(tree: SentenceTree, index: number): void {
  const { words } = tree;
  const participle = words[index]!;
  if (participle.upos !== "ADP" || participle.deprel !== "case" || !/ant$/iu.test(participle.form)) return;
  const readings = lexiconReadings(participle.form);
  const verb = readings.find((reading) => reading.wordClass === "verb");
  if (!verb || readings.some((reading) => reading.wordClass === "function")) return;
  const object = words[participle.head]!;
  if (object.index < index || !/^(NOUN|PROPN|PRON)$/u.test(object.upos)) return;
  participle.upos = "VERB";
  participle.lemma = verb.lemma;
  participle.feats = readFeats("Tense=Pres|VerbForm=Part");
  participle.head = object.head;
  participle.deprel = /^(obl|obl:mod|obl:arg|advcl)$/u.test(object.deprel) ? "advcl" : "acl";
  object.head = index;
  object.deprel = "obj";
  // The comma set before the phrase is the participle's.
  for (const word of words.slice(1, index)) if (word.head === object.index && word.upos === "PUNCT") word.head = index;
  tree.children = childrenOf(words);
}

/**
 * "Or, en le rencontrant, l'homme, qui paraissait déjà très fatigué, lui
 * avait demandé…": the parse may make the gerund the sentence's verb, the
 * noun after it a phrase of the gerund, and the true verb a clause inside
 * the relative one. A gerund opening the sentence is a circumstance of the
 * finite verb after the noun; the noun, with no preposition, is its subject.
 */
function repairGerundAsMain(tree: SentenceTree, index: number): void {
  const { words, children } = tree;
  const gerund = words[index]!;
  if (gerund.head !== 0 || gerund.feats.VerbForm !== "Part" || gerund.feats.Tense !== "Pres") return;
  if (!children[index]!.some((child) => words[child]!.deprel === "mark" && /^en$/iu.test(words[child]!.form))) return;
  const noun = children[index]!.map((child) => words[child]!).find((child) =>
    child.index > index && /^(NOUN|PROPN)$/u.test(child.upos) && !children[child.index]!.some((inner) => words[inner]!.deprel === "case") && afterComma(tree, child.index));
  if (!noun) return;
  // The first finite verb after the noun with no subject of its own, right after a comma (the parse may
  // have hung it inside the noun's relative clause).
  const verb = words.slice(noun.index + 1).find((word) => word.upos === "VERB" && finiteClause(tree, word.index) && /^(advcl|conj|parataxis)$/u.test(word.deprel) &&
    !children[word.index]!.some((child) => subjectRelations.test(words[child]!.deprel)) && words[verbAndAdverbsStart(tree, word.index) - 1]?.form === ",");
  if (!verb) return;
  const nounEnd = Math.max(...subtree(tree, noun.index).filter((inner) => inner < verbAndAdverbsStart(tree, verb.index)));
  verb.head = 0;
  verb.deprel = "root";
  gerund.head = verb.index;
  gerund.deprel = "advcl";
  noun.head = verb.index;
  noun.deprel = verb.feats.Voice === "Pass" ? "nsubj:pass" : "nsubj";
  // What hung on the gerund before it ("Or", its comma) and the sentence's end mark are the verb's.
  for (const child of children[index]!) {
    const word = words[child]!;
    if ((child < index && /^(cc|punct)$/u.test(word.deprel)) || (word.upos === "PUNCT" && child > nounEnd)) word.head = verb.index;
  }
  tree.children = childrenOf(words);
}

/** A phrase whose first word follows a comma (the parse may hang that comma on the phrase or before it). */
function afterComma(tree: SentenceTree, head: number): boolean {
  const first = Math.min(...subtree(tree, head).filter((index) => tree.words[index]!.upos !== "PUNCT"));
  return tree.words[first - 1]?.form === ",";
}

/**
 * "La musique bourdonnait à ses oreilles, et elle faisait des efforts pour
 * se tenir éveillée, afin de prolonger l'illusion": what the parse hangs on
 * a verb after a clause joined to it with a subject of its own is that
 * clause's, not the first one's, whose words end before the second begins.
 */
function repairPhraseAfterJoinedClause(tree: SentenceTree, index: number): void {
  const { words, children } = tree;
  // (The last clause joined to it, right before the phrase: "elle eut peur, parvint à se ressaisir, d'une manière
  // confuse" has none of its own for "parvint".)
  const last = children[index]!.map((child) => words[child]!).filter((child) => child.deprel === "conj" && child.index > index).at(-1);
  const ownSubject = last !== undefined && children[last.index]!.some((inner) => /^nsubj/u.test(words[inner]!.deprel));
  if (!last || !ownSubject || !finiteClause(tree, index) || !finiteClause(tree, last.index)) return;
  const end = Math.max(...subtree(tree, last.index));
  // (Set off by a comma, as "afin de prolonger" is: a phrase right after the clause may still be the first one's, misparsed.)
  const trailing = children[index]!.filter((child) =>
    child > end && /^(advcl|advmod|obl|obl:mod|xcomp)$/u.test(words[child]!.deprel) && afterComma(tree, child));
  if (trailing.length === 0) return;
  for (const child of trailing) words[child]!.head = last.index;
  tree.children = childrenOf(words);
}

/**
 * "Un garde-chasse, guéri par Monsieur, d'une fluxion de poitrine, avait
 * donné…": a noun's complement that the parse hung on it across the
 * participle describing it is the participle's ("guéri d'une fluxion de
 * poitrine"); the noun's would come before the participle.
 */
function repairPhraseAfterParticiple(tree: SentenceTree, index: number): void {
  const { words, children } = tree;
  const phrase = words[index]!;
  if (phrase.deprel !== "nmod" || phrase.head >= index) return;
  const start = Math.min(...phraseWords(tree, index));
  const participle = children[phrase.head]!.find((child) => {
    const word = words[child]!;
    return word.deprel === "acl" && word.feats.VerbForm === "Part" && child < start && Math.max(...subtree(tree, child)) < start;
  });
  if (participle === undefined || words[start - 1]?.form !== ",") return;
  phrase.head = participle;
  phrase.deprel = "obl";
  tree.children = childrenOf(words);
}

/**
 * "son visage, brûlé par le soleil et le hâle, et ruisselant de sueur": a
 * participle that the parse joined to the noun is joined to the participle
 * before it that describes that noun.
 */
function repairParticipleJoinedToNoun(tree: SentenceTree, index: number): void {
  const { words, children } = tree;
  const participle = words[index]!;
  if (participle.deprel !== "conj" || participle.feats.VerbForm !== "Part" || !/^(NOUN|PROPN)$/u.test(words[participle.head]!.upos)) return;
  const before = children[participle.head]!.filter((child) => child < index && words[child]!.deprel === "acl" && words[child]!.feats.VerbForm === "Part");
  if (before.length === 0 || before.at(-1)! < participle.head) return;
  participle.head = before.at(-1)!;
  tree.children = childrenOf(words);
}

/**
 * "J'ai eu un matelas de bois, dit l'homme, j'ai aujourd'hui un matelas
 * de pierre": the speaker between two clauses of a line is the first
 * clause's, which the parse hangs on the second.
 */
function repairSpeaker(tree: SentenceTree, index: number): void {
  const { words, children } = tree;
  const verb = words[index]!;
  if (!sayingVerbs.test(verb.lemma) || verb.head <= index || words[index - 1]?.form !== ",") return;
  if (!children[index]!.some((child) => subjectRelations.test(words[child]!.deprel) && child > index)) return;
  const clause = words[verb.head]!;
  if (clause.head <= 0 || clause.head >= index) return;
  verb.head = clause.head;
  verb.deprel = "parataxis";
  tree.children = childrenOf(words);
}

/**
 * "prenait je ne sais quoi d'imposant", "à je ne sais quelle heureuse
 * diversion": "je ne sais quoi" and "je ne sais quel" say something
 * unnamed, a phrase of the clause, where the parse reads a clause of its own
 * ("Il prenait. / Je ne sais quoi d'imposant."). The phrase takes the
 * place of "sais", which with "je" and "ne" becomes its determiner.
 */
function repairNoClue(tree: SentenceTree, index: number): void {
  const { words, children } = tree;
  const sais = words[index]!;
  if (!/^sais$/iu.test(sais.form) || !/^(je|j')$/iu.test(words[index - 2]?.form ?? "") || !/^(ne|n')$/iu.test(words[index - 1]?.form ?? "")) return;
  const next = words[index + 1];
  const governor = words[sais.head];
  if (!next || !governor || sais.head === 0 || sais.head > index || !/^(VERB|AUX)$/u.test(governor.upos)) return;
  const unnamed = /^quoi$/iu.test(next.form);
  const phrase = unnamed ? next : /^(quel|quelle|quels|quelles)$/iu.test(next.form) ? words.slice(index + 2, index + 5).find((word) => word.upos === "NOUN") : undefined;
  if (!phrase) return;
  const opening = children[index]!.filter((child) => child < index - 2 && /^(case|mark)$/u.test(words[child]!.deprel));
  for (const child of children[index]!) {
    if (child === phrase.index || child === index - 2 || child === index - 1 || opening.includes(child)) continue;
    // After "quoi", what it is ("d'imposant"); after "quel", the noun's own words stay, the clause's go back to the verb.
    if (child > phrase.index && unnamed) words[child]!.head = phrase.index;
    else if (child !== index + 1) words[child]!.head = sais.head;
  }
  for (const child of opening) {
    words[child]!.head = phrase.index;
    words[child]!.deprel = "case";
  }
  phrase.head = sais.head;
  phrase.deprel = opening.length > 0 ? "obl" : "obj";
  if (unnamed) phrase.upos = "PRON";
  else {
    next.head = phrase.index;
    next.deprel = "det";
  }
  sais.head = phrase.index;
  sais.deprel = "det";
  sais.upos = "DET";
  sais.feats = {};
  for (const word of [words[index - 2]!, words[index - 1]!]) {
    word.head = index;
    word.deprel = "fixed";
  }
  tree.children = childrenOf(words);
}

/**
 * "Deux jours après la noce, les époux s'en allèrent": the parse may read a
 * time set before the clause by a comma as a second subject; it says when.
 */
function repairTimeAsSubject(tree: SentenceTree, verb: number): void {
  const { words, children } = tree;
  const subjects = children[verb]!.map((child) => words[child]!).filter((child) => /^nsubj/u.test(child.deprel) && child.index < verb);
  if (subjects.length !== 2) return;
  const [first] = subjects as [TreeWord, TreeWord];
  if (first.upos !== "NOUN" || !(timeNouns.test(first.lemma) || /^(jour|an|année)s?$/u.test(first.lemma))) return;
  if (words[Math.max(...subtree(tree, first.index))]?.form !== ",") return;
  first.deprel = "obl:mod";
  tree.children = childrenOf(words);
}

/**
 * "Le maire et le président lui firent la première visite": the parse may
 * give the verb two subjects and hang their "et" on it; they are one
 * subject, the second joined to the first.
 */
function repairJoinedSubjects(tree: SentenceTree, verb: number): void {
  const { words, children } = tree;
  const own = children[verb]!.map((child) => words[child]!);
  const subjects = own.filter((child) => /^nsubj/u.test(child.deprel) && child.index < verb);
  if (subjects.length !== 2) return;
  const [first, second] = subjects as [TreeWord, TreeWord];
  const link = words[Math.max(...subtree(tree, first.index)) + 1];
  if (!link || link.head !== verb || link.deprel !== "cc" || Math.min(...subtree(tree, second.index)) !== link.index + 1) return;
  second.head = first.index;
  second.deprel = "conj";
  link.head = second.index;
  tree.children = childrenOf(words);
}

/**
 * "Mais elle triomphait maintenant, et l'amour, si longtemps contenu,
 * jaillissait…": the parse may join the second clause's subject to the
 * first clause's verb, as if it were a second object, and hang the second
 * verb there without a subject. The noun is that verb's subject, and the
 * verb, with the asides between them, the clause joined by the "et";
 * also in a compound tense, finite by its auxiliary ("et déjà Lheureux
 * l'avait mise dans sa poche").
 */
function repairSubjectJoinedToVerb(tree: SentenceTree, verb: number): void {
  const { words, children } = tree;
  // A verb, or an attribute with its copula ("L'auditoire était en suspens et toutes les poitrines palpitaient").
  if (!isPredicateHead(tree, verb)) return;
  const noun = children[verb]!.map((child) => words[child]!).find((child) =>
    child.deprel === "conj" && /^(NOUN|PROPN)$/u.test(child.upos) && child.index > verb);
  // ("et d'une voix entrecoupée, laissa tomber": a phrase on a preposition is no subject.)
  if (!noun || children[noun.index]!.some((child) => words[child]!.deprel === "case")) return;
  const link = children[noun.index]!.map((child) => words[child]!).find((child) => child.deprel === "cc" && child.index < noun.index);
  if (!link) return;
  const nounEnd = Math.max(...subtree(tree, noun.index));
  // The next dependents after the noun of the verb or of a verb above it ("venait d'établir les Favorites
  // du commerce, et Hivert, qui…, exigeait": the noun on the infinitive, the clause on "venait"): asides
  // without a finite verb, then the clause without a subject.
  const owners: number[] = [];
  for (let owner = verb; owner > 0 && isPredicateHead(tree, owner); owner = words[owner]!.head) owners.push(owner);
  const after = owners.flatMap((owner) => children[owner]!).filter((child) => child > nounEnd && words[child]!.upos !== "PUNCT").sort((a, b) => a - b);
  // (Or a clause the parse took for a relative one though no relative pronoun opens it.)
  const joined = (child: number) => /^(parataxis|parataxis:insert|advcl|conj)$/u.test(words[child]!.deprel) ||
    (words[child]!.deprel === "acl:relcl" && !children[child]!.some((own) => words[own]!.feats.PronType === "Rel"));
  const clause = after.find((child) => finiteClause(tree, child) && joined(child));
  if (clause === undefined || children[clause]!.some((child) => subjectRelations.test(words[child]!.deprel))) return;
  const asides = after.filter((child) => child < clause);
  if (asides.some((aside) => words[aside]!.deprel !== "advcl" || finiteClause(tree, aside))) return;
  // Nothing but those asides and punctuation between the noun and the clause.
  const between = new Set([...asides.flatMap((aside) => subtree(tree, aside))]);
  const clauseStart = Math.min(...subtree(tree, clause));
  for (let index = nounEnd + 1; index < clauseStart; index += 1) if (!between.has(index) && words[index]!.upos !== "PUNCT") return;
  noun.head = clause;
  noun.deprel = "nsubj";
  link.head = clause;
  for (const aside of asides) words[aside]!.head = clause;
  words[clause]!.deprel = "conj";
  tree.children = childrenOf(words);
}

/**
 * "Il y avait quelques étoiles, et la nuit était douce": the parse may join
 * a clause with its own subject to the last noun of the clause before, as
 * if it were a second noun; it is joined to that clause.
 */
function repairClauseJoinedToNoun(tree: SentenceTree, clause: number): void {
  const { words, children } = tree;
  const head = words[clause]!;
  if (head.deprel !== "conj" || !/^(NOUN|PROPN|PRON)$/u.test(words[head.head]!.upos)) return;
  const own = children[clause]!.map((child) => words[child]!);
  if (!own.some((child) => /^(nsubj|nsubj:pass)$/u.test(child.deprel) && child.index < clause)) return;
  // ("une note qui se rapporte à cette affaire, et qui est ainsi conçue": a second relative clause is the noun's.)
  if (own.some((child) => child.feats.PronType === "Rel" || child.deprel === "mark")) return;
  if (!finiteClause(tree, clause)) return;
  let owner = words[head.head]!;
  while (owner.index > 0 && !isPredicateHead(tree, owner.index)) owner = words[owner.head]!;
  if (owner.index === 0) return;
  head.head = owner.index;
  tree.children = childrenOf(words);
}

/**
 * "Elle était pour son mari plus charmante que jamais, lui faisait des
 * crèmes à la pistache": the parse may hang a predicate after a comma on a
 * noun, as a relative clause though no relative pronoun opens it. With no
 * subject of its own, it is the next predicate of the clause before, and
 * shares its subject.
 */
function repairPredicateJoinedToNoun(tree: SentenceTree, clause: number): void {
  const { words, children } = tree;
  const head = words[clause]!;
  if (head.deprel !== "acl:relcl" || !finiteClause(tree, clause)) return;
  const own = subtree(tree, clause).filter((index) => index <= clause).map((index) => words[index]!);
  if (own.some((word) => word.feats.PronType === "Rel" || word.deprel === "mark" || subjectRelations.test(word.deprel))) return;
  let owner = words[head.head]!;
  let top = owner;
  while (owner.index > 0 && !isPredicateHead(tree, owner.index)) {
    top = owner;
    owner = words[owner.head]!;
  }
  // (The parse may hang the comma before it on the clause: "…de tabac, amortissait".)
  const firstWord = Math.min(...phraseWords(tree, clause));
  if (owner.index === 0 && words[firstWord - 1]?.form === ",") {
    sentenceVerbUnderSubject(tree, clause, top);
    return;
  }
  if (owner.index === 0 || words[firstWord - 1]?.form !== ",") return;
  // Where the parse hung that comma on the clause, only a clause that opens on its verb group ("la défonça")
  // after the object of the verb before ("une boîte"): after a subject ("les familles…, se dispersèrent")
  // the noun is the clause's own subject.
  const first = Math.min(...subtree(tree, clause));
  const afterObject = top.index > owner.index && /^(obj|obl|obl:arg|obl:mod|iobj)$/u.test(top.deprel);
  const opensOnClitic = firstWord < clause && words[firstWord]!.upos === "PRON" && /^(obj|iobj)$/u.test(words[firstWord]!.deprel);
  if (first < firstWord && (verbAndAdverbsStart(tree, clause) !== firstWord || !afterObject || !opensOnClitic)) return;
  if (!children[owner.index]!.some((child) => child < firstWord && subjectRelations.test(words[child]!.deprel))) return;
  head.head = owner.index;
  head.deprel = "conj";
  tree.children = childrenOf(words);
}

/**
 * "La terre, roussâtre comme de la poudre de tabac, amortissait le bruit
 * des pas": with no verb of its own, the sentence's noun that opens it is the
 * subject of the verb the parse hung inside its aside; that verb is the
 * sentence's.
 */
function sentenceVerbUnderSubject(tree: SentenceTree, clause: number, noun: TreeWord): void {
  const { words, children } = tree;
  const verb = words[clause]!;
  if (noun.deprel !== "root" || !/^(NOUN|PROPN)$/u.test(noun.upos) || children[noun.index]!.some((child) => /^(cop|nsubj)/u.test(words[child]!.deprel))) return;
  const start = Math.min(...phraseWords(tree, noun.index));
  if (words.slice(1, start).some((word) => word.upos !== "PUNCT")) return;
  // What the parse hung on the noun after the verb (the final full stop) is the verb's.
  for (const child of children[noun.index]!) if (child > clause) words[child]!.head = clause;
  verb.head = 0;
  verb.deprel = "root";
  noun.head = clause;
  noun.deprel = verb.feats.Voice === "Pass" ? "nsubj:pass" : "nsubj";
  tree.children = childrenOf(words);
}

/** A present participle without "en" and without a subject of its own: "dînant bien". */
function isBareParticiple(tree: SentenceTree, index: number): boolean {
  const word = tree.words[index]!;
  // (A present participle ends in -ant: the tagger sometimes calls "eût" one.)
  if (word.feats.VerbForm !== "Part" || word.feats.Tense !== "Pres" || !/ant$/iu.test(word.form)) return false;
  return !tree.children[index]!.some((child) => tree.words[child]!.deprel === "mark" || subjectRelations.test(tree.words[child]!.deprel));
}

/**
 * "il vécut…, dînant bien, se levant tard, fumant dans de grandes pipes,
 * ne rentrant le soir qu'après le spectacle et fréquentant les cafés": a
 * series of present participles after a clause are its participles side by
 * side, where the parse hangs each on the one before (as its complement or
 * on a noun inside it). One after a comma takes the previous one's place in
 * the clause; one after "et" is joined to the previous one.
 */
function repairParticipleSeries(tree: SentenceTree, index: number): void {
  const { words, children } = tree;
  if (!isBareParticiple(tree, index)) return;
  const word = words[index]!;
  const first = Math.min(index, ...children[index]!.filter((child) => words[child]!.upos !== "PUNCT"));
  // On a participle before it or inside its phrase, with no other verb between them on the way up.
  let up = word.head;
  while (up > 0 && !/^(VERB|AUX)$/u.test(words[up]!.upos)) up = words[up]!.head;
  const previous = words[up]!;
  if (up === 0 || up >= first || !isBareParticiple(tree, up) || previous.deprel === "root") return;
  const joined = children[index]!.some((child) => words[child]!.deprel === "cc" && /^et$/iu.test(words[child]!.form) && child < index);
  if (joined) {
    if (word.head === previous.index && word.deprel === "conj") return;
    word.head = previous.index;
    word.deprel = "conj";
  } else {
    if (words[first - 1]?.form !== "," || word.head !== previous.index || !/^(xcomp|advcl|obj|ccomp)$/u.test(word.deprel)) return;
    word.head = previous.head;
    word.deprel = previous.deprel;
  }
  tree.children = childrenOf(words);
}

/**
 * "Et ne voulant pas renoncer à ma lecture, j'allais… au fond de laquelle
 * j'étais assis et me croyais caché": a finite verb joined by "et" to an
 * infinitive or a participle far before it is a misparse; it is joined to
 * the nearest finite clause before it.
 */
function repairFiniteJoinedToNonFinite(tree: SentenceTree, index: number): void {
  const { words } = tree;
  const word = words[index]!;
  const head = words[word.head]!;
  if (word.deprel !== "conj" || !finiteClause(tree, index) || head.upos !== "VERB" || !/^(Inf|Part)$/u.test(head.feats.VerbForm ?? "") || finiteClause(tree, head.index)) return;
  const own = new Set(subtree(tree, index));
  for (let before = index - 1; before > word.head; before -= 1) {
    if (own.has(before) || !isPredicateHead(tree, before) || !finiteClause(tree, before)) continue;
    word.head = before;
    tree.children = childrenOf(words);
    return;
  }
}

/**
 * "l'appartement où l'on mangeait et où l'on se tenait": a clause opened by
 * "et" and a relative pronoun right after a relative clause is joined to
 * it; the parse may join it to the sentence's verb instead.
 */
function repairJoinedRelative(tree: SentenceTree, clause: number): void {
  const { words, children } = tree;
  const head = words[clause]!;
  if (head.deprel !== "conj") return;
  const own = children[clause]!.map((child) => words[child]!).filter((child) => child.index < clause);
  const link = own.find((child) => child.deprel === "cc");
  const pronoun = own.find((child) => child.feats.PronType === "Rel");
  if (!link || !pronoun || link.index + 1 !== pronoun.index) return;
  const relative = words.find((word) => word.deprel === "acl:relcl" && word.index < link.index && Math.max(...subtree(tree, word.index)) === link.index - 1);
  if (!relative || relative.index === head.head) return;
  // (Not one that opens a quotation: "et qui s'écrie: «Ah!…»" is a line, which stays where it is.)
  if (subtree(tree, clause).some((index) => /^[:«“"]$/u.test(words[index]!.form))) return;
  head.head = relative.index;
  tree.children = childrenOf(words);
}

/**
 * A subject with a relative clause between commas before its verb ("Et
 * son regard, qu'elle promenait autour d'elle, s'abaissa lentement…",
 * "M. Lheureux, marchand d'étoffes, qui se trouvait avec elle dans la
 * voiture, avait essayé…") is often parsed the other way round: the
 * relative clause's verb as the sentence's, with the noun as a second
 * subject, and the true verb hung on it without a subject. The verb after
 * the relative clause takes the clause's place and the noun as its
 * subject; the relative clause goes back to the noun.
 */
function repairRelativeAsMain(tree: SentenceTree, clause: number): void {
  const { words, children } = tree;
  const own = children[clause]!.map((child) => words[child]!);
  // (Or "dont", on the clause's subject or object: "Sa robe noire, dont les draperies s'élargissaient…".)
  const dont = own.flatMap((child) => children[child.index]!.map((index) => words[index]!)).find((word) => /^dont$/iu.test(word.form) && word.feats.PronType === "Rel");
  // ("Jean Valjean, qui n'avait aucun souvenir…, resta interdit": the parse may even call "qui" the object.)
  const pronoun = own.find((child) =>
    /^nsubj/u.test(child.deprel) ? /^qui$/iu.test(child.form) : child.deprel === "obj" && /^(que|qu['’]|qui)$/iu.test(child.form)) ?? dont;
  if (!pronoun || words[pronoun.index - 1]?.form !== ",") return;
  // (Or an indefinite pronoun, "Quelqu'un, qui les avait connus"; not "celui", whose relative clause says who it is.)
  const noun = own.find((child) => /^nsubj/u.test(child.deprel) && child.index < pronoun.index &&
    (/^(NOUN|PROPN)$/u.test(child.upos) || (child.upos === "PRON" && child.feats.PronType === "Ind" && words[child.index - 1]?.deprel !== "case")));
  if (!noun) return;
  // Nothing of the clause but its opening ("Et", or a phrase set off by a comma: "En effet,") and the noun's phrase comes before the pronoun.
  const opening = own.filter((child) => child.index < noun.index);
  const setOff = (child: TreeWord) => /^(obl|obl:mod|advmod)$/u.test(child.deprel) && words[Math.max(...subtree(tree, child.index))]?.form === ",";
  if (opening.some((child) => !setOff(child) && (!/^(cc|punct|advmod)$/u.test(child.deprel) || subtree(tree, child.index).length > 1))) return;
  if (Math.max(...subtree(tree, noun.index)) < pronoun.index - 2) return;
  // The true verb: finite, after a comma, with no subject of its own. (Also hung on a second relative
  // clause joined to the first: "un des valseurs, qu'on appelait familièrement vicomte, et dont le gilet
  // … semblait moulé sur la poitrine, vint une seconde fois".)
  const secondRelatives = own.filter((child) => child.deprel === "conj" && child.index > pronoun.index &&
    children[child.index]!.some((index) => words[index]!.feats.PronType === "Rel" || children[index]!.some((inner) => words[inner]!.feats.PronType === "Rel")));
  const candidates = [...own, ...secondRelatives.flatMap((second) => children[second.index]!.map((index) => words[index]!))];
  const verb = candidates.find((child) => {
    if (child.index < pronoun.index || !/^(advcl|conj|parataxis)$/u.test(child.deprel)) return false;
    const group = children[child.index]!.map((index) => words[index]!);
    if (!finiteClause(tree, child.index) || group.some((word) => subjectRelations.test(word.deprel))) return false;
    return words[verbAndAdverbsStart(tree, child.index) - 1]?.form === ",";
  });
  if (!verb) {
    if (!relativeOnObject(tree, clause, noun, opening)) relativeUnderMain(tree, clause, noun, opening);
    return;
  }
  const comma = verbAndAdverbsStart(tree, verb.index) - 1;
  // What the parse hung on the verb before that comma ("autour ‖ d'elle") is the relative clause's.
  for (const child of children[verb.index]!) if (child < comma) words[child]!.head = clause;
  for (const child of own) {
    if (child === verb || child === noun) continue;
    if (child.index < noun.index || child.index >= comma) child.head = verb.index;
  }
  const main = words[clause]!;
  if (/^qui$/iu.test(pronoun.form)) pronoun.deprel = "nsubj";
  verb.head = main.head;
  verb.deprel = main.deprel;
  noun.head = verb.index;
  noun.deprel = verb.feats.Voice === "Pass" ? "nsubj:pass" : "nsubj";
  main.head = noun.index;
  main.deprel = "acl:relcl";
  tree.children = childrenOf(words);
}

/**
 * "elles installèrent sous les toits le gardien de la saisie, qui jura de
 * s'y tenir", parsed with the noun the second subject of the relative
 * clause and that clause joined to the verb before: the noun is that verb's
 * object, and the clause the noun's.
 */
function relativeOnObject(tree: SentenceTree, clause: number, noun: TreeWord, opening: TreeWord[]): boolean {
  const { words, children } = tree;
  const main = words[clause]!;
  const verb = words[main.head]!;
  if (opening.length > 0 || verb.index === 0 || verb.index > noun.index || !/^(conj|parataxis)$/u.test(main.deprel) || !finiteClause(tree, verb.index)) return false;
  const hasOwn = (index: number, relation: RegExp) => children[index]!.some((child) => relation.test(words[child]!.deprel));
  if (hasOwn(verb.index, /^(obj|ccomp|xcomp)$/u) || hasOwn(noun.index, /^case$/u) || hasOwn(clause, /^cc$/u)) return false;
  noun.head = verb.index;
  noun.deprel = "obj";
  main.head = noun.index;
  main.deprel = "acl:relcl";
  tree.children = childrenOf(words);
  return true;
}

/**
 * "Emma, qui lui donnait le bras, s'appuyait…" parsed with "Emma" the
 * relative clause's second subject and that clause hung on the true verb
 * after its closing comma: the noun is that verb's subject, and the clause the noun's.
 */
function relativeUnderMain(tree: SentenceTree, clause: number, noun: TreeWord, opening: TreeWord[]): void {
  const { words, children } = tree;
  const main = words[clause]!;
  const verb = words[main.head]!;
  if (verb.index < clause || !/^(advcl|ccomp|parataxis|dep)$/u.test(main.deprel) || !finiteClause(tree, verb.index)) return;
  if (children[verb.index]!.some((child) => subjectRelations.test(words[child]!.deprel))) return;
  const start = verbAndAdverbsStart(tree, verb.index);
  if (words[start - 1]?.form !== "," || Math.max(...subtree(tree, clause)) !== start - 1) return;
  for (const word of opening) word.head = verb.index;
  noun.head = verb.index;
  noun.deprel = verb.feats.Voice === "Pass" ? "nsubj:pass" : "nsubj";
  main.head = noun.index;
  main.deprel = "acl:relcl";
  tree.children = childrenOf(words);
}

function isClause(word: TreeWord): boolean {
  return word.upos === "VERB" || word.upos === "AUX" || word.feats.VerbForm === "Fin";
}

/** Where a verb and what the parse hangs on it before it starts: auxiliaries, clitics, "ne" and adverbs. */
export function verbAndAdverbsStart(tree: SentenceTree, verb: number): number {
  // Only what stands right before it: "Tout à coup Favourite eut…" has its subject between the adverb and the verb.
  const groupOf = (index: number): boolean => {
    let word = tree.words[index]!;
    while (word.deprel === "fixed") word = tree.words[word.head]!;
    return word.head === verb && word.index < verb && inVerbGroup(word);
  };
  let start = verb;
  while (start > 1 && groupOf(start - 1)) start -= 1;
  return start;
}

/** An auxiliary, "ne", an adverb or a clitic pronoun ("l'amincissait", "y défilaient"; not a relative "que"). */
function inVerbGroup(word: TreeWord): boolean {
  const clitic = word.upos === "PRON" && word.feats.PronType === "Prs";
  return verbGroupRelations.test(word.deprel) || (clitic && /^(obj|iobj|expl:comp)$/u.test(word.deprel)) ||
    (clitic && /^(y|en)$/iu.test(word.form) && /^(obl|obl:arg|obl:mod)$/u.test(word.deprel));
}

/**
 * "la jetait, comme elle le pouvait, dans la mangeoire": the parse may read
 * "comme elle" as a phrase of comparison; a subject pronoun right before a
 * finite verb that has no subject is its subject, and the "comme" before it
 * the conjunction that opens the clause.
 */
function repairPronounSubject(tree: SentenceTree, clause: number): void {
  const { words, children } = tree;
  const head = words[clause]!;
  if (!finiteClause(tree, clause) || children[clause]!.some((child) => subjectRelations.test(words[child]!.deprel))) return;
  // Before the clitics and the "ne" ("elle ne le pouvait").
  let before = verbAndAdverbsStart(tree, clause) - 1;
  while (before > 0 && words[before]!.head === clause && /^(ne|n'|n’|me|m'|m’|te|t'|t’|se|s'|s’|le|la|les|l'|l’|lui|leur|y|en)$/iu.test(words[before]!.form)) before -= 1;
  const pronoun = words[before];
  if (!pronoun || pronoun.head !== clause || pronoun.upos !== "PRON" || !/^(il|elle|ils|elles|on)$/iu.test(pronoun.form)) return;
  for (const child of children[pronoun.index]!) {
    const mark = words[child]!;
    if (mark.deprel !== "case") continue;
    mark.upos = "SCONJ";
    mark.deprel = "mark";
    mark.head = clause;
  }
  pronoun.deprel = head.feats.Voice === "Pass" ? "nsubj:pass" : "nsubj";
  tree.children = childrenOf(words);
}

/**
 * The parser, trained on news, often reads a novel's subject as a phrase of
 * circumstance when a clause opens with it ("…, et l'enfant vagabondait",
 * "…, le bas de son visage s'enfonçait"): a finite clause with no subject,
 * right after a noun phrase that opens with the clause, gets that noun
 * phrase as its subject, which the rules then keep with their verb.
 */
function repairSubject(tree: SentenceTree, clause: number): void {
  const { words, children } = tree;
  if (!finiteClause(tree, clause) || children[clause]!.some((child) => subjectRelations.test(words[child]!.deprel))) return;
  const start = verbAndAdverbsStart(tree, clause);
  // The largest phrase that ends right before the verb group.
  let phrase = start - 1;
  if (phrase < 1 || words[phrase]!.upos === "PUNCT" || subtree(tree, phrase).some((index) => index >= start)) return;
  for (;;) {
    const up = words[phrase]!.head;
    if (up <= 0 || up === clause || up >= start || Math.max(...subtree(tree, up)) !== start - 1) break;
    // Up through a noun's own clause ("des femmes [qui tenaient des paniers]"), never into another clause
    // ("les habitations se rapprochent, les haies ‖ disparaissent").
    if (isClause(words[up]!) && !/^acl/u.test(words[up]!.deprel)) break;
    // Nor into a locution ("Tout à coup ‖ Favourite eut…", the name hung on "coup").
    if (words[up]!.deprel === "fixed") break;
    phrase = up;
  }
  const noun = words[phrase]!;
  if (!/^(NOUN|PROPN)$/u.test(noun.upos) || !/^(obl|obl:mod|obl:arg|nmod)$/u.test(noun.deprel)) return;
  // "où des groupes … chuchotaient": the "de" of "des" read as a preposition is the article's.
  const marks = children[phrase]!.filter((child) => words[child]!.deprel === "case");
  const partitive = marks.length === 1 && /^des$/iu.test(tree.tokens[words[marks[0]!]!.token]!.form) ? words[marks[0]!]! : undefined;
  if (marks.length > 0 && !partitive) return;
  // The clause's own opening ("…, et l'enfant"): the parse may hang its comma and conjunction on the noun.
  const opening = children[phrase]!.filter((child) => child < phrase && /^(punct|cc)$/u.test(words[child]!.deprel) && subtree(tree, child).length === 1);
  const span = subtree(tree, phrase).filter((index) => !opening.includes(index)).sort((a, b) => a - b);
  if (span.some((index, position) => position > 0 && index !== span[position - 1]! + 1)) return;
  const before = words[span[0]! - 1];
  // (Or the clause's relative pronoun: "une salle où il y avait beaucoup de monde et où des groupes chuchotaient".)
  const ownPronoun = before?.head === clause && before.feats.PronType === "Rel";
  // (Or an adverb of the clause that opens it: "Tout à coup Favourite eut…".)
  const locution = before?.deprel === "fixed" ? words[before.head]! : before;
  const afterAdverb = locution?.head === clause && locution.deprel === "advmod" && Math.max(...subtree(tree, locution.index).filter((index) => index < span[0]!)) === before!.index;
  if (before && before.index > 0 && before.upos !== "PUNCT" && before.upos !== "CCONJ" && !ownPronoun && !afterAdverb) return;
  // (Only there: after "et", "des nappes de violettes s'alternaient" reads well as the writer set it.)
  if (partitive && !ownPronoun) return;
  for (const child of opening) words[child]!.head = clause;
  if (partitive) {
    partitive.upos = "DET";
    partitive.deprel = "det";
  }
  noun.head = clause;
  noun.deprel = words[clause]!.feats.Voice === "Pass" ? "nsubj:pass" : "nsubj";
  tree.children = childrenOf(words);
}

/**
 * "c'est une lucarne restée ouverte que le vent remue": the parse may read
 * a relative clause's "que" as the conjunction that opens a clause; in a
 * relative clause with no object of its own it is the pronoun that stands
 * for it.
 */
function repairRelativeQue(tree: SentenceTree, clause: number): void {
  const { words, children } = tree;
  const own = children[clause]!.map((child) => words[child]!);
  // (Or a causative on a noun: "les flambeaux que la réverbération faisait reluire", read as "acl".)
  const causative = words[clause]!.deprel === "acl" && own.some((child) => child.deprel === "aux:caus" && child.feats.VerbForm === "Fin");
  if (words[clause]!.deprel !== "acl:relcl" && !causative) return;
  const mark = own.find((child) => child.deprel === "mark" && /^(que|qu['’])$/iu.test(child.form));
  if (!mark || own.some((child) => /^(obj|ccomp|xcomp)$/u.test(child.deprel))) return;
  if (Math.min(...subtree(tree, clause)) !== mark.index) return;
  words[clause]!.deprel = "acl:relcl";
  mark.upos = "PRON";
  mark.deprel = "obj";
  mark.feats = readFeats("PronType=Rel");
}

// Words of degree that a "que" clause completes: "tant … qu'elle fit", "si bien que", "une telle peur qu'il…".
const degreeWords = /^(tant|tellement|si|tel|telle|tels|telles)$/iu;

/** The nearest verb above a word (itself excluded), or 0. */
function governingVerb(tree: SentenceTree, index: number): number {
  let up = tree.words[index]!.head;
  while (up > 0 && !isPredicateHead(tree, up)) up = tree.words[up]!.head;
  return up;
}

/**
 * "Elles lui avaient tant prodigué les offices et les sermons, qu'elle fit
 * comme les chevaux": after "tant", "si" or "tel" in a clause, a "que"
 * clause set off by a comma, or with an object of its own, says the
 * consequence; the parse reads it as a relative clause on the noun before
 * ("Elle les fit comme les chevaux"). It is the verb's clause, opened by
 * the conjunction.
 */
function repairConsecutiveQue(tree: SentenceTree, clause: number): void {
  const { words, children } = tree;
  const head = words[clause]!;
  if (head.deprel !== "acl:relcl") return;
  const pronoun = children[clause]!.map((child) => words[child]!).find((child) => child.deprel === "obj" && /^(que|qu['’])$/iu.test(child.form));
  if (!pronoun || Math.min(...phraseWords(tree, clause)) !== pronoun.index) return;
  const ownObject = children[clause]!.some((child) => child !== pronoun.index && /^(obj|ccomp)$/u.test(words[child]!.deprel));
  if (words[pronoun.index - 1]?.form !== "," && !ownObject) return;
  const verb = governingVerb(tree, clause);
  if (verb === 0) return;
  const degree = words.slice(1, pronoun.index).find((word) => degreeWords.test(word.form) && /^(advmod|amod|det)$/u.test(word.deprel) && governingVerb(tree, word.index) === verb);
  if (!degree) return;
  pronoun.upos = "SCONJ";
  pronoun.deprel = "mark";
  pronoun.feats = readFeats("_");
  head.head = verb;
  head.deprel = "advcl";
  tree.children = childrenOf(words);
}

/**
 * "son petit champ se rétrécit, et, lorsqu'il survient une épidémie, il ne
 * sait pas…": the parse joins the subordinate clause to the clause before
 * by the "et", and hangs the clause it depends on beside them. The clause
 * after it is the one joined, and the subordinate clause is its own.
 */
function repairSubordinateJoined(tree: SentenceTree, clause: number): void {
  const { words, children } = tree;
  const head = words[clause]!;
  if (head.deprel !== "conj") return;
  const own = children[clause]!.map((child) => words[child]!);
  const mark = own.find((child) => child.deprel === "mark" && child.upos === "SCONJ" && !/^(que|qu['’])$/iu.test(child.form));
  if (!mark || own.some((child) => child.feats.PronType === "Rel")) return;
  const end = Math.max(...subtree(tree, clause));
  const next = children[head.head]!.find((child) => child > end && /^(parataxis|conj)$/u.test(words[child]!.deprel));
  if (next === undefined || !finiteClause(tree, next) || !children[next]!.some((child) => subjectRelations.test(words[child]!.deprel))) return;
  const nextStart = Math.min(...phraseWords(tree, next));
  const between = words.slice(end, nextStart);
  if (!between.some((word) => word.form === ",") || between.slice(1).some((word) => word.upos !== "PUNCT")) return;
  // The conjunction and the marks before the subordinate clause's own opening go to the clause joined.
  for (const child of own) if (child.index < mark.index && /^(cc|punct)$/u.test(child.deprel)) child.head = next;
  words[next]!.deprel = "conj";
  head.head = next;
  head.deprel = "advcl";
  tree.children = childrenOf(words);
}

/** The relative pronoun "où" right after a comma: "la cuisine, où flambait un grand feu". */
function whereAfterComma(tree: SentenceTree, word: TreeWord): boolean {
  return /^où$/iu.test(word.form) && word.feats.PronType === "Rel" && tree.words[word.index - 1]?.form === ",";
}

/**
 * The parser also joins a relative clause to the main verb, as if its
 * pronoun were the subject or object of a second clause: "s'indignait
 * contre cet individu, qui se permettait d'admirer…" reads "qui se
 * permettait" as coordinated with "s'indignait", "apprit des couplets qu'il
 * chantait" "qu'il chantait", "qu'elle fit entrer dans la cuisine, où
 * flambait un grand feu" a clause of "fit". A clause so joined that opens on
 * its relative pronoun right after a noun (or a noun and a comma) becomes
 * that noun's relative clause.
 */
function repairRelative(tree: SentenceTree, clause: number): void {
  const { words, children } = tree;
  const head = words[clause]!;
  if (!/^(conj|parataxis|advcl)$/u.test(head.deprel)) return;
  // ("où" only after a comma: "l'âge où on croit…", "un chemin où elle savait qu'il ne passerait pas" are
  // the noun's own, a time or a clause within a clause, which the parse attaches as well as it can.)
  const pronoun = children[clause]!.map((child) => words[child]!).find((child) =>
    child.upos === "PRON" &&
    (/^nsubj/u.test(child.deprel) ? /^qui$/iu.test(child.form) : (child.deprel === "obj" && /^(que|qu['’])$/iu.test(child.form)) || whereAfterComma(tree, child)));
  if (!pronoun) return;
  const clauseWords = subtree(tree, clause);
  if (Math.min(...clauseWords.filter((index) => words[index]!.upos !== "PUNCT")) !== pronoun.index) return;
  const noun = words[words[pronoun.index - 1]?.form === "," ? pronoun.index - 2 : pronoun.index - 1];
  if (!noun || !/^(NOUN|PROPN)$/u.test(noun.upos) || clauseWords.includes(noun.index)) return;
  // The predicates after it, each after a comma ("…qu'il chantait aux bienvenues, s'enthousiasma pour
  // Béranger, sut faire du punch"), went on with the clause it was taken for: they stay there. (Not
  // after "où", whose clause has a subject of its own that they share: "où tous les gamins agenouillés
  // se poussaient de l'épaule, et tombaient comme des capucins de cartes".)
  for (const child of whereAfterComma(tree, pronoun) ? [] : children[clause]!) {
    const word = words[child]!;
    if (!/^(conj|parataxis)$/u.test(word.deprel) || child < pronoun.index) continue;
    const start = Math.min(...phraseWords(tree, child));
    if (words[start - 1]?.form === ",") word.head = head.head;
  }
  head.head = noun.index;
  head.deprel = "acl:relcl";
  tree.children = childrenOf(words);
}

/**
 * "On sentait dans la salle cette espèce de terreur religieuse qui saisit la
 * foule": the parse may take the object of a verb for the subject of a verb
 * joined to it, and "qui" for that verb's indirect object. "qui" right
 * before its verb is its subject; the noun phrase right before "qui" is the
 * first verb's object, and the clause is that noun's relative clause.
 */
function repairObjectTakenForSubject(tree: SentenceTree, clause: number): void {
  const { words, children } = tree;
  const head = words[clause]!;
  if (head.deprel !== "conj" || head.feats.VerbForm !== "Fin") return;
  const pronoun = children[clause]!.map((child) => words[child]!).find((child) => /^qui$/iu.test(child.form) && child.upos === "PRON" && !subjectRelations.test(child.deprel));
  const noun = children[clause]!.map((child) => words[child]!).find((child) => /^nsubj/u.test(child.deprel) && child.upos === "NOUN");
  if (!pronoun || !noun || noun.index > pronoun.index || Math.max(...subtree(tree, noun.index)) !== pronoun.index - 1) return;
  // "qui" right before the verb, but for clitics.
  if (words.slice(pronoun.index + 1, clause).some((word) => !(word.upos === "PRON" && cliticForms.test(word.form)) && !/^(ne|n'|n’)$/iu.test(word.form))) return;
  const verb = words[head.head]!;
  if (verb.upos !== "VERB" || verb.index > noun.index || children[verb.index]!.some((child) => /^(obj|ccomp)$/u.test(words[child]!.deprel))) return;
  // Nothing joins the two verbs: a "et" or a comma before the noun would make it the subject after all.
  if (words.slice(verb.index + 1, Math.min(...subtree(tree, noun.index))).some((word) => word.deprel === "cc" || word.form === ",")) return;
  noun.head = verb.index;
  noun.deprel = "obj";
  pronoun.deprel = "nsubj";
  head.head = noun.index;
  head.deprel = "acl:relcl";
  tree.children = childrenOf(words);
}

/**
 * A past participle after a comma that the parser calls a relative clause
 * with no relative pronoun in it ("une maison…, égayée autour des fenêtres
 * d'une large bordure") is a participle describing the noun: its "subject"
 * after it is a phrase of its own.
 */
function repairParticiple(tree: SentenceTree, clause: number): void {
  const { words, children } = tree;
  const head = words[clause]!;
  if (head.deprel !== "acl:relcl" || head.feats.VerbForm !== "Part" || head.feats.Tense !== "Past") return;
  const own = children[clause]!.map((child) => words[child]!);
  if (own.some((child) => child.feats.PronType === "Rel" || /^(aux|aux:tense|aux:pass|cop)$/u.test(child.deprel))) return;
  head.deprel = "acl";
  for (const child of own) if (/^nsubj/u.test(child.deprel) && child.index > clause) child.deprel = "obl:mod";
}

/**
 * "J'ai, dans l'occasion, protégé mes propres adversaires": with an aside
 * between them, the parse reads avoir as the verb and hangs the participle
 * on the aside. A finite avoir with no object of its own, a phrase between
 * commas, then a past participle: avoir is the participle's auxiliary.
 */
function repairAuxiliaryBeforeAside(tree: SentenceTree, index: number): void {
  const { words, children } = tree;
  const auxiliary = words[index]!;
  if (auxiliary.lemma !== "avoir" || auxiliary.upos !== "VERB" || auxiliary.feats.VerbForm !== "Fin" || words[index + 1]?.form !== ",") return;
  let closing = index + 2;
  while (closing < words.length && closing - index <= 8 && words[closing]!.upos !== "PUNCT") closing += 1;
  const participle = words[closing + 1];
  if (words[closing]?.form !== "," || closing === index + 2 || !participle || participle.feats.VerbForm !== "Part" || participle.feats.Tense !== "Past") return;
  // ("J'ai, dit-il, une idée": an avoir with its object is the verb; so is the avoir of "il y a".)
  if (children[index]!.some((child) => /^(obj|ccomp|xcomp)$/u.test(words[child]!.deprel) || /^y$/iu.test(words[child]!.form))) return;
  if (participle.head !== index && (participle.head <= index || participle.head >= closing)) return;
  participle.head = auxiliary.head;
  participle.deprel = auxiliary.deprel;
  for (const child of children[index]!) if (child !== participle.index) words[child]!.head = participle.index;
  auxiliary.head = participle.index;
  auxiliary.deprel = "aux:tense";
  auxiliary.upos = "AUX";
  tree.children = childrenOf(words);
}

/**
 * "il auscultait partout de la souffrance, et, sans chercher à deviner
 * l'énigme, il tâchait de panser la plaie": the parse joins the infinitive
 * phrase to the verb before, and the clause after it hangs on that verb
 * alone. A phrase on "sans", "pour", "avant de" or "après" set between
 * commas right before a clause with its own subject opens that clause, and
 * the "et" before it joins the clause.
 */
function repairPhraseBeforeClause(tree: SentenceTree, index: number): void {
  const { words, children } = tree;
  const phrase = words[index]!;
  if (phrase.feats.VerbForm !== "Inf" || phrase.deprel !== "conj") return;
  const own = children[index]!.map((child) => words[child]!);
  const mark = own.find((child) => child.deprel === "mark" && /^(sans|pour|avant|après)$/iu.test(child.form));
  const spanned = subtree(tree, index);
  if (!mark || Math.min(...spanned.filter((at) => words[at]!.upos !== "PUNCT" && words[at]!.deprel !== "cc")) !== mark.index) return;
  const comma = Math.max(...spanned) + 1;
  if (words[comma]?.form !== ",") return;
  const head = phrase.head;
  const clause = children[head]!.map((child) => words[child]!).find((child) =>
    child.index > comma && /^(conj|parataxis)$/u.test(child.deprel) && finiteClause(tree, child.index) &&
    Math.min(...subtree(tree, child.index).filter((at) => words[at]!.upos !== "PUNCT")) === comma + 1 &&
    children[child.index]!.some((subject) => subjectRelations.test(words[subject]!.deprel) && subject < child.index));
  if (!clause) return;
  for (const child of own) if (child.deprel === "cc" || (child.deprel === "punct" && child.index < mark.index)) child.head = clause.index;
  words[comma]!.head = clause.index;
  phrase.head = clause.index;
  phrase.deprel = "advcl";
  clause.deprel = "conj";
  tree.children = childrenOf(words);
}

/**
 * After "où", the subject follows its verb as often as not: "la cuisine, où
 * flambait un grand feu", "où l'appelle son âge". The parser reads the noun
 * after the verb as its object, and an object clitic before it ("l'") as its
 * subject. In a clause of "où" after a comma, with no subject but such a
 * clitic, the noun after the verb is the subject, and the clitic the object.
 * (Not a clause of "où" right after its noun, whose relative rewrite would
 * set it far from the noun in a long sentence.)
 */
function repairSubjectAfterWhere(tree: SentenceTree, clause: number): void {
  const { words, children } = tree;
  const verb = words[clause]!;
  if (verb.feats.VerbForm !== "Fin") return;
  const own = children[clause]!.map((child) => words[child]!);
  if (!own.some((child) => whereAfterComma(tree, child) && child.index < clause)) return;
  const subjects = own.filter((child) => subjectRelations.test(child.deprel));
  const objectClitic = (word: TreeWord) => /^(le|la|les|l['’])$/iu.test(word.form) && word.index < clause;
  if (subjects.some((subject) => !objectClitic(subject))) return;
  const objects = own.filter((child) => child.deprel === "obj" && child.index > clause && /^(NOUN|PROPN)$/u.test(child.upos));
  if (objects.length !== 1) return;
  objects[0]!.deprel = "nsubj";
  for (const clitic of subjects) clitic.deprel = "obj";
}

// The same text is often parsed twice in a row: a clause checked as a sentence, then rewritten. Trees
// are never changed once built, so the last few are kept.
const recentTrees = new Map<string, SentenceTree>();
const recentTreesKept = 64;

/** One sentence's text, parsed. */
export function parseTree(text: string): SentenceTree {
  const kept = recentTrees.get(text);
  if (kept) return kept;
  const tree = sentenceTree(frenchParser().parseSentence(text));
  if (recentTrees.size >= recentTreesKept) recentTrees.delete(recentTrees.keys().next().value!);
  recentTrees.set(text, tree);
  return tree;
}

/** The word's phrase as written: the word and everything under it but punctuation, in sentence order. */
export function phraseWords(tree: SentenceTree, index: number): number[] {
  return subtree(tree, index).filter((word) => tree.words[word]!.upos !== "PUNCT");
}

/** The word and everything under it, in sentence order. */
export function subtree(tree: SentenceTree, index: number): number[] {
  const found: number[] = [];
  const stack = [index];
  while (stack.length > 0) {
    const next = stack.pop()!;
    found.push(next);
    stack.push(...tree.children[next]!);
  }
  return found.sort((a, b) => a - b);
}

export function childrenWith(tree: SentenceTree, index: number, relation: RegExp): TreeWord[] {
  return tree.children[index]!.map((child) => tree.words[child]!).filter((word) => relation.test(word.deprel));
}

export interface WordSpan {
  start: number;
  end: number;
  /** The word's index in the tree. */
  index: number;
}

/**
 * Where each of the tree's words that is not punctuation stands in `text`
 * (its token's characters), found through the tokens' forms in order; case
 * aside, since a piece the rules wrote capitalises its first word. Undefined
 * when the tree is not of this text.
 */
export function wordSpans(text: string, tree: SentenceTree): WordSpan[] | undefined {
  const spans: WordSpan[] = [];
  const lower = text.toLowerCase();
  let offset = 0;
  for (const token of tree.tokens) {
    const start = lower.indexOf(token.form.toLowerCase(), offset);
    if (start < 0) return undefined;
    offset = start + token.form.length;
    for (const index of token.words) {
      if (tree.words[index]!.upos !== "PUNCT") spans.push({ start, end: offset, index });
    }
  }
  return spans;
}
