// Rule-based rewriting of a long sentence into short sentences, on its
// parse, in the tradition of syntactic simplification of French (Seretan
// 2012; Brouwers, Bernhard, Ligozat & François 2014): clauses hanging from
// the main clause are taken out and written as sentences of their own.
//
//   coordination  Il s'assit, prit une plume et attendit.
//                 → Il s'assit. / Il prit une plume. / Il attendit.
//   relative      …une demoiselle qu'il adorait et qui lui avait tout rendu.
//                 → … / Il l'adorait. / Elle lui avait tout rendu.
//   participle    C'était une maison, blanchie à la chaux.
//                 → C'était une maison. / Elle était blanchie à la chaux.
//   adjective     Il accusait le ciel, jaloux contre tout le monde.
//                 → Il accusait le ciel. / Il était jaloux contre tout le monde.
//   apposition    …la fille d'un pharmacien, une demoiselle laide.
//                 → … / C'était une demoiselle laide.
//   absolute      Charles dormait à demi, le dos appuyé contre une porte.
//                 → Charles dormait à demi. / Charles avait le dos appuyé contre une porte.
//   parataxis     L'écorce suintait; la neige se fondait.
//                 → L'écorce suintait. / La neige se fondait.
//   adjunct       Quand il entra dans les Bertaux, son cheval eut peur.
//                 → Son cheval eut peur. / C'était quand il entra dans les Bertaux.
//                 (a last resort, for a clause no other rule brings within the limit)
//
// A clause is taken out only while the clause holding it is longer than the
// word limit, so a sentence is cut no more than it must be. The words a rule
// adds come from a closed list (subject and object pronouns, the repeated
// name, forms of être and avoir, c'était); the words it drops are the
// relative pronoun and the "et" that joined two clauses. A new sentence
// must parse as one (a subject and a finite verb); a rule whose sentence
// does not is not used.
import {
  agreementOf,
  avoirLike,
  etreLike,
  imperfectFromParticiple,
  objectPronoun,
  subjectPronoun,
  withSubject,
  type Gender,
  type GrammaticalNumber,
} from "@/lib/rewriting/agreement";
import { startsWithVowel } from "@/lib/french/elision";
import { findLocutions } from "@/lib/french/locutions";
import { lookUpWord } from "@/lib/french/lexicon";
import { lexicalMorphology } from "@/lib/french/parser/lexical-features";
import { announcingVerbs, auxiliaryRelations, childrenWith, cliticForms, parseTree, phraseWords, sayingVerbs, subtree, timeNouns, titles, type SentenceTree, type TreeWord } from "@/lib/rewriting/sentence-tree";
import { countWords } from "@/lib/text/count-words";
import { personTitles } from "@/lib/text/split-long-sentence";

export const rewriteRules = [
  "coordination",
  "relative_qui",
  "relative_que",
  "relative_ou",
  "relative_dont",
  "relative_lequel",
  "participle",
  "adjective",
  "present_participle",
  "apposition",
  "absolute",
  "parataxis",
  "adjunct",
  "connective",
  "list",
  "subject",
  "reason",
  "completive",
] as const;
export type RewriteRule = (typeof rewriteRules)[number];

/** How a clause taken out becomes a sentence. */
interface Extraction {
  rule: RewriteRule;
  /** The clause's head; the clause is its subtree, less the clauses taken out of it. */
  head: number;
  /** Words of the clause left out ("et", the relative pronoun). */
  drop: number[];
  /** Words written differently (the relative pronoun "qui" becomes "elle"). */
  replace: Map<number, string>;
  /** Words added before a word of the clause. */
  insert: Map<number, string>;
  /** A word of the book that an added one stands for ("dans laquelle" → "y"), for the closed-list check. */
  respelled?: [from: string, to: string][];
  /** The word after which the new sentence goes, when not where its words stand (C'était … after its clause). */
  placeAfter?: number;
  /** Words added to the clause it leaves, before one of that clause's words (the pronoun standing for a subject taken out). */
  standIn?: Map<number, string>;
  /** Clauses to be taken out before this one can be (an aside inside a subject said first). */
  requires?: number[];
}

const subjectRelations = /^(nsubj|nsubj:pass|nsubj:caus|expl:subj)$/u;
const objectClitics = /^(me|m'|m’|te|t'|t’|se|s'|s’|le|la|les|l'|l’|lui|leur)$/iu;
const dialogueMarks = /^([«»“”]|—|–|--)$/u;
const clitics = new Set(["je", "j'", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles"]);

function finiteVerb(tree: SentenceTree, head: number): TreeWord | undefined {
  const word = tree.words[head]!;
  if (word.feats.VerbForm === "Fin") return word;
  return childrenWith(tree, head, auxiliaryRelations).find((child) => child.feats.VerbForm === "Fin");
}

/**
 * A verb in the subjunctive, by the parse or, where the tagger calls the
 * imperfect subjunctive an indicative, by its spelling: pût, allât, fît, vînt
 * (but not connaît, paraît, plaît, in the present).
 */
export function isSubjunctive(verb: TreeWord): boolean {
  return verb.feats.Mood === "Sub" || /([âû]t|[^a]ît|înt)$/u.test(verb.form.toLowerCase()) || onlySubjunctive(verb.form);
}

/** "rapprochassent", "permissent": a form the Lefff knows only as a subjunctive, whatever the tagger said. */
function onlySubjunctive(form: string): boolean {
  const verbReadings = lexicalMorphology(form).split("|").filter((reading) => /^(v|auxAvoir|auxEtre):/u.test(reading));
  return verbReadings.length > 0 && verbReadings.every((reading) => /:[ST]/u.test(reading));
}

function isPredicate(tree: SentenceTree, index: number): boolean {
  const word = tree.words[index]!;
  return word.upos === "VERB" || childrenWith(tree, index, /^cop$/u).length > 0 || childrenWith(tree, index, subjectRelations).length > 0;
}

/** The subject of a clause: of two (a misparse makes "Le soir, Charles reprit" have two), the one nearest the verb. */
function subjectOf(tree: SentenceTree, head: number): TreeWord | undefined {
  // "m'a ordonné": the parse sometimes calls an object clitic the subject.
  const subjects = childrenWith(tree, head, subjectRelations).filter((subject) => !objectClitics.test(subject.form));
  return subjects.filter((subject) => subject.index < head).at(-1) ?? subjects[0];
}

const relativeForms = /^(qui|que|qu'|qu’|dont|lequel|laquelle|lesquels|lesquelles)$/iu;

function isRelativePronoun(word: TreeWord): boolean {
  if (/^où$/iu.test(word.form)) return word.upos === "PRON" || word.upos === "ADV";
  return word.upos === "PRON" && (word.feats.PronType === "Rel" || relativeForms.test(word.form));
}


/** The relative pronoun that opens a clause, if one does. */
function relativePronounOf(tree: SentenceTree, clause: number): TreeWord | undefined {
  const first = subtree(tree, clause).map((index) => tree.words[index]!).find((word) => word.upos !== "PUNCT" && word.deprel !== "cc");
  if (!first) return undefined;
  // "dont la semelle s'était jaunie": dont completes the clause's subject or object.
  if (first.head !== clause && /^dont$/iu.test(first.form) && possessedNoun(tree, clause, first)) return first;
  // "dans laquelle il vivait": the preposition opens the clause, its pronoun hangs from the verb.
  const object = tree.words[first.head];
  if (first.upos === "ADP" && object && object.head === clause && lequelForms.test(object.form)) return object;
  if (first.head !== clause) return undefined;
  return isRelativePronoun(first) || isRelativeQue(tree, first) ? first : undefined;
}

const lequelForms = /^(lequel|laquelle|lesquels|lesquelles)$/iu;

// Nouns a "que" clause completes rather than qualifies: "l'idée qu'il viendrait".
const completiveNouns =
  /^(idée|nouvelle|fait|espoir|espérance|peur|crainte|pensée|certitude|impression|sentiment|preuve|signe|avis|assurance|conviction|doute|raison|façon|manière|sorte|moment|heure|jour)$/u;

/**
 * "la lettre que sa mère lui envoyait": the parser, trained on news, takes
 * most "que" for a conjunction opening a clause that completes the verb.
 * After a noun, opening a clause whose verb has no object of its own, it is
 * the relative pronoun, the verb's object.
 */
function isRelativeQue(tree: SentenceTree, word: TreeWord): boolean {
  if (!/^qu(e|'|’)$/iu.test(word.form) || word.upos !== "SCONJ" || word.deprel !== "mark") return false;
  const before = tree.words[word.index - 1];
  if (!before || (before.upos !== "NOUN" && before.upos !== "ADJ")) return false;
  const verb = tree.words[word.head]!;
  if (verb.upos !== "VERB" || childrenWith(tree, verb.index, /^(obj|ccomp|xcomp|cop)$/u).length > 0) return false;
  const noun = [...tree.words.slice(1, word.index)].reverse().find((candidate) => candidate.upos === "NOUN");
  return noun !== undefined && !completiveNouns.test(noun.lemma.toLowerCase());
}

/** The clause's subject or object that "dont" completes ("dont la semelle"), when an article opens it. */
function possessedNoun(tree: SentenceTree, clause: number, dont: TreeWord): TreeWord | undefined {
  const noun = tree.words[dont.head]!;
  if (noun.head !== clause || !/^(nsubj|nsubj:pass|obj)$/u.test(noun.deprel) || noun.upos !== "NOUN") return undefined;
  // "des combinaisons dont la vie est pleine", "un accent dont la soeur se souvint": dont may complete
  // the predicate, which the parse cannot tell from the noun; not with one that takes "de".
  const ownDe = subtree(tree, clause).some((index) => /^(de|d'|d’|du|des)$/iu.test(tree.words[index]!.form) && tree.words[index]!.deprel === "case");
  if (takesDe.test(tree.words[clause]!.lemma) && !ownDe) return undefined;
  // "dont le comédien Molière n'avait pu être": a modal without its infinitive is a clause the parse broke.
  if (/^(pouvoir|devoir|vouloir|savoir)$/u.test(tree.words[clause]!.lemma) && childrenWith(tree, clause, /^xcomp$/u).length === 0) return undefined;
  const article = childrenWith(tree, noun.index, /^det$/u)[0];
  return article && /^(le|la|les|l'|l’)$/iu.test(article.form) ? noun : undefined;
}

// Verbs and adjectives with a complement on "de", which "dont" may stand for where the clause has no "de" of its own
// ("dont le toit était couvert de tuiles" is the roof's).
const takesDe = new RegExp(
  "^(souvenir|parler|occuper|servir|dépendre|moquer|jouir|manquer|rêver|profiter|apercevoir|plaindre|approcher|méfier|douter|contenter|" +
    "charger|emparer|résulter|agir|nourrir|réjouir|féliciter|étonner|effrayer|rougir|indigner|" +
    "remplir|couvrir|entourer|composer|plein|fier|content|digne|sûr|jaloux|amoureux|capable|las|fou|orgueilleux|responsable|" +
    "épris|satisfait|ravi|honteux|conscient|avide|curieux|rempli|couvert|chargé|vêtu|entouré|composé|formé|privé|dépourvu|exempt|question)$",
  "u",
);

/** The possessive that replaces the article of a thing owned: "la semelle" of one owner → "sa semelle", of several → "leur semelle". */
function possessive(owners: GrammaticalNumber, noun: TreeWord): string {
  const plural = noun.feats.Number === "Plur";
  if (owners === "Plur") return plural ? "leurs" : "leur";
  if (plural) return "ses";
  return noun.feats.Gender === "Fem" && !startsWithVowel.test(noun.form) ? "sa" : "son";
}

/**
 * The noun a relative clause stands for, climbing coordinated clauses ("qu'il
 * adorait et qui…"). Where the parse hangs a clause opened by "qui" or "que"
 * elsewhere (the parser's most frequent error on novels), it is the nearest
 * noun before it that no preposition introduces: French puts a relative
 * right after its antecedent.
 */
function antecedentOf(tree: SentenceTree, clause: number): TreeWord | undefined {
  let word = tree.words[clause]!;
  while (word.deprel === "conj") word = tree.words[word.head]!;
  if (word.deprel === "acl:relcl" || (word.deprel === "acl" && relativePronounOf(tree, word.index))) {
    // "une demoiselle laide et pauvre qu'il adorait": the parse may hang the clause on the adjective.
    let antecedent = tree.words[word.head]!;
    while (antecedent.upos === "ADJ" && /^(amod|conj)$/u.test(antecedent.deprel)) antecedent = tree.words[antecedent.head]!;
    return antecedent;
  }
  const pronoun = relativePronounOf(tree, word.index);
  if (!pronoun) return undefined;
  for (let index = pronoun.index - 1; index > 0; index -= 1) {
    const candidate = tree.words[index]!;
    if (candidate.upos === "VERB" || candidate.upos === "AUX") return undefined;
    // "…une visite. Qui cela peut-il être ?": a relative follows its antecedent within the clause.
    if (candidate.upos === "PUNCT" && candidate.form !== ",") return undefined;
    if (candidate.upos !== "NOUN" && candidate.upos !== "PROPN") continue;
    // The noun of a phrase right before "qui" (not a "de" complement, whose noun may be the one before):
    // "Il se regarda dans le petit miroir qui était sur sa cheminée."
    const marks = childrenWith(tree, index, /^case$/u);
    const phraseNoun = index === pronoun.index - 1 && candidate.upos === "NOUN" &&
      (/^qui$/iu.test(pronoun.form) ? !marks.some((mark) => /^(de|d['’]|du|des)$/iu.test(mark.form)) : objectOfPhraseNoun(tree, candidate, pronoun));
    if (marks.length === 0 || phraseNoun) return candidate;
  }
  return undefined;
}

/**
 * "se tournait en une rancune que les voluptés tempéraient": "que" right
 * after the noun of a phrase stands for it when its clause's verb takes an
 * object and has none. Not after a verb of saying or knowing, whose "que"
 * opens what is said ("déclara devant sa servante que…"), nor after "à"
 * ("dit à sa mère que…").
 */
function objectOfPhraseNoun(tree: SentenceTree, noun: TreeWord, pronoun: TreeWord): boolean {
  const verb = tree.words[pronoun.head]!;
  if (!/^(que|qu['’])$/iu.test(pronoun.form) || verb.upos !== "VERB" || noObjectVerbs.test(verb.lemma) || verb.feats.Mood === "Sub") return false;
  // "d'un mot qu'il se trompait": a pronominal verb has its object already.
  if (childrenWith(tree, verb.index, /^(expl:pv|obj|iobj)$/u).some((clitic) => clitic.feats.Reflex === "Yes")) return false;
  const governor = tree.words[verb.head]!;
  if (announcingVerbs.test(governor.lemma) || sayingVerbs.test(governor.lemma)) return false;
  // "pour une fois que je vous vois", "à mesure que": a time or a way, not a thing.
  if (timeNouns.test(noun.lemma.toLowerCase()) || completiveNouns.test(noun.lemma.toLowerCase()) || /^mesure$/iu.test(noun.lemma)) return false;
  // "c'est vers la fin d'avril que le travail commence", "ce fut en sautant de joie qu'elle me répondit": what
  // "c'est" sets off, not a relative clause.
  for (let index = noun.index - 1; index > 0 && tree.words[index]!.upos !== "PUNCT"; index -= 1) {
    if (tree.words[index]!.lemma === "être" && /^(c['’]|ce)$/iu.test(tree.words[index - 1]?.form ?? "")) return false;
  }
  // "une seule des personnes qu'il connaissait qui ne pût…": a second relative clause says whose the first is.
  if (subtree(tree, verb.index).some((index) => index > pronoun.index && /^(qui|dont)$/iu.test(tree.words[index]!.form))) return false;
  // "comme les bons poètes que la tyrannie de la rime force à trouver…": a comparison.
  return !childrenWith(tree, noun.index, /^case$/u).some((mark) => /^(à|au|aux|comme)$/iu.test(mark.form));
}

/** A name as written (Emma, Charles Bovary), when it is short enough to repeat. */
function nameOf(tree: SentenceTree, word: TreeWord): string | undefined {
  if (word.upos !== "PROPN") return undefined;
  // "-- Son billard": a capitalised article or possessive the tagger took for a name.
  if (lookUpWord(word.form.toLowerCase())?.classes.has("det")) return undefined;
  const parts = [word.index, ...childrenWith(tree, word.index, /^flat/u).map((part) => part.index)].sort((a, b) => a - b);
  // "le Marquis", "la Fantine": a name with its article keeps it.
  const article = childrenWith(tree, word.index, /^det$/u).find((det) => det.index === parts[0]! - 1);
  if (article) parts.unshift(article.index);
  // "madame Homais", "M. Lheureux": without its title the name may be another person's (Homais is her husband).
  const title = tree.words[parts[0]! - 1];
  if (title && personTitles.has(title.form.toLowerCase())) {
    parts.unshift(title.index);
    // "le père Rouault"
    const before = tree.words[title.index - 1];
    if (title.form.toLowerCase() === "père" && before && /^le$/iu.test(before.form)) parts.unshift(before.index);
  }
  // "l'Océan": an elided article is written against its name.
  return parts.length > 4 ? undefined : withElisions(parts.map((index) => tree.words[index]!.form).join(" "));
}

/** The words that stand for a noun phrase as a new sentence's subject: a pronoun, or the name repeated. */
function standIn(tree: SentenceTree, noun: TreeWord): string | undefined {
  if (noun.upos === "PRON") {
    const form = noun.form.toLowerCase().replace(/^-(t-)?/u, "");
    return clitics.has(form) ? (form === "j'" ? "je" : form) : undefined;
  }
  if (noun.upos !== "NOUN" && noun.upos !== "PROPN") return undefined;
  // "tout le monde", "chaque homme", "aucun ami": no pronoun stands for a quantity of people.
  const before = tree.words[Math.min(...subtree(tree, noun.index)) - 1];
  const quantifiers = [...tree.children[noun.index]!.map((child) => tree.words[child]!.form.toLowerCase()), before?.form.toLowerCase() ?? ""];
  if (quantifiers.some((form) => /^(tout|toute|tous|toutes|chaque|aucun|aucune|nul|nulle|plusieurs|quelques|certains|certaines)$/u.test(form))) return undefined;
  const conjuncts = childrenWith(tree, noun.index, /^conj$/u);
  if (conjuncts.length > 0) {
    const allFeminine = [noun, ...conjuncts].every((word) => word.feats.Gender === "Fem");
    return allFeminine ? "elles" : "ils";
  }
  const name = nameOf(tree, noun);
  if (name) return name;
  const { gender, number } = nounAgreement(tree, noun);
  return subjectPronoun(gender, number);
}

/**
 * A noun's gender and number as the parser gives them, but "quelque chose",
 * "autre chose" are masculine, whatever the tagger says: "quelque chose qui
 * ressemblait à une armoire" → "Il ressemblait…", "quelque chose de sublime
 * qu'il sentait" → "Il le sentait". And "une sorte de vagabond" takes the
 * gender of what it is a sort of: "Il accostait les voyageurs."
 */
function nounAgreement(tree: SentenceTree, noun: TreeWord): { gender: Gender | undefined; number: GrammaticalNumber } {
  const agreement = agreementOf(noun);
  const neuterThing = noun.lemma === "chose" && /^(quelque|autre|grand)$/iu.test(tree.words[noun.index - 1]?.form ?? "");
  if (neuterThing) return { ...agreement, gender: "Masc" };
  const kind = /^(sorte|espèce|genre)$/u.test(noun.lemma) ? kindOf(tree, noun) : undefined;
  if (kind) return { ...agreement, gender: agreementOf(kind).gender };
  // "Les jeunes filles", read as the noun "jeunes" and the "adjective" filles: the word after it is the noun.
  const misread = tree.words[noun.index + 1];
  const nounAfter = misread && misread.head === noun.index && misread.deprel === "amod" && prenominalAdjectives.test(noun.form) &&
    (lookUpWord(misread.form)?.classes.has("noun") ?? false);
  if (nounAfter) return { ...agreement, gender: nounGender(misread.form) ?? agreement.gender };
  // "les domestiques", "des enfants": in the plural, a noun of either gender says its own only through an
  // adjective or a word that shows it ("les domestiques rousses"); else French says "ils". (In the singular
  // the article shows it, but for "l'": "l'ombre" is the lexicon's either gender, and the parse knows better.)
  const shown = tree.children[noun.index]!.some((child) => /^(det|amod)$/u.test(tree.words[child]!.deprel) && tree.words[child]!.feats.Gender !== undefined);
  return agreement.number === "Plur" && eitherGender(noun.form) && !shown ? { ...agreement, gender: undefined } : agreement;
}

/** A noun the lexicon knows in both genders, with no gender in its reading ("domestique", "enfant", "élève"). */
function eitherGender(form: string): boolean {
  return /(^|\|)nc:[sp]?(\||$)/u.test(lexicalMorphology(form.toLowerCase()));
}

// Adjectives set before their noun, which the tagger may read as the noun ("les jeunes filles").
const prenominalAdjectives = /^(jeunes?|vieux|vieilles?|petite?s?|grande?s?|gros|grosses?|bons?|bonnes?|beaux?|belles?|pauvres?|braves?)$/iu;

/** A noun's gender as the lexicon's morphology gives it ("filles" → Fem), when it gives one. */
function nounGender(form: string): Gender | undefined {
  const morphology = lexicalMorphology(form);
  const masculine = /(^|\|)nc:m/u.test(morphology);
  const feminine = /(^|\|)nc:f/u.test(morphology);
  return feminine && !masculine ? "Fem" : masculine && !feminine ? "Masc" : undefined;
}

/** The bare noun after "de" that a "sorte", "espèce" or "genre" names the kind of ("de logis"). */
function kindOf(tree: SentenceTree, noun: TreeWord): TreeWord | undefined {
  const complement = childrenWith(tree, noun.index, /^nmod$/u).find((child) => child.upos === "NOUN" && child.index > noun.index);
  if (!complement || childrenWith(tree, complement.index, /^det$/u).length > 0) return undefined;
  const preposition = childrenWith(tree, complement.index, /^case$/u)[0];
  return preposition && /^(de|d'|d’)$/iu.test(preposition.form) ? complement : undefined;
}

function numberOf(tree: SentenceTree, noun: TreeWord): GrammaticalNumber {
  return childrenWith(tree, noun.index, /^conj$/u).length > 0 ? "Plur" : agreementOf(noun).number;
}

/** The first word of a clause that is neither its linking word nor punctuation: where a subject goes. */
function clauseStart(tree: SentenceTree, head: number, drop: readonly number[]): number {
  for (const index of subtree(tree, head)) {
    const word = tree.words[index]!;
    if (drop.includes(index) || word.upos === "PUNCT" || word.deprel === "cc") continue;
    return index;
  }
  return head;
}

/**
 * A clause joined to the one before it, which shares its subject: a
 * conjunct, a clause beside it, or one the parse calls adverbial though
 * nothing subordinates it ("Il s'arrêtait, cirait son archet").
 */
function isJoinedClause(tree: SentenceTree, word: TreeWord): boolean {
  if (word.deprel === "conj" || word.deprel === "parataxis") return true;
  // "se déchargea de son sac, le posa à terre, garda son bâton": a predicate without a subject, in a
  // series of predicates, is no inserted clause. (After a phrase, "les hommes, capacités méconnues…,
  // crevaient", the parse missed its subject; "quitte à" is a locution, no verb.)
  if (word.deprel === "parataxis:insert") {
    const next = tree.words[word.index + 1];
    const locution = next !== undefined && findLocutions([word.form, next.form]).some((match) => match.first === 0);
    return finiteVerb(tree, word.index) !== undefined && !subjectOf(tree, word.index) && !isSubordinate(tree, word.index) &&
      afterComma(tree, word.index) && !locution && followsPredicate(tree, word.index);
  }
  // Finite by itself or through its auxiliary ("on s'était raccommodé").
  return word.deprel === "advcl" && finiteVerb(tree, word.index) !== undefined && !isSubordinate(tree, word.index) && afterComma(tree, word.index);
}

/** Whether the stretch between the comma before the clause `head` and the comma before that holds a main clause's finite verb. */
function followsPredicate(tree: SentenceTree, head: number): boolean {
  let index = verbGroupStart(tree, head) - 2;
  for (; index > 0 && !/^[,;:]$/u.test(tree.words[index]!.form); index -= 1) {
    const word = tree.words[index]!;
    const clause = auxiliaryRelations.test(word.deprel) ? word.head : index;
    if (word.feats.VerbForm === "Fin" && !isSubordinate(tree, clause) && !tree.children[clause]!.some((child) => isRelativePronoun(tree.words[child]!))) return true;
  }
  return false;
}

/**
 * The subject a coordinated predicate shares with the clause it is joined
 * to. Never across a semicolon or a colon: what follows one is a new clause,
 * and a subject found beyond it comes from a misparse.
 */
function sharedSubject(tree: SentenceTree, head: number, predicate: number): TreeWord | undefined {
  let word = tree.words[head]!;
  // "les femmes portaient…, et les hommes crevaient…, allaient…": after a clause with a subject of its
  // own, a predicate may be that clause's as well as this one's; it shares one only if both say the same.
  const nearer: TreeWord[] = [];
  for (;;) {
    // "les femmes … portaient …, et les hommes, …, crevaient…": a noun the parse joined to the verb
    // before the predicate is a subject it missed, maybe the predicate's own.
    if (childrenWith(tree, word.index, /^conj$/u).some((other) => /^(NOUN|PROPN|PRON)$/u.test(other.upos) && other.index < predicate)) return undefined;
    for (const other of childrenWith(tree, word.index, /^(conj|parataxis)$/u)) {
      const own = other.index > word.index && other.index < predicate ? subjectOf(tree, other.index) : undefined;
      // (Not one after its verb, which the parse often takes from the verb's object: "se tailla une plume".)
      if (own && own.index < other.index && !objectTakenForSubject(tree, own, other.index)) nearer.push(own);
    }
    const subject = subjectOf(tree, word.index);
    if (subject) {
      for (let index = subject.index + 1; index < predicate; index += 1) if (/^[;:]$/u.test(tree.words[index]!.form)) return undefined;
      const said = subjectText(tree, subject);
      return nearer.every((other) => subjectText(tree, other) === said) ? subject : undefined;
    }
    if (!isJoinedClause(tree, word)) return undefined;
    word = tree.words[word.head]!;
  }
}

function subjectText(tree: SentenceTree, subject: TreeWord): string | undefined {
  if (isRelativePronoun(subject)) {
    const antecedent = antecedentOf(tree, subject.head);
    return antecedent ? standIn(tree, antecedent) : undefined;
  }
  return standIn(tree, subject);
}

/** A clause opened by a conjunction (que, quand, tandis que): it cannot stand alone. */
function isSubordinate(tree: SentenceTree, head: number): boolean {
  return childrenWith(tree, head, /^mark$/u).length > 0;
}

const leftRelations = /^(cc|punct|advmod|aux|aux:tense|aux:pass|cop|expl|expl:pv|expl:pass|expl:subj|nsubj|nsubj:pass|obl|obl:mod|mark)$/u;

/**
 * What may stand before a clause's verb: its linking word, subject,
 * clitics, auxiliaries, adverbs, a fronted phrase. Anything else there (an
 * object noun, "une" in "en choisit une, la coupa") means the parse joined
 * the wrong words to this clause, and the clause is not taken out.
 */
function leftSideReads(tree: SentenceTree, head: number): boolean {
  return tree.children[head]!.every((child) => {
    if (child > head) return true;
    const word = tree.words[child]!;
    if (word.deprel === "advmod") return word.upos === "ADV";
    // A participle's aside after the subject: "et M. Canivet, ayant retroussé ses manches, passa".
    if (word.deprel === "advcl") return word.feats.VerbForm === "Part";
    return leftRelations.test(word.deprel) || ((word.deprel === "obj" || word.deprel === "iobj") && cliticForms.test(word.form));
  });
}

/**
 * Where a subject goes in a clause: before its verb group (clitics, "ne",
 * auxiliaries, the verb), after a fronted phrase ("et, le lendemain, avait
 * repris" → "Le lendemain, il avait repris").
 */
function verbGroupStart(tree: SentenceTree, head: number): number {
  let start = head;
  for (const child of tree.children[head]!) {
    const word = tree.words[child]!;
    if (child > head) continue;
    const inGroup =
      /^aux/u.test(word.deprel) || word.deprel === "cop" || /^(ne|n'|n’)$/iu.test(word.form) ||
      (word.upos === "PRON" && cliticForms.test(word.form));
    if (inGroup) start = Math.min(start, child);
  }
  return start;
}

/** The grammatical person of a subject as written: "1" for je and nous, "2" for tu and vous, else "3". */
function personOf(subject: string): string {
  return { je: "1", tu: "2", nous: "1", vous: "2" }[subject.toLowerCase()] ?? "3";
}

/** Whether a third-person subject ("il", a name) or the pronoun itself agrees with the clause's finite verb. */
function agrees(subject: string, verb: TreeWord | undefined, number: GrammaticalNumber): boolean {
  if (!verb) return true;
  const person = personOf(subject);
  const plural = /^(nous|vous|ils|elles)$/iu.test(subject) || number === "Plur";
  return (verb.feats.Person ?? person) === person && (verb.feats.Number ?? (plural ? "Plur" : "Sing")) === (plural ? "Plur" : "Sing");
}

/** "Elle contait des histoires, vous apprenait des nouvelles": "nous" or "vous" that the clause's verb does not agree with is its object. */
function objectTakenForSubject(tree: SentenceTree, subject: TreeWord, clause: number): boolean {
  return /^(nous|vous)$/iu.test(subject.form) && !agrees(subject.form, finiteVerb(tree, clause), "Plur");
}

/**
 * "-- Ma foi! j'en ai besoin, fit madame Homais", "demanda Charles": in dialogue, a verb of saying
 * right after a line has its speaker after it, which the parse often reads as its object. No
 * subject goes before it.
 */
function namesSpeakerAfter(tree: SentenceTree, verb: TreeWord): boolean {
  if (!sayingVerbs.test(verb.lemma) || !tree.words.some((word) => dialogueMarks.test(word.form))) return false;
  if (childrenWith(tree, verb.index, subjectRelations).some((subject) => subject.index < verb.index)) return false;
  const before = tree.words[verbGroupStart(tree, verb.index) - 1];
  const after = tree.words[verb.index + 1];
  return before !== undefined && /^([,!?»”…:]|--|—|–)$/u.test(before.form) && after !== undefined && /^(DET|NOUN|PROPN)$/u.test(after.upos);
}

/** A clause below a verb of saying whose subject follows it ("exclamait-il"), in a sentence of dialogue. */
function underInvertedSpeaker(tree: SentenceTree, clause: TreeWord): boolean {
  if (!tree.words.some((word) => dialogueMarks.test(word.form))) return false;
  for (let up = tree.words[clause.head]; up && up.index > 0; up = tree.words[up.head]) {
    if (sayingVerbs.test(up.lemma) && childrenWith(tree, up.index, subjectRelations).some((subject) => subject.index > up!.index)) return true;
  }
  return false;
}

// "plus elle y fixait d'attention, plus ses idées se confondaient": the two clauses say one thing.
const correlatives = /^(plus|moins|autant|tant|mieux)$/iu;

/** The clause and the one it is joined to both open on the same correlative ("plus …, plus …"). */
function correlated(tree: SentenceTree, clause: TreeWord): boolean {
  const opening = (head: number) => subtree(tree, head).sort((a, b) => a - b).map((index) => tree.words[index]!).find((word) => word.upos !== "PUNCT" && word.deprel !== "cc");
  const own = opening(clause.index);
  if (own === undefined || !correlatives.test(own.form)) return false;
  const same = (word: TreeWord | undefined) => word?.form.toLowerCase() === own.form.toLowerCase();
  // The other clause opens on the same word, or has it before its verb after a phrase set first ("Quant au piano, plus les doigts…").
  return same(opening(clause.head)) || childrenWith(tree, clause.head, /^advmod$/u).some((word) => word.index < clause.head && same(word));
}

/**
 * "une pièce…, avec porte sur la rue, et fenêtre sur le jardin", "tout y
 * serait passion, extase, délire": a noun the tagger read as a verb in the
 * present (and that no passé simple spells, as "dit" or "vit"), joined to a
 * clause in the past, is no predicate of that clause's subject.
 */
function nounReadAsVerb(tree: SentenceTree, word: TreeWord, joinedTo: TreeWord): boolean {
  if (word.feats.Tense !== "Pres" || !/^(Imp|Past)$/u.test(finiteVerb(tree, joinedTo.index)?.feats.Tense ?? "")) return false;
  const morphology = lexicalMorphology(word.form);
  return /(^|\|)nc:/u.test(morphology) && !/v:J/u.test(morphology);
}

/**
 * "Girard passa sa blouse neuve, noua son mouchoir…": a name said in the
 * sentence just before is "il" or "elle" in the next, as a writer would say
 * it ("Girard passa sa blouse neuve. / Il noua son mouchoir…"), where its
 * gender is known.
 */
function namedAgain(tree: SentenceTree, subject: TreeWord): string | undefined {
  if (!nameOf(tree, subject) || childrenWith(tree, subject.index, /^conj$/u).length > 0) return undefined;
  const { gender, number } = nounAgreement(tree, subject);
  return gender ? subjectPronoun(gender, number) : undefined;
}

function coordination(tree: SentenceTree, word: TreeWord): Extraction | undefined {
  const head = tree.words[word.head]!;
  if (correlated(tree, word)) return undefined;
  // "et voici ce qu'on m'a répondu": voici and voilà take no subject.
  if (/^(voici|voilà)$/iu.test(word.form)) return undefined;
  // "pouvait-elle croire": a question has its subject after the verb already.
  if (/^-/u.test(tree.words[word.index + 1]?.form ?? "")) return undefined;
  if (namesSpeakerAfter(tree, word)) return undefined;
  if (!isPredicate(tree, word.index) || !isPredicate(tree, head.index)) return undefined;
  if (isSubordinate(tree, word.index) || !leftSideReads(tree, word.index)) return undefined;
  // "quand il entra et vit…": a predicate joined inside a subordinate clause says when too. Only the main
  // clause the parse hung on a fronted one ("Comme il eut peur…, il s'en revint"), with its own subject, goes.
  const mainClause = subjectOf(tree, word.index) !== undefined && childrenWith(tree, word.index, /^cc$/u).length === 0;
  if (isSubordinate(tree, head.index) && !mainClause) return undefined;
  // A verb coordinated with a noun ("savait, et la part de barque") is a misparse around it.
  if (childrenWith(tree, head.index, /^conj$/u).some((other) => /^(NOUN|PROPN|PRON)$/u.test(other.upos))) return undefined;
  const links = childrenWith(tree, word.index, /^cc$/u);
  if (links.some((link) => link.lemma === "ni")) return undefined;
  // "elle logea et nourrit son jeune frère": two verbs right beside each other share what follows.
  const headComplements = tree.children[head.index]!.filter((child) => child > head.index && child < word.index && tree.words[child]!.upos !== "PUNCT" && tree.words[child]!.deprel !== "cc");
  const between = tree.words
    .slice(head.index + 1, word.index)
    .filter((other) => other.deprel !== "cc" && !(other.upos === "PRON" && cliticForms.test(other.form)));
  if (headComplements.length === 0 && between.length === 0 && head.upos === "VERB" && childrenWith(tree, word.index, /^(obj|ccomp|xcomp)$/u).length > 0) return undefined;
  const drop = links.filter((link) => link.lemma === "et").map((link) => link.index);
  const extraction: Extraction = { rule: "coordination", head: word.index, drop, replace: new Map(), insert: new Map() };
  const ownSubject = subjectOf(tree, word.index);
  if (ownSubject) {
    // Each clause has its subject; an inverted one ("dit-il") stays with its line.
    if (ownSubject.index > word.index) return undefined;
    // "s'écartent, il me semble, du vrai but": "il me semble", "il paraît" between commas are an aside, not a clause.
    const between = tree.words[ownSubject.index - 1]?.form === "," && tree.words[word.index + 1]?.form === ",";
    if (/^(sembler|paraître)$/u.test(word.lemma) && /^il$/iu.test(ownSubject.form) && between) return undefined;
    if (objectTakenForSubject(tree, ownSubject, word.index)) return undefined;
    if (isRelativePronoun(ownSubject)) {
      const text = subjectText(tree, ownSubject);
      if (!text) return undefined;
      extraction.replace.set(ownSubject.index, text);
      extraction.rule = "relative_qui";
    }
    return finiteVerb(tree, word.index) ? extraction : undefined;
  }
  // A noun right before the predicate ("…qu'elle faisait, le bas de son visage s'enfonçait") is its
  // own subject, which the parse hung elsewhere: the shared one would put the wrong subject on it.
  if (!afterBreak(tree, word.index)) return undefined;
  if (nounReadAsVerb(tree, word, head)) return undefined;
  const subject = sharedSubject(tree, head.index, word.index);
  // "elle dit: «Ah! mon Dieu!» poussa un soupir": a subject in a quotation is not the narrator's.
  if (!subject || subject.index > head.index || quotedBefore(tree, subject.index, word.index)) return undefined;
  const text = namedAgain(tree, subject) ?? subjectText(tree, subject);
  const number = isRelativePronoun(subject) ? undefined : numberOf(tree, subject);
  if (!text || !agrees(text, finiteVerb(tree, word.index) ?? finiteVerb(tree, head.index), number ?? "Sing")) return undefined;
  const parts = [text];
  // "Il avait mangé et bu": the new sentence needs the auxiliary too; not "et eût cru", which has its own
  // (the tagger may miss that it is finite).
  if (!finiteVerb(tree, word.index) && childrenWith(tree, word.index, /^(aux:tense|aux:pass|aux)$/u).length === 0) {
    const auxiliaries = childrenWith(tree, head.index, /^(aux:tense|aux:pass|aux)$/u);
    if (word.feats.VerbForm !== "Part" || auxiliaries.length === 0 || !auxiliaries.some((aux) => aux.feats.VerbForm === "Fin")) {
      return undefined;
    }
    // "profonde et dissimulée": a participle that agrees as an adjective does takes no "avoir" ("Elle avait dissimulée").
    const agreesAsAdjective = word.feats.Gender === "Fem" || word.feats.Number === "Plur";
    if (agreesAsAdjective && auxiliaries.some((aux) => aux.lemma === "avoir")) return undefined;
    const clitic = tree.children[word.index]!.filter((child) => child < word.index && tree.words[child]!.upos === "PRON");
    const auxiliaryText = auxiliaries.map((aux) => aux.form).join(" ");
    if (clitic.length > 0) extraction.insert.set(word.index, auxiliaryText);
    else parts.push(auxiliaryText);
  }
  extraction.insert.set(verbGroupStart(tree, word.index), parts.join(" "));
  return extraction;
}

/**
 * Whether a subject pronoun ("il", "elle"…) has the gender of the clause's
 * adjective or participle that agrees with its subject ("était amies",
 * "fut saisie", "se tenait ouverte"), when the clause has one.
 */
function agreesWithPredicate(tree: SentenceTree, clause: TreeWord, pronoun: string): boolean {
  // Only with "être": "avaient présumé", read as a passive, agrees with nothing.
  const passive = childrenWith(tree, clause.index, /^aux:pass$/u).some((auxiliary) => auxiliary.lemma === "être");
  // "la rendait presque joyeuse": with an object, the adjective may be the object's.
  const hasObject = childrenWith(tree, clause.index, /^obj$/u).length > 0;
  const attribute = clause.upos === "ADJ" || passive ? clause : hasObject ? undefined : childrenWith(tree, clause.index, /^xcomp$/u).find((child) => child.upos === "ADJ");
  const gender = attribute?.feats.Gender;
  return !gender || !/^(il|ils|elle|elles)$/iu.test(pronoun) || gender === (/^elle/iu.test(pronoun) ? "Fem" : "Masc");
}

function relative(tree: SentenceTree, word: TreeWord): Extraction | undefined {
  const extraction = relativeClause(tree, word);
  // "qui était sa soeur et qui avait dix ans de moins que lui": the "et" that joins a second relative
  // clause to the first goes with its pronoun ("Mademoiselle Baptistine avait dix ans de moins que lui.").
  if (!extraction || word.deprel !== "conj" || !relativePronounOf(tree, word.head)) return extraction;
  const pronoun = relativePronounOf(tree, word.index)!;
  const link = childrenWith(tree, word.index, /^cc$/u).find((cc) => cc.lemma === "et" && cc.index === pronoun.index - 1);
  return link ? { ...extraction, drop: [...extraction.drop, link.index] } : extraction;
}

/**
 * "les dents de son peigne qui mordaient son chignon", "une main aux doigts
 * rouges, qui se posait sur ces pages": the parse may hang "qui" on the noun
 * of a phrase that completes another noun, where the verb agrees with that
 * other noun. The nearest noun up the chain that agrees, where the one the
 * parse gives does not.
 */
function agreeingAntecedent(tree: SentenceTree, clause: TreeWord, antecedent: TreeWord): TreeWord {
  const verb = finiteVerb(tree, clause.index);
  const agreeing = (noun: TreeWord, stand = standIn(tree, noun)) =>
    stand !== undefined && agrees(stand, verb, numberOf(tree, noun)) && agreesWithPredicate(tree, clause, stand);
  // (Not "une idée de ce qui se passa": "ce" and "celui" stand for nothing said before.)
  const said = standIn(tree, antecedent);
  if (said === undefined || agreeing(antecedent, said)) return antecedent;
  let noun = antecedent;
  for (let step = 0; step < 2; step += 1) {
    const owner = tree.words[noun.head]!;
    const completes = noun.deprel === "nmod" && owner.index < noun.index && /^(NOUN|PROPN)$/u.test(owner.upos) && childrenWith(tree, noun.index, /^case$/u).length > 0;
    if (!completes) return antecedent;
    if (agreeing(owner)) return owner;
    noun = owner;
  }
  return antecedent;
}

// Verbs that say what their object is called or judged to be, in an attribute after it.
const namingVerbs = /^(appeler|nommer|surnommer|croire|trouver|juger|estimer|considérer|rendre)$/u;

function relativeClause(tree: SentenceTree, word: TreeWord): Extraction | undefined {
  const pronoun = relativePronounOf(tree, word.index);
  const hungOn = antecedentOf(tree, word.index);
  if (!hungOn || !pronoun || !finiteVerb(tree, word.index)) return undefined;
  const antecedent = /^qui$/iu.test(pronoun.form) && subjectRelations.test(pronoun.deprel) ? agreeingAntecedent(tree, word, hungOn) : hungOn;
  // "un mot qui pût rappeler", "la seule qui sût écrire": a clause in the subjunctive does not stand alone.
  if (isSubjunctive(finiteVerb(tree, word.index)!)) return undefined;
  // "Comme une chouette qui verrait brusquement se lever le soleil": in a comparison, a conditional imagines.
  if (finiteVerb(tree, word.index)!.feats.Mood === "Cnd" && childrenWith(tree, antecedent.index, /^case$/u).some((mark) => /^comme$/iu.test(mark.form))) return undefined;
  // "vocation, qui sait? de bonne foi": a question, not a relative clause.
  if (subtree(tree, word.index).some((index) => tree.words[index]!.form === "?")) return undefined;
  // A bare noun after a comma is the next item of a list the parse hung on the clause
  // ("postillons qu'on tue à tous les relais, chevaux qu'on crève…").
  const listItem = childrenWith(tree, word.index, /^(obl|obl:mod|obl:arg|obj|nmod)$/u).some(
    (child) =>
      child.index > word.index && child.upos === "NOUN" && tree.words[child.index - 1]?.form === "," &&
      childrenWith(tree, child.index, /^(case|det)$/u).length === 0,
  );
  if (listItem) return undefined;
  // "qui consisterait à supprimer … serait un perfectionnement": the parse put the sentence's own verb in the clause.
  const strayVerb = subtree(tree, word.index).some((index) => {
    const other = tree.words[index]!;
    if (index === word.index || other.deprel === "conj" || !isPredicate(tree, index) || !finiteVerb(tree, index)) return false;
    return !subjectOf(tree, index) && !isSubordinate(tree, index) && finiteVerb(tree, index)!.feats.Mood !== "Imp";
  });
  if (strayVerb) return undefined;
  // "il n'y a pas de dangers qui l'arrêtent", "aucun homme qui…": the negation reaches the clause, which would say the opposite alone.
  const start = Math.min(...subtree(tree, antecedent.index));
  const negated = /^(aucun|aucune|nul|nulle)$/iu.test(tree.words[start]?.form ?? "") ||
    (/^(de|d'|d’)$/iu.test(tree.words[start]?.form ?? "") && /^(pas|point|jamais|plus|guère)$/iu.test(tree.words[start - 1]?.form ?? ""));
  if (negated) return undefined;
  // "dans le vent qui passait": a clause of its bare verb says nothing alone ("Il passait."), and stays with its noun;
  // not one that says who speaks ("du lit de Fantine, qui reprit:" → "Fantine reprit.").
  const clauseWords = subtree(tree, word.index);
  const bare = clauseWords.filter((index) => index !== pronoun.index && tree.words[index]!.upos !== "PUNCT").length < 2;
  // (Only on the noun right before it: "la fascination du pharmacien qui répétait:" is the pharmacist speaking.)
  const nextToNoun = [pronoun.index - 1, pronoun.index - 2].includes(antecedent.index) && tree.words.slice(antecedent.index + 1, pronoun.index).every((other) => other.form === ",");
  const speaks = sayingVerbs.test(word.lemma) && tree.words[Math.max(...clauseWords) + 1]?.form === ":" && nextToNoun;
  if (bare && !speaks) return undefined;
  // "ce ne sont pas les remèdes de la terre qu'il me faudrait": the clause is what the negation denies.
  // (Also where the parse hung the clause on the attribute's complement: "ce n'est pas cette glace au café si anodine qui a pu…".)
  let attribute = antecedent;
  const complement = (noun: TreeWord) => childrenWith(tree, noun.index, /^case$/u).some((mark) => !/^(que|qu['’])$/iu.test(mark.form));
  while (attribute.deprel === "nmod" && complement(attribute) && /^(NOUN|PROPN)$/u.test(tree.words[attribute.head]!.upos)) attribute = tree.words[attribute.head]!;
  const deniedAttribute = childrenWith(tree, attribute.index, /^cop$/u).length > 0 && tree.children[attribute.index]!.some((child) => negations.test(tree.words[child]!.form));
  if (deniedAttribute) return undefined;
  // A cleft ("c'est X qui…") parts well from its clause only where X is a noun phrase said in a
  // sentence of its own: not a phrase ("c'est peu après votre grand chagrin que nous nous sommes
  // connus"), not inside a clause that says what someone thought ("j'avais cru que c'était Mme Octave
  // qui…"), nor when the parse hung the clause's second predicate on X ("C'était son valet de chambre
  // qui venait l'éveiller et lui disait" left "C'était son valet de chambre et lui disait").
  const cleft = childrenWith(tree, antecedent.index, /^cop$/u).length > 0 &&
    childrenWith(tree, antecedent.index, /^(nsubj|expl:subj)$/u).some((subject) => /^(c'|c’|ce)$/iu.test(subject.form));
  const phraseFocus = childrenWith(tree, antecedent.index, /^case$/u).length > 0 || !/^(NOUN|PROPN)$/u.test(antecedent.upos);
  const predicateLeft = childrenWith(tree, antecedent.index, /^conj$/u).some((joined) => joined.index > word.index && /^(VERB|AUX)$/u.test(joined.upos));
  if (cleft && (phraseFocus || isSubordinate(tree, antecedent.index) || predicateLeft)) return undefined;
  // "Quelqu'un, qui les avait connus au pays, avait vu sa soeur": someone in particular is "il" in a
  // sentence of its own; not in "comme quelqu'un qui se réveille", which says what kind of someone.
  const someone = /^quelqu['’]un$/iu.test(antecedent.form) && tree.words[pronoun.index - 1]?.form === ",";
  // "un des valseurs, qu'on appelait familièrement vicomte": one of them is "il" or "elle" as well.
  const ofThem = antecedent.upos === "PRON" && /^(un|une)$/iu.test(antecedent.form) &&
    childrenWith(tree, antecedent.index, /^nmod$/u).some((noun) => childrenWith(tree, noun.index, /^case$/u).some((mark) => /^(de|d['’])$/iu.test(mark.form)));
  const stand = antecedent.upos === "NOUN" || antecedent.upos === "PROPN" ? standIn(tree, antecedent)
    : someone ? "il"
    : ofThem ? (/^une$/iu.test(antecedent.form) ? "elle" : "il")
    : undefined;
  if (!stand) return undefined;
  const lemma = pronoun.form.toLowerCase().replace(/’/u, "'");
  if (lemma === "dont") return relativeDont(tree, word, pronoun, antecedent);
  if (lequelForms.test(lemma)) return relativeLequel(tree, word, pronoun);
  if (lemma === "qui" && subjectRelations.test(pronoun.deprel)) {
    if (!agrees(stand, finiteVerb(tree, word.index), numberOf(tree, antecedent))) return undefined;
    // "Le coin de sa bouche, qui se tenait ouverte": the clause is the other noun's.
    if (!agreesWithPredicate(tree, word, stand)) return undefined;
    // "qui déjà s'était tourné": the pronoun goes before the verb, after what the writer put between ("Déjà il s'était tourné").
    const verbStart = verbGroupStart(tree, word.index);
    const between = tree.words.slice(pronoun.index + 1, verbStart);
    // "qui, deux ans auparavant, avaient soutenu": an aside between commas goes first too ("Deux ans auparavant, elles avaient…").
    const inner = between.at(0)?.form === "," && between.at(-1)?.form === "," ? between.slice(1, -1) : between;
    const clitic = (other: TreeWord) => other.upos === "PRON" && cliticForms.test(other.form); // not the article of "dans les tempêtes"
    if (inner.length > 0 && inner.every((other) => other.upos !== "PUNCT" && !/^(ne|n'|n’)$/iu.test(other.form) && !clitic(other))) {
      return { rule: "relative_qui", head: word.index, drop: [pronoun.index], replace: new Map(), insert: new Map([[verbStart, stand]]) };
    }
    return { rule: "relative_qui", head: word.index, drop: [], replace: new Map([[pronoun.index, stand]]), insert: new Map() };
  }
  const subject = subjectOf(tree, word.index);
  if (!subject || subject.index < pronoun.index) return undefined;
  // "la maison qu'habitait son père": a subject after its verb is said before it ("Son père l'habitait").
  const inverted = subject.index > word.index ? invertedSubject(tree, word, subject) : undefined;
  if (subject.index > word.index && !inverted) return undefined;
  // "que" or "où" may belong to an infinitive ("qu'elle s'efforçait de rendre naturel"): left alone. (Not
  // what a verb of naming or judging says the object is: "qu'on appelait familièrement vicomte" → "On
  // l'appelait familièrement vicomte.", "qu'il croyait spirituelle et gaie" → "Il la croyait spirituelle et gaie.")
  const objectAttribute = (complement: TreeWord) =>
    /^(NOUN|ADJ)$/u.test(complement.upos) && namingVerbs.test(word.lemma) && !subtree(tree, complement.index).some((index) => /^(VERB|AUX)$/u.test(tree.words[index]!.upos));
  // (But "où" with an infinitive after "de" or "à" is the verb's: "une pétition où il le suppliait de lui faire
  // justice" → "Il l'y suppliait de lui faire justice."; after "voulait aller" it would be the infinitive's.)
  const markedInfinitive = (complement: TreeWord) => lemma === "où" && childrenWith(tree, complement.index, /^mark$/u).some((mark) => /^(de|d['’]|à)$/iu.test(mark.form));
  if (childrenWith(tree, word.index, /^xcomp$/u).some((complement) => !objectAttribute(complement) && !markedInfinitive(complement))) return undefined;
  // "C'est de la physionomie des années que se compose…": a cleft, not a relative clause.
  if (inverted && childrenWith(tree, antecedent.index, /^cop$/u).length > 0) return undefined;
  // The clitic the pronoun becomes at `at`; a subject said first goes before the verb group ("L'écurie s'y trouvait").
  const inserts = (at: number, clitic: string) => {
    if (!inverted) return new Map([[at, clitic]]);
    const start = verbGroupStart(tree, word.index);
    return start === at ? new Map([[at, `${inverted.text} ${clitic}`]]) : new Map([[start, inverted.text], [at, clitic]]);
  };
  const moved = inverted?.words ?? [];
  if (lemma === "où") {
    // "la maison où il habitait" → "Il y habitait."; not a time, nor "le cas où", which says if.
    if (timeNouns.test(antecedent.lemma.toLowerCase()) || /^cas$/iu.test(antecedent.lemma) || antecedent.upos !== "NOUN") return undefined;
    // "mon salon, où il n'y a pas de meubles": "il y a" says where already → "Il n'y a pas de meubles.";
    // any other clause that has its "y" takes no second one.
    const hasY = subtree(tree, word.index).some((index) => /^y$/iu.test(tree.words[index]!.form));
    const thereIs = word.lemma === "avoir" && tree.children[word.index]!.some((child) => /^y$/iu.test(tree.words[child]!.form)) &&
      /^il$/iu.test(subject.form);
    if (thereIs) return { rule: "relative_ou", head: word.index, drop: [pronoun.index], replace: new Map(), insert: new Map() };
    if (hasY) return undefined;
    const after = tree.children[word.index]!.filter((child) => {
      const part = tree.words[child]!;
      return child > (inverted ? pronoun.index : subject.index) && child < word.index && (/^(aux|cop)/u.test(part.deprel) || /^en$/iu.test(part.form));
    });
    const at = Math.min(word.index, ...after);
    return { rule: "relative_ou", head: word.index, drop: [pronoun.index, ...moved], replace: new Map(), insert: inserts(at, "y") };
  }
  if ((lemma !== "que" && lemma !== "qu'") || (pronoun.deprel !== "obj" && !isRelativeQue(tree, pronoun))) return undefined;
  // "le fait qu'il fût représenté": a clause that completes the noun, not a relative one; "conta, le soir,
  // qu'il avait vu": after a time set off, "que" opens what the verb says.
  if (completiveNouns.test(antecedent.lemma.toLowerCase()) || timeNouns.test(antecedent.lemma.toLowerCase())) return undefined;
  // "qu'on le demandait", "qu'elle avait besoin d'une jupe": a clause with an object of its own is what
  // someone says, not a relative one.
  if (childrenWith(tree, word.index, /^(obj|obj:lvc)$/u).some((object) => object.index !== pronoun.index)) return undefined;
  // So is one with a noun phrase after its verb that the parse took for a phrase of circumstance, though no
  // preposition opens it: "la femme que j'aimais les lieux que je désirais" ("Je l'aimais les lieux.").
  // (Right after the verb and its adverbs: not an aside after a comma, nor the attribute of a verb of naming.)
  const bareNounAfter = (child: TreeWord) =>
    child.index > word.index && child.upos === "NOUN" && /^(obl|obl:mod|obl:arg)$/u.test(child.deprel) && !timeNouns.test(child.lemma) &&
    childrenWith(tree, child.index, /^case$/u).length === 0 && childrenWith(tree, child.index, /^det$/u).length > 0 &&
    tree.words.slice(word.index + 1, Math.min(...subtree(tree, child.index))).every((between) => between.upos === "ADV");
  if (!namingVerbs.test(word.lemma) && tree.children[word.index]!.some((child) => bareNounAfter(tree.words[child]!))) return undefined;
  // "qu'il existe de bons ouvrages": an impersonal il with what there is after the verb says something, no relative clause.
  // Nor "les poursuites qu'il fallait": an impersonal verb has no subject to say "Il les fallait." with.
  const nounAfterVerb = tree.children[word.index]!.some((child) => child > word.index && /^(nsubj|obj)/u.test(tree.words[child]!.deprel) && tree.words[child]!.upos === "NOUN");
  if (/^il$/iu.test(subject.form) && (nounAfterVerb || impersonalVerbs.test(word.lemma))) return undefined;
  // "sa parole qu'elle reviendrait", "une après-midi qu'il neigeait": a verb that takes no object has no "que" to
  // stand for ("Elle la reviendrait.", "Il la neigeait."); the clause says what, or when. (But faire or laisser before it
  // takes one: "le désir qu'elle avait fait naître" → "Elle l'avait fait naître.")
  const causative = tree.children[word.index]!.some((child) => tree.words[child]!.deprel === "aux:caus" || /^(faire|laisser)$/u.test(tree.words[child]!.lemma));
  if (noObjectVerbs.test(word.lemma) && !causative) return undefined;
  // "le froid qu'il faisait": the weather's "il" stands for nothing ("Il le faisait.").
  if (word.lemma === "faire" && /^il$/iu.test(subject.form) && weatherNouns.test(antecedent.lemma.toLowerCase())) return undefined;
  // "C'était sous le hangar que la table était dressée": a passive or an attribute has no object for "que" to be;
  // nor has être itself ("le président qu'il était là pour présider": what he forgot).
  if (childrenWith(tree, word.index, /^(aux:pass|cop)$/u).some((auxiliary) => auxiliary.lemma === "être")) return undefined;
  if (word.lemma === "être") return undefined;
  // "un procès criminel qu'on instruisait et qu'on allait juger": a second relative clause the tagger read as
  // opened by a conjunction would be left as it is, "et qu'on allait juger", after the first rewritten.
  const joinedQue = childrenWith(tree, word.index, /^conj$/u).some((other) => childrenWith(tree, other.index, /^mark$/u).some((mark) => /^(que|qu['’])$/iu.test(mark.form)));
  if (joinedQue) return undefined;
  // "avec autant de mollesse qu'en apportait le parfum": "que" ends a comparison.
  const phraseStart = Math.min(...subtree(tree, antecedent.index));
  const compared = /^(de|d'|d’)$/iu.test(tree.words[phraseStart]!.form) ? tree.words[phraseStart - 1] : tree.words[phraseStart];
  if (/^(autant|plus|moins|tant|trop|assez)$/iu.test(compared?.form ?? "")) return undefined;
  // "la petite toux sèche qu'elle avait augmenta": a passé simple after avoir, which the parse took for its
  // participle, belongs to the clause the relative one sits in ("Elle l'avait augmenta.").
  const afterAvoir = childrenWith(tree, word.index, /^(aux|aux:tense)$/u).some((auxiliary) => auxiliary.lemma === "avoir" && auxiliary.feats.VerbForm === "Fin");
  if (afterAvoir && word.upos === "VERB" && word.feats.VerbForm === "Fin") return undefined;
  // With avoir, a past participle agrees with an object placed before it: "que" was, and so is "la" ("l'avait bâtie").
  // Its ending says which noun that is where the parse hung the clause on another ("des pastilles du sérail
  // qu'elle avait achetées" → "les", not the sérail's "l'").
  const agreed = nounAgreement(tree, antecedent);
  const withAvoir = word.feats.VerbForm === "Part" && childrenWith(tree, word.index, /^aux/u).some((auxiliary) => auxiliary.lemma === "avoir");
  const number = withAvoir && word.feats.Number === "Plur" && /s$/iu.test(word.form) ? "Plur" : agreed.number;
  const gender = withAvoir && word.feats.Gender === "Fem" && /es?$/iu.test(word.form) ? "Fem" : agreed.gender;
  const before = tree.children[word.index]!.filter((child) => {
    const part = tree.words[child]!;
    return child > (inverted ? pronoun.index : subject.index) && child < word.index && (/^aux/u.test(part.deprel) || /^(lui|leur|y|en)$/iu.test(part.form));
  });
  const at = Math.min(word.index, ...before);
  const text = objectPronoun(gender, number, tree.words[at]!.form);
  return { rule: "relative_que", head: word.index, drop: [pronoun.index, ...moved], replace: new Map(), insert: inserts(at, text) };
}

/**
 * The subject a relative clause sets after its verb ("qu'habitait son père
 * depuis dix ans"), as written, when it can be said before the verb: a
 * noun phrase right after the verb, of a few words, with no mark or clause
 * of its own.
 */
function invertedSubject(tree: SentenceTree, verb: TreeWord, subject: TreeWord): { text: string; words: number[] } | undefined {
  if (!/^(NOUN|PROPN)$/u.test(subject.upos) || (childrenWith(tree, subject.index, /^det$/u).length === 0 && subject.upos === "NOUN")) return undefined;
  // "que rehaussent la pâleur des porcelaines, les moires du satin…": a verb that does not agree has more subjects than the parse saw.
  const finite = finiteVerb(tree, verb.index);
  if (childrenWith(tree, subject.index, /^conj$/u).length > 0 || (finite?.feats.Number && subject.feats.Number && finite.feats.Number !== subject.feats.Number)) return undefined;
  // A phrase the parse hung on the subject but for "de" ("son père ‖ depuis dix ans") stays after the verb.
  const hung = tree.children[subject.index]!.filter((child) => {
    const dependent = tree.words[child]!;
    const marks = childrenWith(tree, child, /^case$/u);
    return child > subject.index && /^(nmod|obl|obl:mod|obl:arg)$/u.test(dependent.deprel) && (marks.length === 0 || !/^(de|d'|d’|du|des)$/iu.test(marks[0]!.form));
  });
  const left = new Set(hung.flatMap((child) => subtree(tree, child)));
  const words = subtree(tree, subject.index).filter((index) => !left.has(index));
  if (words[0] !== verb.index + 1 || words.length > 5 || words.some((index, position) => position > 0 && index !== words[position - 1]! + 1)) return undefined;
  if (words.some((index) => tree.words[index]!.upos === "PUNCT" || tree.words[index]!.upos === "VERB" || tree.words[index]!.feats.PronType === "Rel")) return undefined;
  // "que bordait un double ‖ rang de tilleuls", "le confrère ‖ le plus voisin": a noun phrase the parse
  // ended too soon goes on after it; only a phrase of its own, an adverb or a mark may follow.
  const next = tree.words[words.at(-1)! + 1];
  if (next && !/^(ADP|ADV|PUNCT)$/u.test(next.upos)) return undefined;
  // Whole tokens only ("du" is one), written as the book spells them.
  const tokens = [...new Set(words.map((index) => tree.words[index]!.token))];
  if (tokens.some((token) => tree.tokens[token]!.words.some((index) => !words.includes(index)))) return undefined;
  const text = tokens.map((token, position) => tree.tokens[token]!.form + (position < tokens.length - 1 && tree.tokens[token]!.spaceAfter ? " " : "")).join("");
  return { text, words };
}

/**
 * "dont": of the clause's subject or object, the article becomes the
 * antecedent's possessive ("ses souliers, dont la semelle s'était jaunie" →
 * "Leur semelle s'était jaunie."); of the verb, "en" among its clitics ("la
 * lettre dont il avait parlé" → "Il en avait parlé.").
 */
function relativeDont(tree: SentenceTree, clause: TreeWord, dont: TreeWord, antecedent: TreeWord): Extraction | undefined {
  const noun = possessedNoun(tree, clause.index, dont);
  if (noun) {
    const article = childrenWith(tree, noun.index, /^det$/u)[0]!;
    const owners = numberOf(tree, antecedent);
    return { rule: "relative_dont", head: clause.index, drop: [dont.index], replace: new Map([[article.index, possessive(owners, noun)]]), insert: new Map() };
  }
  if (dont.head !== clause.index || !/^(iobj|obl|obl:arg|obl:mod|nmod)$/u.test(dont.deprel)) return undefined;
  // "du ton dont on réprimande", "la façon dont il parlait": dont says how, which en cannot.
  if (/^(ton|façon|manière|air|sorte|mode)$/u.test(antecedent.lemma.toLowerCase())) return undefined;
  // "dont elle était censée m'avoir prié de…": dont completes a word further in, which en cannot reach;
  // "dont il dit : « … »": what follows the colon is what is said of it.
  const saying = /^(dire|écrire|raconter|répondre|demander|ajouter|crier|murmurer|déclarer|répéter|penser)$/u.test(clause.lemma);
  if (saying || childrenWith(tree, clause.index, /^(xcomp|ccomp)$/u).length > 0 || subtree(tree, clause.index).some((index) => /^[:«“]$/u.test(tree.words[index]!.form))) {
    return undefined;
  }
  const subject = subjectOf(tree, clause.index);
  if (!subject || subject.index < dont.index || subject.index > clause.index || !finiteVerb(tree, clause.index)) return undefined;
  // "les substances dont il s'agit": an impersonal il has nothing to say of them ("Il s'en agit.").
  if (/^il$/iu.test(subject.form) && impersonalVerbs.test(clause.lemma)) return undefined;
  // Before the first auxiliary or the verb, after the other clitics: "il s'en souvenait", "il n'en avait rien dit".
  const group = tree.children[clause.index]!.filter((child) => child > subject.index && child < clause.index && /^(aux|cop)/u.test(tree.words[child]!.deprel));
  const at = Math.min(clause.index, ...group);
  return { rule: "relative_dont", head: clause.index, drop: [dont.index], replace: new Map(), insert: new Map([[at, "en"]]) };
}

/**
 * "lequel" after a preposition of place stands for where, as "y" does ("la
 * cabane dans laquelle il dormait" → "Il y dormait."); after "de", for what
 * the verb is about, as "en" does, where no noun comes right before it
 * ("au seuil de laquelle" completes "seuil"). Other prepositions say more
 * than a clitic can, and are left.
 */
function relativeLequel(tree: SentenceTree, clause: TreeWord, pronoun: TreeWord): Extraction | undefined {
  const preposition = childrenWith(tree, pronoun.index, /^case$/u)[0];
  if (!preposition || pronoun.head !== clause.index) return undefined;
  // "au seuil de laquelle nous hésitons": "de laquelle" after a noun completes that noun, not the verb
  // (of a verb, French says "dont").
  const ofNoun = /^(de|d')$/iu.test(preposition.form) && /^(NOUN|PROPN)$/u.test(tree.words[preposition.index - 1]?.upos ?? "");
  if (ofNoun) return undefined;
  const clitic = /^(dans|sur|sous|en)$/iu.test(preposition.form) ? "y" : /^(de|d')$/iu.test(preposition.form) ? "en" : undefined;
  const subject = subjectOf(tree, clause.index);
  if (!clitic || !subject || subject.index < pronoun.index || subject.index > clause.index || !finiteVerb(tree, clause.index)) return undefined;
  const group = tree.children[clause.index]!.filter((child) => child > subject.index && child < clause.index && /^(aux|cop)/u.test(tree.words[child]!.deprel));
  // "dans laquelle il y avait deux vastes ateliers": a clause that has its clitic already takes no second one;
  // "il y a" says where by itself ("Il y avait deux vastes ateliers.").
  const own = tree.children[clause.index]!.some((child) => tree.words[child]!.form.toLowerCase() === clitic);
  if (own) {
    const thereIs = clitic === "y" && clause.lemma === "avoir" && /^il$/iu.test(subject.form);
    if (!thereIs) return undefined;
    return { rule: "relative_lequel", head: clause.index, drop: [preposition.index, pronoun.index], replace: new Map(), insert: new Map(), respelled: [[preposition.form, ""]] };
  }
  return {
    rule: "relative_lequel",
    head: clause.index,
    drop: [preposition.index, pronoun.index],
    replace: new Map(),
    insert: new Map([[Math.min(clause.index, ...group), clitic]]),
    respelled: [[preposition.form, clitic]],
  };
}

/** The phrase starts right after a comma (the comma may hang from the phrase itself). */
function afterComma(tree: SentenceTree, head: number): boolean {
  const first = phraseWords(tree, head)[0] ?? head;
  return tree.words[first - 1]?.form === ",";
}

/** The phrase opens with its conjunction, or follows a mark, a conjunction or the sentence's start. */
function afterBreak(tree: SentenceTree, head: number): boolean {
  const first = phraseWords(tree, head)[0] ?? head;
  if (tree.words[first]!.deprel === "cc") return true;
  const before = tree.words[first - 1];
  return !before || before.index === 0 || before.upos === "PUNCT" || before.upos === "CCONJ";
}

/**
 * Whether `word` is inside a line quoted before `later` ("elle dit: «Ah! mon Dieu!» poussa…"), not
 * a quoted phrase ("La «bonne femme» toucha").
 */
function quotedBefore(tree: SentenceTree, word: number, later: number): boolean {
  const opening = tree.words.slice(1, word).findLast((other) => /^[«“]$/u.test(other.form));
  if (!opening) return false;
  const closing = tree.words.slice(opening.index + 1).find((other) => /^[»”]$/u.test(other.form));
  if (closing === undefined || closing.index < word || closing.index > later) return false;
  return tree.words.slice(opening.index + 1, closing.index).some((other) => /^[.!?…]+$/u.test(other.form) || other.feats.VerbForm === "Fin");
}

function separatedByQuoteOrColon(tree: SentenceTree, first: number, second: number): boolean {
  for (let index = Math.min(first, second) + 1; index < Math.max(first, second); index += 1) {
    const form = tree.words[index]!.form;
    if (/^[:«»“”"]$/u.test(form) && !quotesAName(tree, index)) return true;
  }
  return false;
}

/** A guillemet around a few words and no verb, a term or a title ("Cette «visite pastorale» fut…"), not a line said. */
function quotesAName(tree: SentenceTree, mark: number): boolean {
  const opening = tree.words[mark]!.form === "«";
  if (!opening && tree.words[mark]!.form !== "»") return false;
  const step = opening ? 1 : -1;
  for (let index = mark + step, words = 0; index > 0 && index < tree.words.length && words <= 4; index += step, words += 1) {
    const word = tree.words[index]!;
    if (word.form === (opening ? "»" : "«")) return words > 0;
    if (/^(VERB|AUX|PUNCT)$/u.test(word.upos)) return false;
  }
  return false;
}

/** The finite verb of the clause a word belongs to, for the tense of an added être. */
function governingVerb(tree: SentenceTree, index: number): TreeWord | undefined {
  let word = tree.words[index]!;
  while (word.head > 0) {
    word = tree.words[word.head]!;
    const verb = finiteVerb(tree, word.index);
    if (verb && isPredicate(tree, word.index)) return verb;
  }
  return word.head === 0 ? finiteVerb(tree, word.index) : undefined;
}

// Verbs whose "il" stands for nothing: "il faut", "il s'agit".
const impersonalVerbs = /^(falloir|agir)$/u;
// Verbs that take no direct object, whatever "que" the parse hangs on them.
const noObjectVerbs =
  /^(aller|venir|revenir|arriver|partir|repartir|rester|demeurer|devenir|naître|mourir|tomber|exister|neiger|venter|pleuvoir|rire|sourire|paraître|sembler|jouir|dormir|marcher|courir|nager|mentir|obéir|consister|dépendre|appartenir|ressembler|plaire|nuire|succéder|survivre|réussir|suffire)$/u;
const weatherNouns = /^(froid|chaud|chaleur|temps|vent|soleil|nuit|jour|brouillard|orage|neige|pluie|frais|beau)$/u;

const perceptionVerbs = /^(voir|apercevoir|regarder|entendre|sentir|trouver|imaginer|revoir)$/u;

/**
 * A present participle beside its clause ("…, levant tour à tour le manche
 * de son violon") becomes a sentence in the imperfect with the clause's
 * subject, in a story told in the past: "Il levait tour à tour…". A gerund
 * ("en souriant") stays with its clause.
 */
function presentParticiple(tree: SentenceTree, word: TreeWord, mayBeFronted: boolean): Extraction | undefined {
  if (word.feats.VerbForm !== "Part" || word.feats.Tense !== "Pres" || subjectOf(tree, word.index)) return undefined;
  const marks = childrenWith(tree, word.index, /^mark$/u);
  const gerund = marks.length === 1 && isLongGerund(tree, word, marks[0]!) ? marks[0] : undefined;
  // A gerund with a phrase of its own needs no comma: "Ils s'en revinrent à Yonville en suivant le bord de l'eau",
  // "En entrant dans Yonville, elle caracola sur les pavés."
  // "Craignant beaucoup de tuer son monde, Charles n'ordonnait…": set before its clause, right before the subject.
  const fronted = mayBeFronted && marks.length === 0 && subjectAfterFrontedPhrase(tree, word) !== undefined && opensTheSentence(tree, word);
  if ((marks.length > 0 && !gerund) || (!gerund && !fronted && !afterComma(tree, word.index))) return undefined;
  if (!leftSideReads(tree, word.index)) return undefined;
  let head = tree.words[word.head]!;
  // "abaissant et levant": the second participle takes the first one's clause.
  while (head.deprel === "conj" && head.feats.VerbForm === "Part") head = tree.words[head.head]!;
  // Hung on a noun by the parse, it still describes the clause's subject, unless that noun is the subject.
  while (/^(NOUN|PROPN|PRON)$/u.test(head.upos) && !isPredicate(tree, head.index) && !subjectRelations.test(head.deprel) && head.head > 0) {
    head = tree.words[head.head]!;
  }
  // "elle alla, dans son coeur, montant toujours": aller and its participle are one verb; "on voyait
  // sa sœur débarquant": after a verb of perception, the participle says what was seen.
  if (head.lemma === "aller" || perceptionVerbs.test(head.lemma)) return undefined;
  // "elle finissait en lui demandant quelque sirop": the gerund says how she ended; "Elle finissait." alone says otherwise.
  // (Not "Elle commençait par retirer son peigne, en secouant sa tête": there the verb has its complement.)
  const completed = tree.children[head.index]!.some((child) => child !== word.index && /^(obj|xcomp|ccomp|obl:arg)$/u.test(tree.words[child]!.deprel));
  if (gerund && !completed && /^(finir|commencer|terminer|achever|débuter)$/u.test(head.lemma)) return undefined;
  // "l'interrompit, répliquant d'un ton bourru qu'il n'en fallait pas moins prier", "lui remit…, en lui
  // disant…, à quitter le pays": a que clause or an infinitive after the participle's phrase is the
  // participle's, whatever the parse hangs it on.
  const phraseEnd = Math.max(...subtree(tree, word.index));
  const completion = (child: TreeWord) => child.index > phraseEnd && (child.deprel === "ccomp" || (child.deprel === "xcomp" && child.feats.VerbForm !== "Part"));
  if (word.index > head.index && tree.children[head.index]!.some((child) => completion(tree.words[child]!))) return undefined;
  const nominal = /^(NOUN|PROPN|PRON)$/u.test(head.upos) && !isPredicate(tree, head.index);
  const subject = nominal ? head : sharedSubject(tree, head.index, word.index);
  // "interrompit l'hôtesse, en haussant…": after a speaker set after the verb, the parse's subject is a guess.
  // A line of dialogue ("– Tenez, disait-elle, en tirant…") has its speaker after the verb too.
  const speakerAfter = childrenWith(tree, head.index, subjectRelations).some((other) => other.index > head.index);
  const dialogue = tree.words.some((other) => dialogueMarks.test(other.form));
  if (gerund && (!subject || subject.index > head.index || speakerAfter || dialogue)) return undefined;
  const verb = nominal ? governingVerb(tree, head.index) : (finiteVerb(tree, head.index) ?? governingVerb(tree, head.index));
  if (!subject || !verb || (verb.feats.Tense !== "Imp" && verb.feats.Tense !== "Past")) return undefined;
  // "lorsque parut un domestique, avertissant Monsieur": right after a clause other than the one the parse
  // hangs it on, a participle without "en" may describe that clause's noun; a gerund surely tells what the subject does.
  // A participle of a series ("écoutant en classe, dormant bien au dortoir") goes as the first one does.
  const lead = tree.children[word.head]!.map((child) => tree.words[child]!)
    .find((other) => other.index <= word.index && /^(advcl|conj)$/u.test(other.deprel) && other.feats.VerbForm === "Part" && other.feats.Tense === "Pres") ?? word;
  const before = tree.words.slice(1, lead.index).reverse().find((other) => other.upos !== "PUNCT");
  const clauseOf = (index: number) => {
    let at = tree.words[index]!;
    while (at.head > 0 && !isPredicate(tree, at.index)) at = tree.words[at.head]!;
    return at.index;
  };
  if (!gerund && before && /^(NOUN|PROPN)$/u.test(before.upos) && clauseOf(before.index) !== head.index && !subtree(tree, subject.index).includes(before.index)) return undefined;
  const text = subjectText(tree, subject);
  if (!text) return undefined;
  const number = /^(nous|vous|ils|elles)$/iu.test(text) || (!isRelativePronoun(subject) && numberOf(tree, subject) === "Plur") ? "Plur" : "Sing";
  const person = personOf(text);
  const conjugated = imperfectFromParticiple(word.form, person, number);
  if (!conjugated) return undefined;
  const links = childrenWith(tree, word.index, /^cc$/u);
  const drop = links.filter((link) => link.lemma === "et").map((link) => link.index);
  if (gerund) drop.push(gerund.index);
  const replace = new Map([[word.index, conjugated]]);
  // "abaissant et levant" → "Il abaissait et levait"; but "voyant sa sœur débarquant": what was seen stays as it is.
  const perceived = perceptionVerbs.test(word.lemma) ? [] : childrenWith(tree, word.index, /^conj$/u);
  // The gerund's "en" goes with the participle it marked ("en le rassurant et en le consolant"): a word
  // dropped on purpose, as "" for the closed-list check.
  const gerundMarks = gerund ? [gerund] : [];
  for (const other of perceived) {
    const form = other.feats.VerbForm === "Part" ? imperfectFromParticiple(other.form, person, number) : undefined;
    if (!form) continue;
    replace.set(other.index, form);
    if (gerund) gerundMarks.push(...childrenWith(tree, other.index, /^mark$/u).filter((mark) => /^en$/iu.test(mark.form)));
  }
  drop.push(...gerundMarks.slice(1).map((mark) => mark.index));
  // A pronoun standing for a noun set before it needs the noun said first, as for a past participle.
  const pronounFirst = fronted && subject.upos !== "PRON" && !nameOf(tree, subject);
  return {
    rule: "present_participle",
    head: word.index,
    drop,
    replace,
    insert: new Map([[verbGroupStart(tree, word.index), text]]),
    ...(gerund ? { respelled: gerundMarks.map((mark): [string, string] => [mark.form, ""]) } : {}),
    ...(pronounFirst ? { placeAfter: verb.index } : {}),
  };
}

/**
 * Whether the participle's phrase opens the sentence: with a capital (a text
 * in lower case is the rest of one), and with nothing joined before the
 * participle ("Debout et frémissant").
 */
function opensTheSentence(tree: SentenceTree, participle: TreeWord): boolean {
  const firstWord = tree.words.find((word) => word.index > 0 && word.upos !== "PUNCT");
  if (!firstWord || !/^\p{Lu}/u.test(firstWord.form)) return false;
  const before = subtree(tree, participle.index).filter((index) => index < participle.index && tree.words[index]!.upos !== "PUNCT");
  return !before.some((index, position) => position > 0 && tree.words[index]!.upos === "CCONJ");
}

/**
 * A gerund with a phrase of its own ("en s'avançant d'un air inquiet"),
 * which reads as a sentence in the imperfect; a bare one ("en souriant",
 * "tout en parlant") says how, and stays with its clause.
 */
function isLongGerund(tree: SentenceTree, participle: TreeWord, mark: TreeWord): boolean {
  if (!/^en$/iu.test(mark.form) || mark.index > participle.index) return false;
  // "en attendant que", "en supposant que": conjunctions, not gerunds.
  if (/^(attendre|supposer|admettre)$/u.test(participle.lemma)) return false;
  // Only clitics between "en" and the participle ("en s'avançant"), and nothing before "en" ("tout en").
  for (let index = mark.index + 1; index < participle.index; index += 1) {
    if (!(tree.words[index]!.upos === "PRON" && cliticForms.test(tree.words[index]!.form))) return false;
  }
  if (tree.children[participle.index]!.some((child) => child < mark.index && tree.words[child]!.upos !== "PUNCT")) return false;
  const phrase = subtree(tree, participle.index).filter((index) => index > participle.index && tree.words[index]!.upos !== "PUNCT");
  return phrase.length >= 2;
}

/** The participle aside a participle is joined to ("marqué de petite vérole ‖ et coiffé d'un bonnet"), if it is. */
function joinedParticiple(tree: SentenceTree, word: TreeWord): TreeWord | undefined {
  if (word.deprel !== "conj" || word.feats.VerbForm !== "Part" || word.feats.Tense !== "Past") return undefined;
  const head = tree.words[word.head]!;
  return head.deprel === "acl" && head.feats.VerbForm === "Part" && head.feats.Tense === "Past" && afterComma(tree, head.index) ? head : undefined;
}

function participle(tree: SentenceTree, word: TreeWord): Extraction | undefined {
  // A second participle of the aside describes the same noun: "Il était coiffé d'un bonnet de velours."
  const joined = joinedParticiple(tree, word);
  const noun = tree.words[(joined ?? word).head]!;
  if (word.feats.VerbForm !== "Part" || word.feats.Tense !== "Past" || subjectOf(tree, word.index)) return undefined;
  // "tout passa pour elle", tagged a participle: the lexicon knows the word and not as one.
  const entry = lookUpWord(word.form);
  if (entry && !entry.participle) return undefined;
  // "pour avoir converti son carrosse": a participle with its auxiliary is a compound tense, not an aside.
  if (childrenWith(tree, word.index, /^(aux|aux:tense|aux:pass)$/u).length > 0) return undefined;
  // "les deux coudes sur la table, assis dans son fauteuil": after a part of the body, the aside is about its owner.
  if (bodyParts.test(noun.form) && tree.words[word.index - 1]?.form === ",") return undefined;
  // An aside set off by commas, not a participle that completes its noun ("une maison habitée").
  if (!joined && !afterComma(tree, word.index)) return undefined;
  // The participle agrees with its noun, or the parse joined the wrong words ("elle était retroussés").
  const { gender, number } = agreementOf(noun);
  if (word.feats.Number && word.feats.Number !== numberOf(tree, noun)) return undefined;
  if (word.feats.Gender && gender && word.feats.Gender !== gender && number === "Sing") return undefined;
  // "Emma eût, au contraire, désiré se marier": a participle after être or avoir, an aside between them, is the verb's own.
  // (être or avoir with no object and no attribute is an auxiliary waiting for its participle.)
  const before = tree.words.slice(1, word.index).reverse().find((other) => other.feats.VerbForm === "Fin");
  if (before && /^(avoir|être)$/u.test(before.lemma) && before.deprel !== "cop" && childrenWith(tree, before.index, /^obj$/u).length === 0) {
    return undefined;
  }
  const stand = standIn(tree, noun);
  // "Les jeunes filles, restées seules": a pronoun of the other gender than the participle's is a wrong guess of the noun's.
  if (stand && word.feats.Gender && /^(il|ils|elle|elles)$/u.test(stand) && (word.feats.Gender === "Fem") !== stand.startsWith("elle")) return undefined;
  const verb = governingVerb(tree, word.index);
  // Its noun must belong to that verb's clause: not to a quotation or a list after a colon
  // ("Elle lut: «Jean-Antoine…, tué à la bataille de Coutras»").
  if (!verb || separatedByQuoteOrColon(tree, verb.index, noun.index)) return undefined;
  // An aside describes a state: in a story told in the passé simple it is in the imperfect.
  const etre = verb ? etreLike(verb, numberOf(tree, noun), { pastAsImperfect: true }) : undefined;
  if (!stand || !etre) return undefined;
  const drop = joined ? childrenWith(tree, word.index, /^cc$/u).filter((link) => link.lemma === "et").map((link) => link.index) : [];
  return { rule: "participle", head: word.index, drop, replace: new Map(), insert: new Map([[clauseStart(tree, word.index, drop), `${stand} ${etre}`]]) };
}

/**
 * The subject a participle or adjective phrase set before the clause
 * describes: "Débarrassée de la nourrice, Emma reprit le bras de M. Léon."
 * The phrase opens the sentence (after "Mais" or "Et" at most), ends on a
 * comma, and the subject follows that comma.
 */
function frontedSubject(tree: SentenceTree, word: TreeWord): TreeWord | undefined {
  const participle = word.feats.VerbForm === "Part" && word.feats.Tense === "Past";
  if (!participle && word.upos !== "ADJ") return undefined;
  if (!/^(acl|advcl|amod|conj|dep)$/u.test(word.deprel) && !(participle && word.deprel === "root")) return undefined;
  return subjectAfterFrontedPhrase(tree, word);
}

/**
 * The subject right after the phrase `word` heads, when that phrase opens
 * the sentence and a comma parts it from the subject: "Silencieuse, Emma…",
 * "Craignant beaucoup de tuer son monde, Charles…".
 */
function subjectAfterFrontedPhrase(tree: SentenceTree, word: TreeWord): TreeWord | undefined {
  const phrase = phraseWords(tree, word.index);
  const first = phrase[0]!;
  const last = phrase.at(-1)!;
  if (phrase.length !== last - first + 1 || tree.words[last + 1]?.form !== ",") return undefined;
  if (tree.words.slice(1, first).some((other) => other.upos !== "PUNCT" && other.upos !== "CCONJ")) return undefined;
  // "Quoique fatiguée, …", "Comme piqué…": a conjunction makes it a clause of its own kind.
  if (phrase.some((index) => /^(mark|nsubj|nsubj:pass|cop)$/u.test(tree.words[index]!.deprel) && tree.words[index]!.head === word.index)) return undefined;
  const head = tree.words[word.head]!;
  const verb = word.deprel === "acl" && subjectRelations.test(head.deprel) ? tree.words[head.head]! : head;
  if (verb.index === 0) return undefined;
  const subject = subjectOf(tree, verb.index);
  const subjectStart = subject ? phraseWords(tree, subject.index)[0] : undefined;
  return subject && subject.index > last && subjectStart === last + 2 ? subject : undefined;
}

function frontedParticiple(tree: SentenceTree, word: TreeWord): Extraction | undefined {
  const subject = frontedSubject(tree, word)!;
  const verb = finiteVerb(tree, subject.head);
  if (!verb || verb.feats.Mood === "Imp" || separatedByQuoteOrColon(tree, word.index, subject.index)) return undefined;
  // The phrase agrees with the subject, or the parse joined the wrong words.
  const stand = standIn(tree, subject);
  if (!stand || personOf(stand) !== "3") return undefined;
  const number = numberOf(tree, subject);
  const feminine = /^elles?$/iu.test(stand) || subject.feats.Gender === "Fem";
  if (word.feats.Number && word.feats.Number !== number) return undefined;
  // A name has no gender in the parse ("Débarrassée…, Emma"): the phrase's own says it.
  const gendered = subject.upos !== "PROPN" || subject.feats.Gender !== undefined;
  if (gendered && word.feats.Gender && (word.feats.Gender === "Fem") !== feminine && number === "Sing") return undefined;
  const etre = etreLike(verb, number, { pastAsImperfect: true });
  if (!etre) return undefined;
  const first = phraseWords(tree, word.index)[0]!;
  // A pronoun standing for a noun phrase needs it said first: "Le marmot fut gâté comme un prince. / Il était rentré chez eux."
  const pronoun = subject.upos !== "PRON" && !nameOf(tree, subject);
  return {
    rule: "participle",
    head: word.index,
    drop: [],
    replace: new Map(),
    insert: new Map([[first, `${stand} ${etre}`]]),
    ...(pronoun ? { placeAfter: verb.index } : {}),
  };
}

/**
 * An adjective set off by commas describes the clause's subject, with which
 * it agrees ("Il accusait le ciel, jaloux contre tout le monde"): a sentence
 * with être in the clause's tense, the passé simple as the imperfect.
 */
function adjective(tree: SentenceTree, word: TreeWord): Extraction | undefined {
  if (word.upos !== "ADJ" || isPredicate(tree, word.index) || !afterComma(tree, word.index)) return undefined;
  // One adjective of a list ("grande, belle et forte") goes with the others.
  if (tree.words[word.head]!.upos === "ADJ") return undefined;
  const words = subtree(tree, word.index);
  const after = tree.words[words.at(-1)! + 1];
  if (after && !/^[,;.!?…]$/u.test(after.form)) return undefined;
  if (words.some((index) => tree.words[index]!.feats.VerbForm === "Fin" || tree.words[index]!.form === ",")) return undefined;
  const verb = governingVerb(tree, word.index);
  if (!verb || separatedByQuoteOrColon(tree, verb.index, word.index)) return undefined;
  const clause = auxiliaryRelations.test(verb.deprel) ? tree.words[verb.head]! : verb;
  const subject = sharedSubject(tree, clause.index, word.index);
  const text = subject ? subjectText(tree, subject) : undefined;
  if (!subject || !text || personOf(text) !== "3") return undefined;
  const plural = /^(ils|elles)$/iu.test(text) || (!isRelativePronoun(subject) && numberOf(tree, subject) === "Plur");
  const feminine = /^elles?$/iu.test(text) || subject.feats.Gender === "Fem";
  if (word.feats.Number && (word.feats.Number === "Plur") !== plural) return undefined;
  if (word.feats.Gender && (word.feats.Gender === "Fem") !== feminine) return undefined;
  const etre = etreLike(verb, plural ? "Plur" : "Sing", { pastAsImperfect: true });
  if (!etre) return undefined;
  return { rule: "adjective", head: word.index, drop: [], replace: new Map(), insert: new Map([[clauseStart(tree, word.index, []), `${text} ${etre}`]]) };
}

function apposition(tree: SentenceTree, word: TreeWord): Extraction | undefined {
  if (word.upos !== "NOUN" || childrenWith(tree, word.index, /^det$/u).length === 0) return undefined;
  // Only beside a subject or an object, set off by a comma: elsewhere it is too often a misparse.
  const noun = tree.words[word.head]!;
  if (!/^(nsubj|nsubj:pass|obj|root)$/u.test(noun.deprel)) return undefined;
  if (!afterComma(tree, word.index)) return undefined;
  // "Un repas en tête-à-tête, une promenade le soir, … composaient": a list of
  // subjects before their verb, not an aside about the first.
  if (/^nsubj/u.test(noun.deprel) && word.index < noun.head) return undefined;
  if (childrenWith(tree, noun.index, /^(appos|conj)$/u).length > 1) return undefined;
  const verb = governingVerb(tree, word.index);
  if (!verb) return undefined;
  const plural = agreementOf(word).number === "Plur";
  const text = verb.feats.Tense === "Pres" ? (plural ? "ce sont" : "c'est") : plural ? "c'étaient" : "c'était";
  return { rule: "apposition", head: word.index, drop: [], replace: new Map(), insert: new Map([[clauseStart(tree, word.index, []), text]]) };
}

// The parts of the body a writer poses after a comma ("le dos appuyé contre
// une porte", "les mains jointes"): the phrase says what the subject's body
// was like, as "avait" does.
const bodyParts =
  /^(dos|tête|main|mains|bras|jambe|jambes|pied|pieds|genou|genoux|épaule|épaules|coude|coudes|doigt|doigts|yeux|oeil|œil|regard|visage|figure|front|menton|bouche|lèvres|cou|nuque|taille|corps|cheveux|joues|paupières|poing|poings|poitrine|ventre|chapeau)$/iu;
/**
 * An absolute phrase on a part of the body, set off by commas after its
 * clause ("Charles dormait, le dos appuyé contre une porte"), becomes a
 * sentence with avoir and the clause's subject: "Il avait le dos appuyé
 * contre une porte."
 */
function absolute(tree: SentenceTree, word: TreeWord): Extraction | undefined {
  if (word.upos !== "NOUN" || !bodyParts.test(word.form)) return undefined;
  const article = childrenWith(tree, word.index, /^det$/u)[0];
  if (!article || !/^(le|la|les|l'|l’)$/iu.test(article.form)) return undefined;
  if (!childrenWith(tree, word.index, /^(acl|amod)$/u).some((child) => child.index > word.index && (child.feats.VerbForm === "Part" || child.upos === "ADJ"))) {
    return undefined;
  }
  const words = phraseWords(tree, word.index);
  if (words.some((index, position) => position > 0 && index !== words[position - 1]! + 1 && tree.words[index - 1]!.upos !== "PUNCT")) return undefined;
  if (words.some((index) => tree.words[index]!.feats.VerbForm === "Fin")) return undefined;
  const after = tree.words[words.at(-1)! + 1];
  if (words[0] !== article.index || tree.words[article.index - 1]?.form !== "," || (after && !/^[,;.!?…]$/u.test(after.form))) return undefined;
  // The clause it leaves: the nearest finite verb before it, and that clause's subject.
  let verb: TreeWord | undefined;
  for (let index = article.index - 1; index > 0 && !verb; index -= 1) if (tree.words[index]!.feats.VerbForm === "Fin") verb = tree.words[index];
  if (!verb) return undefined;
  const clause = auxiliaryRelations.test(verb.deprel) ? tree.words[verb.head]! : verb;
  // Of a clause that stands as a sentence, with no noun between it and the phrase (but in a phrase of
  // circumstance) that the phrase could describe instead ("Emma vit des hommes…, le menton posé sur…").
  if (isSubordinate(tree, clause.index) || /^(acl|acl:relcl|advcl|ccomp|csubj)$/u.test(clause.deprel)) return undefined;
  for (let index = clause.index + 1; index < article.index; index += 1) {
    const between = tree.words[index]!;
    const circumstance = between.head === clause.index && /^obl/u.test(between.deprel);
    if (/^(NOUN|PROPN)$/u.test(between.upos) && !circumstance) return undefined;
  }
  const subject = sharedSubject(tree, clause.index, word.index);
  const text = subject && !isRelativePronoun(subject) ? subjectText(tree, subject) : undefined;
  if (!subject || !text || personOf(text) !== "3" || separatedByQuoteOrColon(tree, clause.index, word.index)) return undefined;
  const plural = /^(ils|elles)$/iu.test(text) || (!isRelativePronoun(subject) && numberOf(tree, subject) === "Plur");
  // The body as it was while the clause happened: the passé simple as the imperfect.
  const avoir = avoirLike(verb, plural ? "Plur" : "Sing", { pastAsImperfect: true });
  if (!avoir) return undefined;
  return { rule: "absolute", head: word.index, drop: [], replace: new Map(), insert: new Map([[article.index, `${text} ${avoir}`]]) };
}

/**
 * The verb and its object whose list a noun continues: a conjunct of the
 * object, or a noun phrase after it that the parse hung on the verb ("des
 * rideaux de soie, ‖ un tapis de Turquie" read as a phrase of
 * circumstance): it has an article and no preposition.
 */
function listOf(tree: SentenceTree, word: TreeWord): { verb: TreeWord; object: TreeWord } | undefined {
  const item = word.deprel === "conj" ? tree.words[word.head]! : word;
  if (item.deprel === "obj") return item === word ? undefined : { verb: tree.words[item.head]!, object: item };
  const loose = item.upos === "NOUN" && childrenWith(tree, item.index, /^case$/u).length === 0 && childrenWith(tree, item.index, /^(det|nummod)$/u).length > 0;
  if (!loose) return undefined;
  if (!/^(obl|obl:mod)$/u.test(item.deprel)) return undefined;
  const verb = tree.words[item.head]!;
  const object = childrenWith(tree, verb.index, /^obj$/u).find((other) => other.index < item.index && other.upos === "NOUN");
  if (!object) return undefined;
  // Right after the object and its list, with only a comma between: "sa vielle au flanc" far after it is something else.
  const listEnd = Math.max(...[object, ...childrenWith(tree, object.index, /^conj$/u)].filter((noun) => noun.index < item.index).flatMap((noun) => subtree(tree, noun.index)));
  const between = tree.words.slice(listEnd + 1, subtree(tree, item.index)[0]);
  if (!between.every((other) => other.form === "," || other.lemma === "et")) return undefined;
  // "un trousseau, ‖ le pauvre trésor": two nouns and a comma may be one thing named twice; a list has "et" or a third noun.
  const listed = [object, ...childrenWith(tree, object.index, /^conj$/u), item, ...childrenWith(tree, item.index, /^conj$/u)];
  const joined = listed.some((noun) => childrenWith(tree, noun.index, /^cc$/u).some((link) => link.lemma === "et")) || between.some((other) => other.lemma === "et");
  return joined || listed.length >= 3 ? { verb, object } : undefined;
}

/**
 * A noun phrase of its own: an article or a number, no preposition ("du
 * ménage"), no exclamation ("quelle transfiguration"), no demonstrative set
 * after the clause it sums up ("…des campagnes partout, ces gens").
 */
function isListItem(tree: SentenceTree, noun: TreeWord): boolean {
  const determiners = childrenWith(tree, noun.index, /^(det|nummod)$/u);
  if (determiners.length === 0 || childrenWith(tree, noun.index, /^case$/u).length > 0) return false;
  // "la veille au soir", "tout le monde", "quelque part", "un peu": a time, a quantity, a place said vaguely.
  if (timeNouns.test(noun.lemma) || /^(veille|lendemain|monde|part|peu)$/u.test(noun.lemma)) return false;
  // "le frère le frère", "le cantaro d'Alicante douze": a noun or number with no preposition after
  // the noun is a clause whose verb the writer left out.
  if (childrenWith(tree, noun.index, /^(nmod|nummod|appos|obj|nsubj)$/u).some((child) => child.index > noun.index && /^(NOUN|PROPN|NUM)$/u.test(child.upos) && childrenWith(tree, child.index, /^case$/u).length === 0)) return false;
  // "les abeilles ‖ frappaient contre les carreaux": a finite verb outside a relative clause makes it a subject.
  const finiteInside = subtree(tree, noun.index).filter((index) => tree.words[index]!.feats.VerbForm === "Fin");
  const inRelative = (index: number) => {
    for (let word = tree.words[index]!; word.index !== noun.index && word.head > 0; word = tree.words[word.head]!) if (word.deprel === "acl:relcl") return true;
    return false;
  };
  if (!finiteInside.every(inRelative)) return false;
  return !determiners.some((det) => /^(Int|Exc|Dem)$/u.test(det.feats.PronType ?? ""));
}

/**
 * One noun of a list a verb takes as its object ("Les dames avaient des
 * robes à la façon de la ville, des chaînes de montre en or, des
 * pèlerines…") becomes a sentence with the subject and the verb said again:
 * "Elles avaient des chaînes de montre en or." Not a list joined by "ou"
 * or "ni", whose nouns are not each true, nor a negated verb's.
 */
function objectList(tree: SentenceTree, word: TreeWord): Extraction | undefined {
  const list = listOf(tree, word);
  if (!list) return undefined;
  const { verb, object: first } = list;
  const finite = finiteVerb(tree, verb.index);
  if (verb.upos !== "VERB" || !finite || finite.feats.Mood === "Imp" || isSubjunctive(finite) || verb.index > first.index) return undefined;
  // "je te serai une famille": a noun with its copula is an attribute, and "te" no verb.
  if (isPredicate(tree, first.index) || !lookUpWord(verb.form)?.classes.has("verb")) return undefined;
  // The list ends its clause: a word of the clause after it ("une longue redingote, boutonnée jusqu'au menton")
  // would be left beside the first noun.
  const listWords = new Set([first, ...childrenWith(tree, first.index, /^conj$/u), word, ...childrenWith(tree, word.index, /^conj$/u)].flatMap((noun) => subtree(tree, noun.index)));
  const lastListWord = Math.max(...listWords);
  if (subtree(tree, verb.index).some((index) => index > lastListWord && tree.words[index]!.upos !== "PUNCT")) return undefined;
  if (isSubordinate(tree, verb.index) || tree.children[verb.index]!.some((child) => negations.test(tree.words[child]!.form) || isRelativePronoun(tree.words[child]!))) return undefined;
  const conjuncts = childrenWith(tree, first.index, /^conj$/u);
  if (conjuncts.some((other) => childrenWith(tree, other.index, /^cc$/u).some((link) => link.lemma !== "et"))) return undefined;
  // Every other noun of the list goes too, or none does: one left behind would stand beside the first.
  const items = [...conjuncts, ...(word.deprel === "conj" ? [] : [word, ...childrenWith(tree, word.index, /^conj$/u)])];
  if (!items.every((item) => isListItem(tree, item))) return undefined;
  // "la chandelle qu'elle tenait ‖ vacillait": a noun phrase followed by more than a mark is a new clause's subject.
  const after = tree.words[subtree(tree, word.index).at(-1)! + 1];
  if (after && !/^[,.;!?…]$/u.test(after.form) && after.lemma !== "et") return undefined;
  if (tree.words.slice(verb.index + 1, word.index).some((other) => /^(—|–|--|-|\(|\))$/u.test(other.form))) return undefined;
  // "une souffrance, une nausée inexplicables": an adjective in the plural after a noun in the singular is the whole list's.
  if ([word, ...conjuncts].some((noun) => noun.feats.Number === "Sing" && childrenWith(tree, noun.index, /^amod$/u).some((adj) => adj.index > noun.index && adj.feats.Number === "Plur"))) return undefined;
  // "Il faisait, l'hiver, de nombreuses distributions": a noun set off after the verb says when, and is no object.
  if (tree.words.slice(verb.index + 1, first.index).some((other) => other.form === ",")) return undefined;
  // Each noun is a phrase of its own after a comma or "et", not the parse joining a noun's complement.
  if (!afterBreak(tree, word.index) || separatedByQuoteOrColon(tree, verb.index, word.index)) return undefined;
  const subject = subjectOf(tree, verb.index) ?? (isJoinedClause(tree, verb) && afterBreak(tree, verb.index) ? sharedSubject(tree, verb.head, verb.index) : undefined);
  if (!subject || subject.index > verb.index) return undefined;
  const text = namedAgain(tree, subject) ?? subjectText(tree, subject);
  const number = isRelativePronoun(subject) ? undefined : numberOf(tree, subject);
  if (!text || !agrees(text, finite, number ?? "Sing")) return undefined;
  // The verb group as the book writes it: clitics, auxiliaries, the verb ("y avait", "s'étaient mis").
  const group: number[] = [];
  for (let index = verbGroupStart(tree, verb.index); index <= verb.index; index += 1) {
    const other = tree.words[index]!;
    if (index === verb.index || (other.head === verb.index && (/^aux/u.test(other.deprel) || (other.upos === "PRON" && cliticForms.test(other.form))))) group.push(index);
    else return undefined;
  }
  const spoken = withElisions(group.map((index) => tree.words[index]!.form).join(" "));
  const drop = childrenWith(tree, word.index, /^cc$/u).map((link) => link.index);
  // "et, quelque temps après, un nécessaire d'ivoire": an aside that opens the item keeps both its commas,
  // the verb said before the first ("Elle voulut, quelque temps après, un nécessaire d'ivoire.").
  const start = clauseStart(tree, word.index, drop);
  const asideOpens = drop.length > 0 && tree.words[start - 1]?.form === "," && start - 1 === Math.max(...drop) + 1 && start < word.index;
  return { rule: "list", head: word.index, drop, replace: new Map(), insert: new Map([[asideOpens ? start - 1 : start, withSubject(text, spoken)]]) };
}

// A clause beside another, after a comma or a semicolon; without a subject
// of its own it is a coordinated predicate ("Il s'assit, prit une plume").
function parataxis(tree: SentenceTree, word: TreeWord): Extraction | undefined {
  if (correlated(tree, word)) return undefined;
  const subject = subjectOf(tree, word.index);
  if (!subject) return coordination(tree, word);
  if (subject.index > word.index || !finiteVerb(tree, word.index) || isSubordinate(tree, word.index)) return undefined;
  if (isRelativePronoun(subject)) return undefined;
  // "Car enfin, exclamait-il en gesticulant, je ne peux pas m'expatrier, avoir…": a line the parse hung
  // on the speaker's clause stays with it, as "dit-il" stays with its line.
  if (underInvertedSpeaker(tree, word)) return undefined;
  // "Ce qui la retenait, sans doute, c'était la paresse": the clause says what "ce qui…" names, which the
  // parse hangs on that relative clause; apart, "Ce qui la retenait, sans doute." is no sentence.
  const owner = tree.words[word.head]!;
  const namesIt = owner.deprel === "acl:relcl" && /^(ce|celui|celle|ceux|celles)$/iu.test(tree.words[owner.head]!.form);
  if (namesIt && /^(c['’]|ce)$/iu.test(subject.form)) return undefined;
  return { rule: "parataxis", head: word.index, drop: [], replace: new Map(), insert: new Map() };
}

/**
 * "en homme discret", "en petit comité", "en dix-neuf ans": "en" without an
 * article says how or how long, not where or when; with an article, only a
 * time or places do ("en ce moment", "en divers lieux"): "en sa pensée",
 * "en un frisson rapide", "en une pluie de baisers" say in or into what.
 */
function saysHow(tree: SentenceTree, phrase: TreeWord, preposition: TreeWord): boolean {
  if (!/^en$/iu.test(preposition.form)) return false;
  return childrenWith(tree, phrase.index, /^det$/u).length === 0 || !(timeNouns.test(phrase.lemma) || /^lieu$/u.test(phrase.lemma));
}

// Prepositions whose phrase says where or when, and reads after "C'était"
// ("C'était chez le président."). "Sur", "par", "pour", "avec" and "contre"
// open a verb's complement as often ("discourir sur", "élevé par", "se
// battre avec"), and so do "de" and "à", unless the parse calls the phrase
// a modifier ("au bord d'un fossé"). Not "malgré" and "sans": "C'était
// malgré tous ses efforts.", "C'était sans sa maman." say against or without
// what, and nothing the phrase was; nor "jusque", which says how far the
// verb goes ("remplis de vin jusqu'au bord", "tout s'effaça, jusqu'à son
// nom"), not where or when.
const adjunctPrepositions =
  /^(dans|sous|chez|devant|derrière|vers|entre|pendant|depuis|parmi|selon|en|près|auprès|autour|loin|au-dessus|au-dessous|durant|dès|après|avant)$/iu;
const placePrepositions = /^(sous|dans|devant|derrière|chez|parmi|pendant|durant|depuis|dès|entre|vers)$/iu;
// Conjunctions whose clause reads after "C'était" and keeps its link to the clause it leaves.
// "pour se tenir au courant", "afin de mieux voir": a purpose, said as "C'était pour …".
const purpose = /^(pour|afin)$/iu;
const adjunctConjunctions = /^(quand|lorsque|lorsqu'|lorsqu’|parce|pendant|depuis|dès|avant|après|tandis)$/iu;
const negations = /^(ne|n'|n’|pas|point|jamais|rien|guère|personne|nullement)$/iu;
// Nouns of adverbial phrases: "à la fois", "au moins", "au contraire", "du reste", "au lieu de".
const fixedPhraseNouns = /^(fois|moins|contraire|reste|fait|hasard|lieu)$/iu;
// Verbs of movement and of putting something somewhere: the phrase of place is where it goes, their
// complement, no "C'était" of its own ("entra dans la maison", "appuyait la main sur sa gorge").
const movementVerbs =
  /^(entrer|rentrer|sortir|aller|venir|revenir|arriver|pénétrer|monter|descendre|partir|retourner|tomber|passer|mettre|remettre|placer|poser|jeter|conduire|mener|porter|courir|s'asseoir|asseoir|plonger|glisser|abaisser|baisser|lever|pencher|tourner|diriger|fixer|répandre|appuyer|presser|serrer|coller|attacher|accrocher|suspendre|enfoncer|planter|appliquer|cacher|enfermer|ranger|verser)$/u;

// Verbs whose phrase opened by "à" is their object, never a circumstance.
const objectAfterÀ =
  /^(ressembler|songer|penser|réfléchir|obéir|désobéir|succéder|assister|renoncer|consentir|appartenir|nuire|plaire|déplaire|répondre|échapper|parvenir|aboutir|participer|survivre|remédier|s'habituer|habituer|s'attacher|s'intéresser|s'attendre|s'adresser|adresser|s'opposer|s'abandonner|se livrer|céder|croire|rêver|pourvoir|suffire)$/u;

/**
 * A phrase saying where, when or why ("chez le président", "quand il
 * entra dans les Bertaux") taken out of its clause as "C'était …", in the
 * clause's tense. Never out of a negated clause, a question or an order,
 * whose scope it would leave.
 */
function adjunct(tree: SentenceTree, word: TreeWord, sentenceHeads: ReadonlySet<number>): Extraction | undefined {
  const aside = subjectAside(tree, word);
  const attached = aside ?? tree.words[word.head]!;
  // "Elle se mit à marcher devant lui dans l'escalier": the phrase of an infinitive is in the clause of the verb it completes.
  // (Also "Il fallait nous retirer pour laisser dormir ce voyageur", the infinitive the parse makes falloir's subject.)
  const completed = attached.feats.VerbForm === "Inf" && /^(xcomp|ccomp|csubj)$/u.test(attached.deprel) ? tree.words[attached.head]! : undefined;
  const clause = completed ?? attached;
  if (!isPredicate(tree, clause.index) || !finiteVerb(tree, clause.index)) return undefined;
  // Only from a clause that is, or may become, a sentence of its own: out of "que son père était
  // mort", "C'était pendant la nuit" would say when she learnt it.
  if (!sentenceHeads.has(clause.index)) return undefined;
  if (completed && tree.children[attached.index]!.some((child) => negations.test(tree.words[child]!.form))) return undefined;
  // "donnait envie de mordre dans les pommes de ses joues": what the parse calls an infinitive's argument completes it.
  if (completed && word.deprel === "obl:arg" && !aside) return undefined;
  // "C'était la mère Gerbaud avec son petit dans ses bras": after a noun, the phrase describes it.
  if (/^(NOUN|PROPN|PRON)$/u.test(clause.upos)) return undefined;
  const first = phraseWords(tree, word.index)[0]!;
  const opener = tree.words[first]!;
  const opens =
    aside ? opener.deprel === "case" && opener.head === word.index && adjunctPrepositions.test(opener.form)
    : /^(obl|obl:mod|obl:arg)$/u.test(word.deprel) ?
      opener.deprel === "case" && opener.head === word.index &&
      (adjunctPrepositions.test(opener.form) || (word.deprel === "obl:mod" && /^à$/iu.test(opener.form)) || betweenCommas(tree, word.index))
    : word.deprel === "advcl" ? opener.deprel === "mark" && opener.head === word.index &&
      ((adjunctConjunctions.test(opener.form) && !!finiteVerb(tree, word.index)) || (purpose.test(opener.form) && word.feats.VerbForm === "Inf"))
    : false;
  if (!opens || !setOff(tree, word)) return undefined;
  // "à" or "de" right after a noun describes it ("un homme de cinquante ans, à la peau blanche").
  const previous = tree.words.slice(1, first).reverse().find((other) => other.upos !== "PUNCT");
  if (/^(à|de|d'|d’|au|aux|du|des)$/iu.test(opener.form) && previous && /^(NOUN|PROPN|ADJ|NUM)$/u.test(previous.upos)) return undefined;
  if (saysHow(tree, word, opener) || opensOnAdverb(tree, phraseWords(tree, word.index))) return undefined;
  // "dans son coup d'oeil clair, dans son accent ferme, dans…": one phrase of a list goes with the others.
  const sameOpening = (other: TreeWord) => other.index !== word.index && childrenWith(tree, other.index, /^case$/u).some((mark) => mark.form.toLowerCase() === opener.form.toLowerCase());
  if (childrenWith(tree, clause.index, /^(obl|obl:mod|obl:arg)$/u).some(sameOpening) || childrenWith(tree, word.index, /^conj$/u).length > 0) return undefined;
  // A phrase on a number or a pronoun ("Dans trois, …") stands for something said before; a bare
  // noun makes a fixed phrase ("sans doute", "en effet") that says nothing after "C'était".
  const bare = childrenWith(tree, word.index, /^(det|nmod|amod|nummod)$/u).length === 0;
  if (word.deprel !== "advcl" && word.upos !== "PROPN" && (word.upos !== "NOUN" || bare || fixedPhraseNouns.test(word.lemma))) return undefined;
  // A verb inside a phrase of place ("à partir pour Rouen") is the parse mistaking a verb's complement
  // for it; but a time has its clause: "au moment où le couteau allait tomber".
  const timeClause = timeNouns.test(word.lemma) ? childrenWith(tree, word.index, /^acl:relcl$/u).flatMap((clause) => subtree(tree, clause.index)) : [];
  const verbInside = subtree(tree, word.index).some((index) => /^(VERB|AUX)$/u.test(tree.words[index]!.upos) && tree.words[index]!.feats.VerbForm !== "Part" && !timeClause.includes(index));
  // A purpose completes an adjective ("un peu souffrante pour se mettre en route") or a degree anywhere
  // before it ("allé trop loin pour pouvoir rebrousser chemin"); "pour ainsi dire" says how, not why.
  if (purpose.test(opener.form)) {
    // (Also "avait suffi pour remplir de clarté…", "arriva à temps pour voir…": enough for it, no purpose.)
    const degree = tree.words.some((other) => other.index < word.index && /^(trop|assez|suffisamment|tellement)$/iu.test(other.form)) ||
      clause.lemma === "suffire" || /^temps$/iu.test(tree.words[first - 1]?.form ?? "");
    if (clause.upos === "ADJ" || degree || (/^(dire|parler)$/u.test(word.lemma) && childrenWith(tree, word.index, /^(obj|ccomp)$/u).length === 0)) return undefined;
  }
  if (word.deprel !== "advcl" && verbInside) return undefined;
  if (word.deprel !== "advcl" && holdsAnObject(tree, word.index, subtree(tree, word.index))) return undefined;
  // Not out of a quotation or a title in italics ("_Au commencement l'esprit de Dieu flottait sur les eaux_").
  if (separatedByQuoteOrColon(tree, 0, word.index) || tree.words.some((other) => other.form === "_")) return undefined;
  const verb = finiteVerb(tree, clause.index)!;
  if (verb.feats.Mood === "Imp" || tree.words.some((other) => other.form === "?")) return undefined;
  // "Comme elle était triste le dimanche, quand on sonnait les vêpres!": an exclamation is said whole.
  const opening = tree.words.find((other) => other.index > 0 && other.upos !== "PUNCT");
  if (/^(comme|que|qu'|qu’|quel|quelle|quels|quelles)$/iu.test(opening?.form ?? "") && tree.words.some((other) => other.form === "!")) return undefined;
  // "il entra dans la maison": where one goes is the verb's complement, not a circumstance.
  // An hour is no place, though: "arrivèrent à Tostes, vers six heures".
  const time = timeNouns.test(word.lemma) && childrenWith(tree, word.index, /^(nummod|det)$/u).length > 0;
  if (word.deprel !== "advcl" && !time && movementVerbs.test(attached.lemma)) return undefined;
  // "ressemblait à une heure de sa journée", "songeait à sa mère": what these verbs say "à" to is their object.
  if (/^(à|au|aux)$/iu.test(opener.form) && objectAfterÀ.test(attached.lemma)) return undefined;
  // A negation reaches a phrase inside its clause, not a "quand" clause set before it: "Quand ils
  // arrivèrent chez eux, le dîner n'était point prêt."
  const clauseEnd = phraseWords(tree, word.index).at(-1)!;
  const frontedClause = word.deprel === "advcl" && word.index < clause.index && afterBreak(tree, word.index) && tree.words[clauseEnd + 1]?.form === ",";
  if (!frontedClause && tree.children[clause.index]!.some((child) => negations.test(tree.words[child]!.form))) return undefined;
  // "Aux angles, se dressait l'eau de vie": a phrase set before its clause put the subject after the verb,
  // and the clause without it would open on its verb.
  const subjects = childrenWith(tree, clause.index, /^(nsubj|nsubj:pass|expl:subj)$/u);
  const inverted = subjects.some((subject) => subject.index > clause.index && subject.upos !== "PRON") || (subjects.length === 0 && clause.head === 0 && word.deprel !== "advcl");
  if (word.index < clause.index && inverted) return undefined;
  // "se mêlaient en ce moment tous les fils": nor one between the verb and its subject after it.
  if (word.index > clause.index && subjects.some((subject) => subject.index > word.index && subject.upos !== "PRON")) return undefined;
  // "Il y a dans notre civilisation des heures redoutables": "il y a" with nothing after it but the
  // phrase (the parse took what there is for part of it) would be left saying nothing.
  const rest = tree.children[clause.index]!.filter((child) => child > clause.index && child !== word.index && !bareAdverbOrMark(tree, child));
  if (saysThereIs(tree, clause.index) && rest.length === 0) return undefined;
  const text = presentational(tree, clause, verb, "Sing");
  // "…, au moment où le couteau allait tomber, il lui dit:": a clause that announces the next line stays
  // last, right before it; the phrase set before it stays before it.
  const clauseLast = Math.max(...phraseWords(tree, clause.index));
  const announces = word.index < clause.index && tree.words.at(-1)?.form === ":" && tree.words.slice(clauseLast + 1).every((other) => other.upos === "PUNCT");
  const placeAfter = announces ? Math.min(...subtree(tree, clause.index)) - 1 : word.head;
  return { rule: "adjunct", head: word.index, drop: [], replace: new Map(), insert: new Map([[first, text]]), placeAfter };
}

type StoryTense = "Pres" | "Fut" | "Cnd" | "Past";

/** The tense a sentence said of a clause's phrase takes: the clause's own, but the passé simple and composé are the past. */
function storyTense(tree: SentenceTree, clause: TreeWord, verb: TreeWord): StoryTense {
  // "a été ruinée": the passé composé tells of the past too.
  const compound = verb.index !== clause.index && verb.deprel === "aux:tense";
  // "se rétablit", "revit": the passé simple of many verbs is spelt as their present. Outside dialogue
  // and with no other verb in the present, the story is told in the past.
  const otherPresent = tree.words.some((other) => other !== verb && other.feats.VerbForm === "Fin" && other.feats.Tense === "Pres");
  const dialogue = tree.words.some((other) => dialogueMarks.test(other.form));
  const present = verb.feats.Tense === "Pres" && !(/it$/u.test(verb.form) && !otherPresent && !dialogue);
  // "il en faudrait deux": ce serait.
  return verb.feats.Mood === "Cnd" ? "Cnd" : compound ? "Past" : present ? "Pres" : verb.feats.Tense === "Fut" ? "Fut" : "Past";
}

/** "C'était", "c'est", "ce sera" or "ce serait" (plural: "c'étaient", "ce sont"…), in the tense of the clause a phrase comes from. */
function presentational(tree: SentenceTree, clause: TreeWord, verb: TreeWord, number: GrammaticalNumber): string {
  const forms = { Pres: ["c'est", "ce sont"], Fut: ["ce sera", "ce seront"], Cnd: ["ce serait", "ce seraient"], Past: ["c'était", "c'étaient"] }[storyTense(tree, clause, verb)];
  return forms[number === "Plur" ? 1 : 0]!;
}

/** "était", "est", "sera" or "serait" (plural: "étaient", "sont"…), as presentational says it after "ce". */
function storyEtre(tree: SentenceTree, clause: TreeWord, verb: TreeWord, number: GrammaticalNumber): string {
  const forms = { Pres: ["est", "sont"], Fut: ["sera", "seront"], Cnd: ["serait", "seraient"], Past: ["était", "étaient"] }[storyTense(tree, clause, verb)];
  return forms[number === "Plur" ? 1 : 0]!;
}

/** The clause `word` sits in: the nearest predicate up from it with a finite verb, and that verb. */
function enclosingClause(tree: SentenceTree, word: TreeWord): { clause: TreeWord; verb: TreeWord } | undefined {
  let clause = tree.words[word.head];
  while (clause && clause.index > 0 && !(isPredicate(tree, clause.index) && finiteVerb(tree, clause.index))) clause = tree.words[clause.head];
  const verb = clause && clause.index > 0 ? finiteVerb(tree, clause.index) : undefined;
  return clause && verb ? { clause, verb } : undefined;
}

/**
 * A long subject said first, as "C'était …", and its clause opened on the
 * pronoun standing for it: "La flamme de la cheminée faisait trembler au
 * plafond une clarté joyeuse." → "C'était la flamme de la cheminée. / Elle
 * faisait trembler au plafond une clarté joyeuse." A last resort, like the
 * adjunct rule, for a clause no other rule brought within the limit; only
 * outside dialogue, for a noun with its article right before its verb.
 */
function heavySubject(
  tree: SentenceTree,
  word: TreeWord,
  sentenceHeads: ReadonlySet<number>,
  clauses: ReadonlyMap<number, Extraction>,
): Extraction | undefined {
  if (!/^(nsubj|nsubj:pass)$/u.test(word.deprel) || word.upos !== "NOUN") return undefined;
  const clause = tree.words[word.head]!;
  const verb = finiteVerb(tree, clause.index);
  if (!verb || !sentenceHeads.has(clause.index) || isSubordinate(tree, clause.index) || word.index > clause.index) return undefined;
  // "Tous les enfants du village, les garçons comme les filles, couraient": a second subject says the
  // first again; with the first a quantity, which is never presented, the pronoun would stand beside
  // it ("…du village ils couraient").
  const quantity = (other: TreeWord) => /^(tout|toute|tous|toutes|chaque|aucun|aucune|nul|nulle|plusieurs|certains|certaines)$/iu.test(tree.words[subtree(tree, other.index)[0]!]!.form);
  if (childrenWith(tree, clause.index, subjectRelations).some((other) => other.index !== word.index && quantity(other))) return undefined;
  // "Le coup de sonnette d'Eulalie, s'il arrivait…": a subject pronoun after the noun is a clause's own, which
  // the parse joined to this one; a second pronoun would stand beside it ("Il s'il arrivait").
  if (childrenWith(tree, clause.index, subjectRelations).some((other) => other.index > word.index && other.upos === "PRON")) return undefined;
  if (verb.feats.Mood === "Imp" || isSubjunctive(verb) || tree.words.some((other) => other.form === "?" || dialogueMarks.test(other.form))) return undefined;
  // A clause in the subject that another rule takes out ("la lumière des lampes, rabattue sur le
  // tapis vert, laissait"): the subject goes only once it is.
  const asides = tree.children[word.index]!.filter((child) => child > word.index && clauses.has(child));
  const inAside = new Set(asides.flatMap((aside) => subtree(tree, aside)));
  const phrase = subtree(tree, word.index).filter((index) => !inAside.has(index));
  const first = phrase[0]!;
  const last = phrase.at(-1)!;
  const group = verbGroupStart(tree, clause.index);
  const between = tree.words.slice(last + 1, group);
  if (group <= last || between.some((other) => !inAside.has(other.index) && other.upos !== "PUNCT")) return undefined;
  // The verb group is one run of words ("ne la faisait"), no aside inside it: the pronoun goes before it, and
  // "s'il arrivait…" or "ajouta-t-il" read as part of it would take the pronoun ("Il s'il arrivait").
  if (tree.words.slice(group, clause.index).some((other) => other.upos === "PUNCT" || (other.head !== clause.index && (other.head < group || other.head > clause.index)))) return undefined;
  // The whole noun phrase, unbroken by an aside, and the verb group right after it; a phrase of
  // nouns and their articles and adjectives ("le sommeil recommençant ne lui laissa pas", "tant une
  // passion est en nous", "mes parents du reste commençaient": not said alone).
  if (phrase.length !== last - first + 1 || phrase.some((index) => !/^(DET|ADJ|NOUN|PROPN|ADP|NUM|CCONJ)$/u.test(tree.words[index]!.upos))) return undefined;
  // "la pauvre bête en effet": a fixed phrase inside the subject is the clause's.
  if (phrase.some((index) => index !== word.index && /^(effet|reste|doute|moins|fait|lieu|hasard|contraire|fois|outre)$/u.test(tree.words[index]!.lemma))) return undefined;
  // "des taches de graisse et de tabac": a noun after "et de" completes another, the subject is one.
  if (childrenWith(tree, word.index, /^conj$/u).some((other) => childrenWith(tree, other.index, /^case$/u).length > 0)) return undefined;
  // "Bien d'autres choses lui déplurent": a quantity said before the subject is part of it.
  if (/^(bien|tant|trop|beaucoup|peu|assez|plus|moins)$/iu.test(tree.words[first - 1]?.form ?? "")) return undefined;
  // "Les propos d'amour sont des nuées": "Ils sont des nuées" is no French.
  if (/^(NOUN|PROPN|PRON|NUM)$/u.test(clause.upos)) return undefined;
  // "un détachement se faisait qui la déliait": a relative clause hung on the verb belongs to the subject.
  if (childrenWith(tree, clause.index, /^acl:relcl$/u).length > 0 || tree.words[clause.index + 1] && isRelativePronoun(tree.words[clause.index + 1]!)) return undefined;
  if (childrenWith(tree, word.index, /^det$/u).length === 0) return undefined;
  // "la porte se referma": a pronoun for two words saves one, and "C'était la porte." would say more than the book.
  if (countWords(phrase.map((index) => tree.words[index]!.form).join(" ")) < 3) return undefined;
  // "quelque chose de plus considérable était survenu": the thing is said after its verb; "_Un vent_": a title.
  if (/^(quelque|autre)$/iu.test(tree.words[first]!.form) || word.lemma === "fois" || tree.words.some((other) => other.form === "_")) return undefined;
  // "Que la flamme…": a subject after a conjunction or a relative pronoun is in a clause that cannot stand
  // alone, also a "que" the tagger took for a determiner ("Que monseigneur Bienvenu faisait durer…").
  const before = tree.words[first - 1];
  if ((before && (before.upos === "SCONJ" || isRelativePronoun(before))) || startsOnQue(tree, first)) return undefined;
  const pronoun = standIn(tree, word);
  const number = numberOf(tree, word);
  if (!pronoun || !/^(il|elle|ils|elles)$/u.test(pronoun) || !agrees(pronoun, verb, number)) return undefined;
  // "les jeunes filles étaient amies", misread as "les jeunes" with "filles" describing them.
  if (!agreesWithPredicate(tree, clause, pronoun)) return undefined;
  return {
    rule: "subject",
    head: word.index,
    drop: [],
    replace: new Map(),
    insert: new Map([[first, presentational(tree, clause, verb, number)]]),
    standIn: new Map([[group, pronoun]]),
    requires: asides,
  };
}

/**
 * The clause whose subject a phrase between commas follows, right before
 * its verb ("M. Homais, vers les liqueurs, entonna…"): the parse hangs the
 * phrase on the subject, but set off there it says when or where.
 */
function subjectAside(tree: SentenceTree, word: TreeWord): TreeWord | undefined {
  if (word.deprel !== "nmod") return undefined;
  const noun = tree.words[word.head]!;
  if (!subjectRelations.test(noun.deprel)) return undefined;
  const phrase = phraseWords(tree, word.index);
  const first = phrase[0]!;
  const last = phrase.at(-1)!;
  if (phrase.length !== last - first + 1 || tree.words[first - 1]?.form !== "," || tree.words[last + 1]?.form !== ",") return undefined;
  const inPhrase = new Set(phrase);
  // The phrase closes the subject: nothing of the noun's own after it.
  if (subtree(tree, noun.index).some((index) => index > last && !inPhrase.has(index) && tree.words[index]!.upos !== "PUNCT")) return undefined;
  const verb = tree.words[noun.head]!;
  return verb.index > last && verbGroupStart(tree, verb.index) === last + 2 ? verb : undefined;
}

/**
 * A phrase between two commas inside its clause ("Il chassait, à coups de
 * motte de terre, les corbeaux"): the writer's own aside, whatever its
 * preposition, and not the verb's complement.
 */
function betweenCommas(tree: SentenceTree, head: number): boolean {
  const words = subtree(tree, head);
  const first = words.find((index) => tree.words[index]!.upos !== "PUNCT")!;
  const last = words.filter((index) => tree.words[index]!.upos !== "PUNCT").at(-1)!;
  const clause = tree.words[head]!.head;
  // After a noun, a phrase between commas describes it ("un homme de cinquante ans, à la peau blanche,").
  const before = tree.words[first - 2];
  if (!before || /^(NOUN|PROPN|ADJ|NUM)$/u.test(before.upos)) return false;
  return tree.words[first - 1]?.form === "," && tree.words[last + 1]?.form === "," && first > clause && subtree(tree, clause).at(-1)! > last + 1;
}

/**
 * A phrase the writer set apart, so that the parse's attachment can be
 * trusted: between commas (or the sentence's edges), or a modifier that
 * ends the sentence ("Il se remettait au travail dans ses habits mouillés.").
 */
function setOff(tree: SentenceTree, word: TreeWord): boolean {
  const words = phraseWords(tree, word.index);
  // A comma inside a phrase of place or time means the parse hung more on it than belongs ("au dessert, le bouchon").
  const inside = tree.words.slice(words[0]!, words.at(-1)! + 1);
  if (word.deprel !== "advcl" && inside.some((other) => other.upos === "PUNCT")) return false;
  const before = words[0]! > 1 ? tree.words[words[0]! - 1] : undefined;
  const after = tree.words[words.at(-1)! + 1];
  const opens = !before || /^[,;:«“—–-]$/u.test(before.form) || before.form === "--";
  const closes = !after || /^[,;:»”]$/u.test(after.form);
  const endsSentence = after !== undefined && /^[.!?…]$/u.test(after.form) && words.at(-1)! + 2 >= tree.words.length;
  // The parse calls many a phrase of place ending the sentence a complement ("reluisaient sous la lumière
  // âpre du ciel bleu"); these prepositions say where or when whatever the verb (verbs of movement aside).
  const placeOrTime = word.deprel === "obl:arg" && childrenWith(tree, word.index, /^case$/u).some((mark) => placePrepositions.test(mark.form));
  return (opens && (closes || endsSentence)) || (endsSentence && (word.deprel === "obl:mod" || word.deprel === "advcl" || placeOrTime));
}

/**
 * Every phrase the last-resort rules could take out of the main clause or a
 * clause the other rules take out, by its head: the adjunct rule's, then the
 * heavy subject's.
 */
function findLastResorts(tree: SentenceTree, clauses: ReadonlyMap<number, Extraction>): Map<number, Extraction>[] {
  const sentenceHeads = new Set([...tree.children[0]!, ...clauses.keys()]);
  return [adjunct, heavySubject].map((rule) => {
    const found = new Map<number, Extraction>();
    for (const word of tree.words.slice(1)) {
      const extraction = rule(tree, word, sentenceHeads, clauses);
      if (extraction) found.set(word.index, extraction);
    }
    return found;
  });
}

/** Every clause a rule could take out of the sentence, by its head. */
function findExtractions(tree: SentenceTree, options: RuleOptions): Map<number, Extraction> {
  const found = new Map<number, Extraction>();
  for (const word of tree.words.slice(1)) {
    const opensWithRelative = word.deprel !== "acl:relcl" && relativePronounOf(tree, word.index) !== undefined;
    const presentParticipleAside =
      word.feats.VerbForm === "Part" && word.feats.Tense === "Pres" && /^(acl|advcl|conj)$/u.test(word.deprel);
    const extraction =
      bodyParts.test(word.form) && word.upos === "NOUN" ? absolute(tree, word)
      : frontedSubject(tree, word) ? frontedParticiple(tree, word)
      : word.upos === "ADJ" && /^(amod|acl|advcl|appos)$/u.test(word.deprel) ? adjective(tree, word)
      : opensWithRelative ? relative(tree, word)
      : presentParticipleAside ? presentParticiple(tree, word, options.frontedParticiples ?? true)
      : joinedParticiple(tree, word) ? participle(tree, word)
      : /^(conj|obl|obl:mod)$/u.test(word.deprel) && /^(NOUN|PROPN)$/u.test(word.upos) && !isPredicate(tree, word.index) && listOf(tree, word) ? objectList(tree, word)
      : word.deprel === "conj" || (/^(advcl|parataxis:insert)$/u.test(word.deprel) && isJoinedClause(tree, word)) ? coordination(tree, word)
      : word.deprel === "acl:relcl" ? relative(tree, word)
      : word.deprel === "acl" ? participle(tree, word)
      : word.deprel === "appos" ? apposition(tree, word)
      : word.deprel === "parataxis" ? parataxis(tree, word)
      : undefined;
    if (extraction && !(extraction.rule.startsWith("relative") && announcesWhatFollows(tree, word.index))) found.set(word.index, extraction);
  }
  return found;
}

/**
 * "avec un geste qui signifiait: «Je l'écraserais…»": a relative clause
 * right before a colon it does not hold, with words after it, announces
 * them, and alone ("Il signifiait.") says nothing.
 */
function announcesWhatFollows(tree: SentenceTree, head: number): boolean {
  const words = phraseWords(tree, head);
  const after = words.at(-1)! + 1;
  return tree.words[after]?.form === ":" && tree.words.slice(after + 1).some((word) => word.upos !== "PUNCT");
}

interface Unit {
  words: number[];
  extraction?: Extraction;
}

/** The main clause and each clause taken out, each without the clauses taken out of it. */
function unitsOf(tree: SentenceTree, taken: ReadonlyMap<number, Extraction>): Unit[] {
  const owner = new Map<number, number>();
  const assign = (index: number, unit: number) => {
    owner.set(index, unit);
    for (const child of tree.children[index]!) assign(child, taken.has(child) ? child : unit);
  };
  for (const root of tree.children[0]!) assign(root, 0);
  const groups = new Map<number, number[]>();
  for (let index = 1; index < tree.words.length; index += 1) {
    const unit = owner.get(index) ?? 0;
    groups.set(unit, [...(groups.get(unit) ?? []), index]);
  }
  // A phrase taken out as "C'était …" follows the clause it comes from.
  const place = (unit: Unit) => (unit.extraction?.placeAfter !== undefined ? unit.extraction.placeAfter + 0.5 : unit.words[0]!);
  return [...groups].map(([unit, words]) => ({ words, extraction: unit === 0 ? undefined : taken.get(unit) }))
    .sort((a, b) => place(a) - place(b));
}

// Clauses taken out that say something of a word of the main clause: never the question it asks.
const describingRules = new Set<RewriteRule>([
  "relative_qui", "relative_que", "relative_ou", "relative_dont", "relative_lequel",
  "participle", "adjective", "present_participle", "apposition", "absolute", "adjunct",
]);

const interrogatives = /^(qu['’]|que|qui|quoi|où|pourquoi|comment|quel|quelle|quels|quelles|combien|lequel|laquelle|est-ce)$/iu;

/** A clause that asks: a subject pronoun after its verb ("avait-il", "rappelles-tu") or a question word first. */
function asksQuestion(tree: SentenceTree, unit: Unit): boolean {
  const words = unit.words.map((index) => tree.words[index]!).filter((word) => word.upos !== "PUNCT");
  const opening = words.find((word) => !/^(mais|et|or|donc|alors)$/iu.test(word.form));
  // The token holds the pronoun whether the tokenizer split it off ("-il") or not ("avait-il").
  return (opening !== undefined && interrogatives.test(opening.form)) ||
    words.some((word) => /-(t-)?(il|elle|ils|elles|on|je|tu|nous|vous|ce)$/iu.test(tree.tokens[word.token]!.form));
}

/**
 * "Qu'y avait-il de vrai dans les récits qu'on faisait sur la vie de M.
 * Myriel?": the question mark ends the main clause, not the relative clause
 * taken out at the end of the sentence, which ends on a full stop.
 */
function questionMarks(tree: SentenceTree, units: readonly Unit[]): Map<Unit, "." | "?"> {
  const marks = new Map<Unit, "." | "?">();
  const last = tree.tokens.findLast((token) => !closers.test(token.form));
  // One question, the main clause's ("Qu'y avait-il", "N'y a-t-il pas", "Te rappelles-tu"): not a line of
  // several, nor a question quoted at the end of a sentence that asks none.
  if (last?.form !== "?" || tree.tokens.filter((token) => /[?!]/u.test(token.form)).length > 1) return marks;
  const main = units.find((unit) => unit.extraction === undefined);
  if (!main || !asksQuestion(tree, main)) return marks;
  // (The parse hangs the mark itself on the root: the clause that ends the sentence has its last word.)
  const lastWord = (unit: Unit) => unit.words.findLast((index) => tree.words[index]!.upos !== "PUNCT") ?? 0;
  const ending = units.reduce((latest, unit) => (lastWord(unit) > lastWord(latest) ? unit : latest));
  if (!ending.extraction || !describingRules.has(ending.extraction.rule)) return marks;
  marks.set(main, "?");
  marks.set(ending, ".");
  return marks;
}

const openers = /^[«(“[]$/u;
const closers = /^[»)”\]]$/u;
const sentenceEnd = /[.!?…]$/u;
const dashes = /^(—|–|--)$/u;

/** Whether `word` ends an apposition the book opened with a comma ("M. Lheureux, marchand d'étoffes"). */
function endsApposition(tree: SentenceTree, word: number): boolean {
  // (Without a relative clause after it, which may hang on the apposition: "le bedeau, qui taillait le buis".)
  const relatives = new Set(childrenWith(tree, word, /^acl:relcl$/u).filter((clause) => clause.index > word).flatMap((clause) => subtree(tree, clause.index)));
  for (let phrase = word; phrase > 0; phrase = tree.words[phrase]!.head) {
    const words = subtree(tree, phrase).filter((index) => tree.words[index]!.upos !== "PUNCT" && !relatives.has(index));
    if (words.at(-1) !== word) return false;
    if (tree.words[words[0]! - 1]?.form !== ",") continue;
    if (tree.words[phrase]!.deprel === "appos" || setBesideNoun(tree, phrase, words[0]!)) return true;
  }
  return false;
}

/**
 * "Lestiboudois, le bedeau, qui taillait le buis": a noun phrase with its
 * article right after a name or noun and a comma, with no preposition or
 * conjunction of its own, is set beside it, whatever relation the parse gave it.
 */
function setBesideNoun(tree: SentenceTree, phrase: number, start: number): boolean {
  const word = tree.words[phrase]!;
  if (word.upos !== "NOUN" || tree.words[start]!.deprel !== "det" || childrenWith(tree, phrase, /^(case|cc)$/u).length > 0) return false;
  const before = tree.words[start - 2];
  return before !== undefined && /^(NOUN|PROPN)$/u.test(before.upos) && childrenWith(tree, before.index, /^case$/u).length === 0;
}

/**
 * A unit written as a sentence: the book's tokens, the rule's changes, edges
 * tidied, a capital and an end mark; with the tree's words as they stand in
 * it, so that a piece still over the limit is cut on the sentence's parse.
 */
function writeUnit(
  tree: SentenceTree,
  unit: Unit,
  place: { first: boolean; last: boolean },
  standIns: ReadonlyMap<number, string>,
  ownEnd?: "." | "?",
): { text: string; tree: SentenceTree } {
  const { first } = place;
  const inside = new Set(unit.words);
  const { extraction } = unit;
  for (const index of extraction?.drop ?? []) inside.delete(index);
  const items: { text: string; token: number; spaceAfter: boolean }[] = [];
  tree.tokens.forEach((token, tokenIndex) => {
    const words = token.words.filter((index) => inside.has(index));
    const added = token.words.map((index) => extraction?.insert.get(index) ?? standIns.get(index)).find((text) => text !== undefined);
    if (added !== undefined && words.length > 0) items.push({ text: added, token: -1, spaceAfter: !added.endsWith("'") });
    if (words.length === 0) return;
    const replaced = words.length === 1 ? extraction?.replace.get(words[0]!) : undefined;
    const text = replaced ?? (words.length === token.words.length ? token.form : words.map((index) => tree.words[index]!.form).join(" "));
    items.push({ text, token: tokenIndex, spaceAfter: token.spaceAfter });
  });
  // "Je vous le répète, vous vous faites tort! vous vous faites grand tort!": the parse hangs every
  // end mark on the root, but a ! or ? ends the words before it; it goes with their piece.
  const ownsToken = (token: number) => tree.tokens[token]!.words.some((index) => inside.has(index));
  const endMark = /^[!?…]+$/u;
  const wordBefore = (token: number) => {
    let before = token - 1;
    while (before >= 0 && endMark.test(tree.tokens[before]!.form)) before -= 1;
    return before;
  };
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index]!;
    if (item.token >= 0 && endMark.test(item.text) && wordBefore(item.token) >= 0 && !ownsToken(wordBefore(item.token))) items.splice(index, 1);
  }
  const lastOwn = items.findLast((item) => item.token >= 0);
  // "et lut (elle savait lire)": the parse may hang a closing bracket on the root; it closes the one this piece opened.
  const closing = (lastOwn?.token ?? Number.POSITIVE_INFINITY) + 1;
  const closingToken = tree.tokens[closing];
  if (closingToken && !ownsToken(closing) && closers.test(closingToken.form) && opensUnclosed(items, closingToken.form)) {
    items.splice(items.indexOf(lastOwn!) + 1, 0, { text: closingToken.form, token: closing, spaceAfter: closingToken.spaceAfter });
  }
  for (let token = (lastOwn?.token ?? Number.POSITIVE_INFINITY) + 1; token < tree.tokens.length && endMark.test(tree.tokens[token]!.form) && !ownsToken(token); token += 1) {
    items.push({ text: tree.tokens[token]!.form, token, spaceAfter: tree.tokens[token]!.spaceAfter });
  }
  // "…et dit avec une figure solennelle:": the colon that ends the sentence right after this piece's
  // last word announces the line that follows, and stays its end mark in the main clause or a clause
  // joined to it, written last (not a gerund or a relative clause made a sentence: "…lui disait, en
  // regardant la lune:" is no "Emma regardait la lune:").
  const lastToken = tree.tokens.length - 1;
  const announcing = place.last && (!extraction || extraction.rule === "coordination");
  const announces = announcing && tree.tokens[lastToken]?.form === ":" && lastToken > 0 && ownsToken(lastToken - 1);
  // Punctuation left at the edges by the clauses taken out: commas, semicolons, a dash inside the sentence.
  while (items.length > 0 && /^[,;:)»”\]]$/u.test(items[0]!.text)) items.shift();
  while (items.length > 0 && (/^[,;:(«“[]$/u.test(items.at(-1)!.text) || dashes.test(items.at(-1)!.text))) items.pop();
  if (!first) while (items.length > 0 && dashes.test(items[0]!.text)) items.shift();
  balance(items, openers, closers);
  // A comma or semicolon left before another mark, where the clause between them was taken out.
  for (let index = items.length - 2; index >= 0; index -= 1) {
    if (/^[,;:]$/u.test(items[index]!.text) && /^[,;:.!?…]$/u.test(items[index + 1]!.text)) items.splice(index, 1);
  }
  // A comma that closed an aside taken out: "il aperçut, [au bord d'un fossé,] un jeune garçon";
  // but one that also closes an apposition before it stays: "M. Lheureux, marchand d'étoffes, [qui…,] avait".
  for (let index = items.length - 1; index > 0; index -= 1) {
    const before = items[index - 1]!;
    const gap = before.token >= 0 && items[index]!.token > before.token + 1;
    if (items[index]!.text !== "," || !gap) continue;
    const beforeWord = tree.words[tree.tokens[before.token]!.words.at(-1)!]!;
    // "Et[ la mignarde chaussure, qui…], elle tenait": after a conjunction, nothing is left to set off.
    const afterConjunction = beforeWord.upos === "CCONJ" && beforeWord.deprel === "cc";
    // "cette auréole [qu'il avait…], s'étala": a relative clause taken out between a subject and its verb
    // takes the comma that closed it.
    const removed = tree.tokens[before.token + 1]!;
    const next = items[index + 1];
    const verbAfter = next !== undefined && next.token >= 0 && /^nsubj/u.test(beforeWord.deprel) &&
      verbGroupStart(tree, beforeWord.head) === tree.tokens[next.token]!.words[0];
    const closedAside = removed.form === "," || (verbAfter && removed.words.some((word) => tree.words[word]!.feats.PronType === "Rel"));
    if (afterConjunction || (closedAside && !endsApposition(tree, beforeWord.index))) items.splice(index, 1);
  }
  // The comma that opened a relative clause taken out whole, its closing comma with it: "Et des battements
  // de coeur[, qui la frappaient…,] s'accéléraient" (the parse may hang that comma on the noun).
  for (let index = items.length - 2; index > 0; index -= 1) {
    const comma = items[index]!;
    const next = items[index + 1]!;
    if (comma.text !== "," || comma.token < 0 || next.token <= comma.token + 1 || /^[,;:.!?…]$/u.test(next.text)) continue;
    const opening = tree.tokens[comma.token + 1]!;
    const closing = tree.tokens[next.token - 1]!;
    const relative = opening.words.some((word) => tree.words[word]!.feats.PronType === "Rel");
    const before = items[index - 1]!;
    const apposition = before.token >= 0 && endsApposition(tree, tree.tokens[before.token]!.words.at(-1)!);
    if (relative && closing.form === "," && !apposition) items.splice(index, 1);
  }
  // The sentence's own end mark gives way to the one this piece takes (questionMarks).
  if (ownEnd) {
    const mark = items.findLastIndex((item) => !closers.test(item.text));
    if (mark >= 0 && /^[.!?…]+$/u.test(items[mark]!.text)) items.splice(mark, 1);
  }
  elideAroundInsertions(items);
  // The book's first word, capitalised as a sentence's start, no longer starts one: "C'était chez le président".
  const opening = items.findIndex((item) => item.token >= 0);
  const bookStart = tree.tokens.findIndex((token) => /\p{L}/u.test(token.form));
  if (opening > 0 && items[opening]!.token === bookStart) {
    const words = tree.tokens[bookStart]!.words.map((index) => tree.words[index]!);
    if (!words.some((word) => word.upos === "PROPN")) items[opening]!.text = items[opening]!.text.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase());
  }
  let text = "";
  items.forEach((item, position) => {
    text += item.text;
    const next = items[position + 1];
    if (!next) return;
    const elided = /['’]$/u.test(item.text);
    // Adjacent tokens keep the book's spacing; across a gap or an added word,
    // a space, but before punctuation the book's spacing ("plume, étala").
    const spaced =
      /^[([]$/u.test(item.text) ? false
      : item.token >= 0 && next.token === item.token + 1 ? item.spaceAfter
      : next.token > 0 && /^[,.;:!?…)»”\]]/u.test(next.text) ? tree.tokens[next.token - 1]!.spaceAfter
      : !elided;
    text += spaced ? " " : "";
  });
  text = text.replace(/^([^\p{L}\p{N}]*)(\p{Ll})/u, (_, before: string, letter: string) => before + letter.toUpperCase());
  // "-- Écoutez donc! il me semble…": a clause ending on its own mark takes not the sentence's full stop too.
  text = text.replace(/([!?…][»”)]*)\s*\.$/u, "$1");
  // The sentence's end mark after its last word, and after a comma the piece ended on ("à un jeune homme,").
  // A quotation or bracket opened inside the piece closes before the full stop ("lut (elle savait lire).", "cela
  // « se devait »."); one that holds the whole piece, or that an earlier piece opened, after it, as the book has it.
  const lastCloser = /([»)”\]])[\s»)”\]]*$/u.exec(text)?.[1];
  const opensAt = lastCloser ? text.indexOf(pairs[lastCloser]!) : -1;
  const inline = opensAt > 0 && /\p{L}/u.test(text.slice(0, opensAt));
  const bare = inline ? text.replace(/\s+$/u, "") : text.replace(/[\s»)”\]]+$/u, "");
  const ending = bare.replace(/\s*[,;]$/u, "");
  const tokens = items
    .filter((item) => item.token >= 0)
    .map((item) => ({ form: item.text, words: tree.tokens[item.token]!.words.filter((index) => inside.has(index)), spaceAfter: item.spaceAfter }));
  return {
    text: sentenceEnd.test(ending.replace(/[\s»)”\]]+$/u, "")) ? text : `${ending}${ownEnd ?? (announces ? ":" : ".")}${text.slice(bare.length).trim()}`,
    tree: { words: tree.words, children: tree.children, tokens },
  };
}

const elisions: Record<string, string> = { "j'": "je", "m'": "me", "t'": "te", "s'": "se", "n'": "ne", "l'": "le", "qu'": "que", "d'": "de" };
const elidable: Record<string, string> = { je: "j'", me: "m'", te: "t'", se: "s'", ne: "n'", le: "l'", la: "l'", que: "qu'", de: "d'" };

/**
 * French elision around the words a rule added: "j'" before an added "les"
 * is "je" again ("Je les aimais"), and "ne" before an added "y" is "n'"
 * ("Maman n'y était pas").
 */
function elideAroundInsertions(items: { text: string; token: number }[]): void {
  items.forEach((item, index) => {
    if (item.token !== -1 || index === 0) return;
    const before = items[index - 1]!;
    const lower = before.text.toLowerCase().replace(/’/u, "'");
    const keepCase = (form: string) => (before.text[0] === before.text[0]!.toUpperCase() ? form[0]!.toUpperCase() + form.slice(1) : form);
    if (startsWithVowel.test(item.text)) {
      if (elidable[lower]) before.text = keepCase(elidable[lower]!);
    } else if (elisions[lower]) before.text = keepCase(elisions[lower]!);
  });
}

/** Each closing bracket or quote mark with its opening one. */
const pairs: Record<string, string> = { ")": "(", "]": "[", "»": "«", "”": "“" };

/** Whether `items` open the bracket or quote that `closer` closes and leave it open. */
function opensUnclosed(items: readonly { text: string }[], closer: string): boolean {
  let depth = 0;
  for (const item of items) {
    if (item.text === pairs[closer]) depth += 1;
    else if (item.text === closer && depth > 0) depth -= 1;
  }
  return depth > 0;
}

/** Drops an opening or closing mark whose partner went to another piece. */
function balance(items: { text: string }[], open: RegExp, close: RegExp): void {
  const unmatched: number[] = [];
  const stack: number[] = [];
  items.forEach((item, index) => {
    if (open.test(item.text)) stack.push(index);
    else if (close.test(item.text)) {
      if (stack.length > 0) stack.pop();
      else unmatched.push(index);
    }
  });
  for (const index of [...unmatched, ...stack].sort((a, b) => b - a)) items.splice(index, 1);
}


/**
 * The subject a cut predicate takes again, when the last-resort cut leaves
 * a clause's verb group at the head of a piece and its subject in the piece
 * before ("Le nouveau, qui était resté dans l'angle, ‖ se leva comme
 * surpris" → "Il se leva comme surpris"): the subject's pronoun or name, as
 * the coordination rule writes it, and whether the "et" opening the piece
 * goes (it joined the predicate to the one before), and whether the piece
 * holds the clause to its end. `first` is the piece's
 * first word that is not punctuation; `last`, its last word.
 */
export function cutPredicateSubject(
  tree: SentenceTree,
  first: number,
  last: number,
): { subject: string; subjectIndex: number; dropLink: boolean; wholeClause: boolean } | undefined {
  const link = tree.words[first]!;
  const dropLink = link.deprel === "cc" && link.lemma === "et";
  const start = dropLink ? first + 1 : first;
  const opener = tree.words[start];
  if (!opener || start > last) return undefined;
  const head = opener.feats.VerbForm === "Fin" && !auxiliaryRelations.test(opener.deprel) ? opener : tree.words[opener.head];
  if (!head || head.index === 0 || head.index > last || verbGroupStart(tree, head.index) !== start) return undefined;
  // The piece opens on the verb itself or on its group: an auxiliary, a clitic, "ne" ("pour lors faisait" does not).
  const inGroup = opener === head || /^(aux|aux:tense|aux:pass|cop|expl:pv)$/u.test(opener.deprel) ||
    (opener.upos === "PRON" && cliticForms.test(opener.form)) || /^(ne|n'|n’)$/iu.test(opener.form);
  if (!inGroup || !/^(VERB|AUX|ADJ|NOUN|PROPN|PRON|ADV)$/u.test(head.upos)) return undefined;
  if (dropLink && link.head !== head.index) return undefined;
  const verb = finiteVerb(tree, head.index);
  if (!verb || verb.feats.Mood === "Imp" || isSubjunctive(verb) || !isPredicate(tree, head.index)) return undefined;
  if (isSubordinate(tree, head.index) || /^(voici|voilà)$/iu.test(head.form)) return undefined;
  if (tree.children[head.index]!.some((child) => isRelativePronoun(tree.words[child]!))) return undefined;
  // "Ses cheveux, dont les deux bandeaux noirs ‖ semblaient…", "que maman ‖ avait appris": the predicate of a
  // relative clause, whose pronoun stands in the subject or before it, says nothing of its own with "Ils".
  const ownRelative = (index: number) => {
    const word = tree.words[index]!;
    if (index >= first || !(isRelativePronoun(word) || word.feats.PronType === "Rel")) return false;
    let clause = tree.words[word.head]!;
    while (clause.index > 0 && clause.index !== head.index && !isPredicate(tree, clause.index)) clause = tree.words[clause.head]!;
    return clause.index === head.index;
  };
  if (head.deprel === "acl:relcl" || subtree(tree, head.index).some(ownRelative)) return undefined;
  // "« Mais il ne l'aime plus, ‖ répondit mon grand-père": a verb of saying after a line has its speaker after it.
  if (sayingVerbs.test(head.lemma)) return undefined;
  // "s'écria-t-il", "dit-elle": a subject inside the piece, inverted or not, is the predicate's own.
  if (childrenWith(tree, head.index, subjectRelations).some((subject) => subject.index >= first)) return undefined;
  if (/^-/u.test(tree.words[head.index + 1]?.form ?? "")) return undefined;
  // "la simplification de ces images ‖ fut-elle une des causes": the pronoun after the verb says the subject again already.
  if (/^-/u.test(tree.words[verb.index + 1]?.form ?? "")) return undefined;
  const own = subjectOf(tree, head.index);
  // The clause's own subject must stand before the piece; a coordinated predicate shares its head's.
  const subject = own ?? (isJoinedClause(tree, head) && afterBreak(tree, head.index) ? sharedSubject(tree, tree.words[head.head]!.index, head.index) : undefined);
  if (!own && isJoinedClause(tree, head) && nounReadAsVerb(tree, head, tree.words[head.head]!)) return undefined;
  if (!subject || subject.index >= first || isRelativePronoun(subject) && !antecedentOf(tree, subject.head)) return undefined;
  if (separatedByQuoteOrColon(tree, subject.index, start)) return undefined;
  // "il avait pensé qu'Odette ‖ n'était": a subject after "que" belongs to a clause that says what another thought.
  const beforeSubject = tree.words[Math.min(...subtree(tree, subject.index)) - 1];
  if (beforeSubject && (beforeSubject.upos === "SCONJ" || /^(que|qu'|qu’)$/iu.test(beforeSubject.form))) return undefined;
  // "«Je ‖ n'ai pas": a pronoun right before the cut would only be said twice.
  if (subject.upos === "PRON" && subject.index === first - 1) return undefined;
  // "que la misère enveloppa ‖ et étreignit": a predicate joined to a relative clause shares its pronoun, object or subject.
  for (let joined = head; isJoinedClause(tree, joined) && joined.head > 0; joined = tree.words[joined.head]!) {
    const above = tree.words[joined.head]!;
    if (tree.children[above.index]!.some((child) => isRelativePronoun(tree.words[child]!) && child !== subject.index)) return undefined;
  }
  // "Les Champs-Élysées": a name with its article is no name alone.
  if (subject.upos === "PROPN" && childrenWith(tree, subject.index, /^det$/u).length > 0) return undefined;
  const text = namedAgain(tree, subject) ?? subjectText(tree, subject);
  const number = isRelativePronoun(subject) ? undefined : numberOf(tree, subject);
  if (!text || !agrees(text, verb, number ?? "Sing")) return undefined;
  // A piece that holds the clause to its end (the predicates joined after it aside) is a whole sentence and may end as one.
  const joinedAfter = new Set(childrenWith(tree, head.index, /^(conj|parataxis)$/u).filter((child) => child.index > last).flatMap((child) => subtree(tree, child.index)));
  const clauseEnd = subtree(tree, head.index).filter((index) => tree.words[index]!.upos !== "PUNCT" && !joinedAfter.has(index)).at(-1)!;
  return { subject: text, subjectIndex: subject.index, dropLink, wholeClause: last >= clauseEnd };
}

// Not a verb's object: "n'avait pas l'air de se douter" is no "C'était l'air de se douter".
const presentedNouns = /^(nsubj|nsubj:pass|conj|appos)$/u;
const presentedPhrases = /^(obl|obl:mod|conj)$/u;
// Prepositions whose phrase, cut from its clause, still says where, how or with what after
// "C'était" when the parse calls it the verb's adjunct: "sur les confins du pays de Caux",
// "avec de l'encre rouge", "par un long corridor", "pour son mari", "comme le parquet d'un salon".
const cutAdjunctPrepositions = /^(sur|avec|par|pour|comme)$/iu;
// "la mère Lefrançois", "le père Rouault": said before a name too.
const familyTitles = /^(maître|père|mère|docteur|abbé)$/iu;
const asVerbs = /^(prendre|passer|tenir|regarder|donner|faire|compter|choisir|reconnaître|laisser|considérer|traiter|devenir|apparaître|sembler|paraître|servir|employer|engager|louer|connaître|voir|accepter|recevoir)$/u;
const placeOrTimeNouns = /^(milieu|bout|fond|pied|bord|haut|bas|coin|sommet|centre|seuil|côté|angle|extrémité|moment|heure|instant|fin|commencement|début|approche|époque|lueur|clarté|ombre)$/u;

/**
 * "au pied de la chaire", "au milieu de la foule", "à cette heure": "à" says
 * where or when with these nouns, given what they are of or a determiner of
 * their own; not the locution "au fond", nor the end of a range ("de la tête
 * ‖ aux pieds").
 */
function placeOrTimeWithA(tree: SentenceTree, head: TreeWord, preposition: TreeWord): boolean {
  if (!/^à$/iu.test(preposition.form) || !placeOrTimeNouns.test(head.lemma)) return false;
  const own = childrenWith(tree, head.index, /^nmod$/u).length > 0 || childrenWith(tree, head.index, /^det$/u).some((det) => det.feats.PronType !== "Art");
  const before = tree.words[preposition.index - 1];
  const rangeEnd = before?.upos === "NOUN" && childrenWith(tree, before.index, /^case$/u).some((word) => /^(de|d'|d’)$/iu.test(word.form));
  return own && !rangeEnd;
}

/**
 * "par coeur de rimes passionnées", "par terre avec mon bâton", "à son tour", "à voix basse": an adverb
 * of two words or more opens the phrase, which says how, not where or when (not "à la fin ‖ de sa
 * troisième", a place or time said of something).
 */
function opensOnAdverb(tree: SentenceTree, phrase: readonly number[]): boolean {
  const forms = [...phrase].sort((a, b) => a - b).map((index) => tree.words[index]!.form.toLowerCase());
  const ofSomething = (last: number) => placeOrTimeNouns.test(forms[last]!) && /^(de|d'|d’|du|des)$/u.test(forms[last + 1] ?? "");
  return findLocutions(forms).some((match) => match.locution.kind === "adverb" && match.first === 0 && !ofSomething(match.last));
}

/** "sans doute", "à peine", "du reste": an adverb in the words of a phrase, which no "C'était" presents. */
function isAdverbLocution(forms: readonly string[]): boolean {
  return findLocutions(forms).some((match) => match.locution.kind === "adverb" && match.first === 0 && match.last === forms.length - 1);
}

/** Whether the word at `index` is "que", whatever the parse made of it: a phrase after it belongs to a clause or a comparison. */
function startsOnQue(tree: SentenceTree, index: number): boolean {
  return /^(que|qu['’])$/iu.test(tree.words[index]?.form ?? "");
}

/** The "et", "mais", "puis" or "or" a cut piece opens on, if any, and where its own words start. */
function pieceOpening(tree: SentenceTree, first: number, last: number): { link: TreeWord; joining: boolean; start: number } {
  const link = tree.words[first]!;
  const joining = link.deprel === "cc" && /^(et|mais|puis|or)$/iu.test(link.form);
  let start = joining ? first + 1 : first;
  while (joining && start < last && tree.words[start]!.upos === "PUNCT") start += 1;
  return { link, joining, start };
}

/**
 * What makes a cut piece that is one whole noun phrase or phrase of place
 * or time a sentence: "C'était" before it ("un bassin à jet d'eau avec des
 * poissons." → "C'était un bassin à jet d'eau avec des poissons."; "dans
 * des salons lambrissés de miroirs," → "C'était dans des salons lambrissés
 * de miroirs."), in the tense of the clause it comes from, as the
 * apposition and adjunct rules write it; and whether the "et" opening the
 * piece goes. Not a piece cut inside a phrase ("de fer des lits"), a
 * noun's complement, a verb's complement that says where it goes ("au
 * centre fixe d'une sympathie commune" after "ramène"), or a pronoun.
 * `first` and `last` are the piece's first and last words that are not
 * punctuation; `predicateFollows` says the next piece is the phrase's
 * predicate, given it again as its subject.
 */
export function presentedPhrase(
  tree: SentenceTree,
  first: number,
  last: number,
  { predicateFollows = false, nextPresented = false } = {},
): { opening: string; dropLink: boolean; start: number } | undefined {
  const { link, joining, start } = pieceOpening(tree, first, last);
  // "plus de dispositions ‖ que pour un voyage autour du monde": a "que" that compares opens no phrase of its own.
  if (start > last || /^(cc|mark)$/u.test(tree.words[start]!.deprel) || startsOnQue(tree, start)) return undefined;
  const words = tree.words.slice(start, last + 1).filter((word) => word.upos !== "PUNCT");
  const heads = words.filter((word) => word.head < start || word.head > last);
  const head = heads[0];
  if (!head) return undefined;
  // Items of one list of nouns ("une bride, une casquette de cuir noir,") are presented together.
  const items = heads.length > 1;
  if (items && !heads.every((item) => item.deprel === "conj" && item.head === head.head && item.upos === "NOUN" && childrenWith(tree, item.index, /^case$/u).length === 0)) return undefined;
  // The whole phrase: every word of it in the piece (but for the list items after it, presented on
  // their own: "L'écroulement de l'ancienne société française, ‖ la chute de sa propre famille"),
  // and the "et" that joined it (when dropped) its own.
  const later = new Set(heads.flatMap((item) => childrenWith(tree, item.index, /^(conj|appos)$/u)).filter((item) => item.index > last).flatMap((item) => subtree(tree, item.index)));
  const phrase = heads.flatMap((item) => subtree(tree, item.index)).filter((index) => tree.words[index]!.upos !== "PUNCT" && !later.has(index));
  // The "et" goes with the phrase it joined, or with a subject whose predicate follows, given it again.
  const linked = link.head === head.index || (predicateFollows && link.head === head.head && /^nsubj/u.test(head.deprel));
  // "Mais, vers la fin de septembre, ‖ quelque chose…": the conjunction of the clause a phrase is set
  // before stays with it, first ("Mais c'était vers la fin de septembre.").
  const fronted = joining && childrenWith(tree, head.index, /^case$/u).length > 0 && link.head === head.head && head.index < head.head;
  const dropLink = joining && !fronted;
  if (phrase.some((index) => index < first || index > last) || (dropLink && (link.lemma !== "et" || !linked))) return undefined;
  // "Le maire ‖ et le président lui firent…": a noun joined by "et" to the next piece's is half of one
  // phrase, unless that piece is the other half and presented too.
  const joinedAfter = tree.words[last + 1];
  if (joinedAfter?.deprel === "cc" && later.has(joinedAfter.head) && !nextPresented) return undefined;
  // A name alone ("Fantine,") is said again with its predicate, not presented.
  if (head.upos !== "NOUN" || phrase.some((index) => tree.words[index]!.feats.VerbForm === "Fin")) return undefined;
  // "la tirant à l'écart": an article of the other gender than its noun is a clitic and a verb the tagger misread.
  if (childrenWith(tree, head.index, /^det$/u).some((det) => det.feats.Gender && head.feats.Gender && det.feats.Gender !== head.feats.Gender)) return undefined;
  if (tree.words.some((other) => other.form === "_")) return undefined;
  // "de profonde sécurité", after "un temps de paix et": the "de" of a noun's complement; "non entre
  // les deux guignols": a negation says what the phrase is not.
  if (/^(de|d'|d’)$/iu.test(tree.words[start]!.form) || phrase.some((index) => negations.test(tree.words[index]!.form) || /^non$/iu.test(tree.words[index]!.form))) return undefined;
  // "Quel pauvre homme!": an exclamation, and "tout le monde avait eu à le faire": a quantity, say
  // nothing after "C'était"; "les jeunes gens étant camarades" is a clause the tagger misread.
  const said = (index: number) => tree.words[index]!.form.toLowerCase();
  if (phrase.some((index) => /^(quel|quelle|quels|quelles|étant|ayant)$/u.test(said(index))) || tree.words.slice(first, last + 2).some((word) => /[!?]/u.test(word.form))) return undefined;
  // "dont le père et l'oncle": a relative pronoun belongs to a clause outside the piece.
  if (phrase.some((index) => isRelativePronoun(tree.words[index]!) || tree.words[index]!.feats.PronType === "Rel")) return undefined;
  if (/^(tout|toute|tous|toutes|chaque|aucun|aucune|nul|nulle|plusieurs|certains|certaines)$/u.test(said(start))) return undefined;
  const preposition = childrenWith(tree, head.index, /^case$/u)[0];
  // "…rendait plus sombres les bas-côtés ‖ et les angles": the second of two objects is no sentence of its own
  // ("C'étaient les angles."); the second of two subjects may be ("C'étaient les saintes femmes de Digne.").
  const joinedTo = tree.words[head.head]!;
  if (!preposition && !items && head.deprel === "conj" && joinedTo.index < first && !(/^nsubj/u.test(joinedTo.deprel) && joinedTo.index < joinedTo.head)) return undefined;
  if (preposition && isAdverbLocution([...phrase].sort((a, b) => a - b).map((index) => tree.words[index]!.form.toLowerCase()))) return undefined;
  if (preposition) {
    // A phrase saying where or when, as the adjunct rule takes them; never one on a noun, nor a verb's destination.
    // Any preposition the writer set between commas ("se plaindre, avec force civilités, d'être resté").
    const adjunct = adjunctPrepositions.test(preposition.form) ||
      (head.deprel === "obl:mod" && (cutAdjunctPrepositions.test(preposition.form) || placeOrTimeWithA(tree, head, preposition)));
    if (!presentedPhrases.test(head.deprel) || !(adjunct || betweenCommas(tree, head.index))) return undefined;
    if (saysHow(tree, head, preposition)) return undefined;
    // "fut reçue par M. d'Orsan": who did what a passive says is its argument, no circumstance.
    const passive = (verb: TreeWord) => childrenWith(tree, verb.index, /^aux:pass$/u).length > 0 || (verb.feats.VerbForm === "Part" && /^(acl|amod)$/u.test(verb.deprel));
    if (/^par$/iu.test(preposition.form) && passive(tree.words[head.head]!)) return undefined;
    if (opensOnAdverb(tree, phrase)) return undefined;
    // (A comparison to a place is none: "Il s'enfonçait dans cette nuit comme dans un gouffre.")
    const likePlace = /^comme$/iu.test(preposition.form) && tree.words[preposition.index + 1]?.upos === "ADP";
    // "On parlait de cet endroit-là comme de la maison du bourreau", "Elle se repentait, comme d'un crime, de sa vertu":
    // the verb's own "de" said again after "comme" is its complement, which "C'était" cannot present.
    if (likePlace && /^(de|d'|d’)$/iu.test(tree.words[preposition.index + 1]!.form)) return undefined;
    if (movementVerbs.test(tree.words[head.head]!.lemma) && !likePlace) return undefined;
    // "avec Homais pour ami", "prendre ses infirmités pour des défauts", "le considérait comme le symbole":
    // "pour" and "comme" say what as, not for whom or what like.
    if (/^(pour|comme)$/iu.test(preposition.form) && (childrenWith(tree, head.index, /^(det|nummod)$/u).length === 0 || asVerbs.test(tree.words[head.head]!.lemma))) return undefined;
    if (holdsAnObject(tree, head.index, phrase)) return undefined;
    // Set before its verb, the phrase leaves a clause that reads alone only if the verb's subject
    // comes between them ("Par le trou des haies, ‖ on apercevait"). Not "sur les fourneaux ‖
    // cuisaient deux grosses carpes", nor "la beauté d'Emma, ‖ avec tous les plaisirs…, ‖ lui réapparurent".
    const governor = tree.words[head.head]!;
    if (head.index < governor.index && !childrenWith(tree, governor.index, /^(nsubj|expl:subj)/u).some((subject) => subject.index > last && subject.index < governor.index)) return undefined;
    // Set between its verb and the verb's object ("rencontrer, ‖ dans la cuisine du Lion d'or, ‖
    // M. Homais"), or its subject after it ("se mêlaient ‖ en ce moment ‖ tous les fils"), it stands inside
    // the clause: presented, it would part the verb from what completes it.
    if (head.index > governor.index && childrenWith(tree, governor.index, /^(obj|xcomp|ccomp|nsubj|nsubj:pass)$/u).some((object) => object.index > last)) return undefined;
    // So is "il y avait ‖ dans la chambre de l'évêque, ‖ … un petit placard": whatever the parse calls what there is, "Il y avait." says nothing.
    if (head.index > governor.index && saysThereIs(tree, governor.index) && tree.children[governor.index]!.some((child) => child > last && tree.words[child]!.upos !== "PUNCT")) return undefined;
  } else {
    if (!presentedNouns.test(head.deprel) || (head.upos === "NOUN" && childrenWith(tree, head.index, /^(det|nummod)$/u).length === 0)) return undefined;
    // A subject after its verb is an object the parse misread more often than not; so is a noun "in
    // apposition" to a phrase of time or place ("il coupait, au dessert, le bouchon").
    if (/^nsubj/u.test(head.deprel) && head.index > head.head) return undefined;
    if (head.deprel === "appos" && childrenWith(tree, head.head, /^case$/u).length > 0) return undefined;
    // "Un moment, ‖ l'idée de Rodolphe lui passa par la tête": a while says how long, not what it was ("C'était un
    // moment."), even where the parse makes it the subject.
    const indefinite = childrenWith(tree, head.index, /^det$/u).some((det) => /^(un|une|quelque|quelques)$/iu.test(det.form));
    const bare = tree.children[head.index]!.every((child) => child > last || /^(det|punct)$/u.test(tree.words[child]!.deprel));
    if (indefinite && bare && /^(moment|instant|minute|seconde|temps)$/u.test(head.lemma)) return undefined;
    // "Sa messe dite, il déjeunait", "Le père de son enfant parti, elle se trouva…": the subject of a
    // participle with no auxiliary says when, not who.
    const governor = tree.words[head.head]!;
    const absolute = governor.feats.VerbForm === "Part" && childrenWith(tree, governor.index, /^(aux|aux:pass|aux:tense|cop)$/u).length === 0;
    if (/^nsubj/u.test(head.deprel) && absolute) return undefined;
    // "les membres fatigués,", "Ces questions faites et résolues,": a noun and its bare participle set
    // before a clause say in what state, not who (the parse calls them its subject). Not "un petit
    // poignard ciselé lui battait", nor "un homme vêtu de noir".
    const bareParticiple = (child: TreeWord) =>
      child.index === head.index + 1 && child.feats.VerbForm === "Part" && childrenWith(tree, child.index, /^(obl|obl:.*|obj|iobj)$/u).length === 0 &&
      tree.words[Math.max(...subtree(tree, child.index)) + 1]?.form === ",";
    if (/^nsubj/u.test(head.deprel) && childrenWith(tree, head.index, /^acl$/u).some(bareParticiple)) return undefined;
    // "toute ‖ grande la maison": before the determiner, only "tout" or an adverb ("C'était enfin la
    // dernière superfluité", "sans doute"): not an adjective, a preposition ("Ce sont avec deux ou trois charrettes"),
    // a conjunction of the phrase's own ("Mais la scène de la folie ‖ n'intéressait"), nor an adverb
    // that links the clause to the one before ("Alors la paysanne, …," is no "C'était alors la paysanne.").
    const determiner = Math.min(...childrenWith(tree, head.index, /^(det|nummod)$/u).map((word) => word.index));
    const linking = (word: TreeWord) => /^(alors|aussi|puis|ainsi|donc)$/iu.test(word.form);
    const mayOpen = (word: TreeWord) => /^(tout|toute|tous|toutes)$/iu.test(word.form) || (word.upos === "ADV" && !linking(word));
    const opening = phrase.filter((index) => index >= start && index < determiner).sort((a, b) => a - b).map((index) => tree.words[index]!);
    if (!opening.every(mayOpen) && !isAdverbLocution(opening.map((word) => word.form.toLowerCase()))) return undefined;
    // "Il y avait sous le hangar deux grandes charrettes…, dont…, qui tombait", "Une nuit, vers onze
    // heures, ils furent réveillés": a verb with a second subject before it is not this noun's, unless
    // the two are items of one list ("L'écroulement de l'ancienne société française, la chute…"): not a
    // time ("Deux jours après la noce, les époux"), nor a noun and its participle ("L'installation terminée, la ville").
    const item = (word: TreeWord) =>
      word.upos === "NOUN" && !timeNouns.test(word.lemma) && childrenWith(tree, word.index, /^det$/u).length > 0 &&
      !childrenWith(tree, word.index, /^(acl|amod)$/u).some((child) => child.feats.VerbForm === "Part");
    // "Sa petite respiration si douce, cela me fera du bien": "cela" says the noun again.
    const resumes = (other: TreeWord) => /^(cela|ça|ce|c['’])$/iu.test(other.form) && other.index > head.index;
    const listed = (other: TreeWord) => {
      if (!(item(head) && item(other)) && !resumes(other)) return false;
      const [left, right] = [subtree(tree, head.index), subtree(tree, other.index)].sort((a, b) => a[0]! - b[0]!);
      return tree.words.slice(Math.max(...left!) + 1, Math.min(...right!)).every((word) => /^(,|et|ou)$/iu.test(word.form));
    };
    const otherSubjects = childrenWith(tree, governor.index, /^nsubj/u).filter((other) => other.index !== head.index && other.index < governor.index);
    if (/^nsubj/u.test(head.deprel) && otherSubjects.some((other) => !listed(other))) return undefined;
  }
  if (preposition) {
    const governor = tree.words[head.head]!;
    // After its word: "perdus en la possession d'eux-mêmes": what completes an adjective or a participle
    // is part of it; "s'il ne faisait ce sacrifice dans son propre intérêt": a phrase in a negated or
    // conditional clause is said in its scope. "depuis les recherches de table ‖ jusqu'aux coquetteries": half a range.
    const completes = head.index > governor.index &&
      (governor.upos === "ADJ" || (governor.feats.VerbForm === "Part" && childrenWith(tree, governor.index, /^(aux|aux:pass|aux:tense|cop)$/u).length === 0));
    const scoped = head.index > governor.index && tree.children[governor.index]!.some((child) => {
      const word = tree.words[child]!;
      return negations.test(word.form) || (word.deprel === "mark" && /^(si|s'|s’|que|qu'|qu’|quoique|quoiqu'|quoiqu’)$/iu.test(word.form));
    });
    const range = /^(jusque|jusqu'|jusqu’)$/iu.test(tree.words[last + 1]?.form ?? "");
    if (completes || scoped || range) return undefined;
  }
  // A list item is presented only in a list of its kind: nouns with nouns, phrases with phrases.
  // and only in a list that is itself a subject, an aside or a phrase of place or time ("le quartier du
  // théâtre, des estaminets et des filles" lists what the quarter is of).
  if (head.deprel === "conj") {
    const joined = tree.words[head.head]!;
    if (!/^(NOUN|PROPN)$/u.test(joined.upos) || (childrenWith(tree, joined.index, /^case$/u).length > 0) !== (preposition !== undefined)) return undefined;
    if (!(preposition ? presentedPhrases : presentedNouns).test(joined.deprel) || joined.deprel === "conj") return undefined;
    // "sans un mot, ‖ sans un geste, ‖ sans un regard": a list of phrases is said whole, not one phrase a sentence.
    if (preposition) return undefined;
  }
  const found = enclosingClause(tree, head);
  if (!found) return undefined;
  const { clause, verb } = found;
  // "«Vous allez là, a repris mon frère, dans un bon pays.»": hung on the speaker's verb, the phrase is the line's.
  const speaker = sayingVerbs.test(clause.lemma) && tree.words.some((other) => dialogueMarks.test(other.form));
  if (verb.feats.Mood === "Imp" || speaker) return undefined;
  // "sa figure grasse, molle": only nouns joined to the noun make it plural.
  // (Not the nouns joined to it in later pieces: "C'était la chemise. / C'était le collet de Jean Valjean.")
  // ("Le vent, sur la grande route,": a phrase on a preposition the parse joined to the noun is no second noun.)
  const joinedNoun = (other: TreeWord) => other.upos === "NOUN" && other.index <= last && childrenWith(tree, other.index, /^case$/u).length === 0;
  const plural = items || childrenWith(tree, head.index, /^conj$/u).some(joinedNoun) || agreementOf(head).number === "Plur";
  const number = preposition || !plural ? "Sing" : "Plur";
  const opening = presentational(tree, clause, verb, number);
  return { opening: fronted ? `${link.form} ${opening}` : opening, dropLink, start };
}

// Nouns of quantity and measure, whose phrase is what is counted or how it is measured.
const measuredNouns = /^(foule|sorte|espèce|genre|tas|quantité|nombre|multitude|masse|troupe|lieue|mètre|pied|pas|kilomètre|livre|franc|sou)$/u;

/**
 * "Elle acheta de plus un petit poêle ‖ en fonte": a piece that is one whole
 * complement of the noun the piece before ends on, a bare noun after "à"
 * or "en", says what the thing is made of, has or wears. Said of the noun's
 * pronoun with être in the tense of its clause, it is a sentence: "Il était
 * en fonte.", "Il était à houppes grises."
 */
export function describedNoun(tree: SentenceTree, first: number, last: number): { opening: string; dropLink: boolean; start: number } | undefined {
  const words = tree.words.slice(first, last + 1).filter((word) => word.upos !== "PUNCT");
  const heads = words.filter((word) => word.head < first || word.head > last);
  const head = heads[0];
  if (heads.length !== 1 || !head || head.upos !== "NOUN" || head.deprel !== "nmod") return undefined;
  const noun = tree.words[head.head]!;
  const phrase = subtree(tree, head.index);
  if (noun.upos !== "NOUN" || noun.index >= first || phrase.some((index) => index < first || index > last)) return undefined;
  // The piece before ends on the noun's own phrase ("un petit poêle"), not on another the noun is part of.
  // (Nor on a noun joined to it or a clause of its own: "des pompons roses et une selle de femme".)
  const nounPhrase = new Set(subtree(tree, noun.index));
  const between = tree.words.slice(noun.index + 1, first);
  if (between.some((word) => !nounPhrase.has(word.index) || word.deprel === "conj" || /^(VERB|AUX)$/u.test(word.upos))) return undefined;
  const preposition = tree.words[first]!;
  if (preposition.deprel !== "case" || preposition.head !== head.index) return undefined;
  // A bare noun right after it: with an article ("à la femme du médecin") the phrase is more often the
  // verb's than the noun's. (Not "de": the parse hangs on a noun many a "de" phrase that is not its own.)
  if (!/^(à|en)$/iu.test(preposition.form) || preposition.index + 1 !== head.index) return undefined;
  if (phrase.some((index) => tree.words[index]!.feats.VerbForm === "Fin" || isRelativePronoun(tree.words[index]!))) return undefined;
  // Not a phrase that says how or where ("à coups de hache", "en bas", "à côté du passage"), nor one that
  // completes a quantity or a measure ("une foule de sensations", "cinquante lieues en ligne droite"), a person's title.
  const forms = phrase.map((index) => tree.words[index]!.form.toLowerCase());
  if (findLocutions(forms).some((match) => match.first === 0) || titles.test(head.form)) return undefined;
  if (measuredNouns.test(noun.lemma) || timeNouns.test(noun.lemma) || /^(coup|coups|ligne|moitié|propos|côté|travers)$/u.test(head.form.toLowerCase())) return undefined;
  const { gender, number } = agreementOf(noun);
  const found = enclosingClause(tree, noun);
  // (In the indicative: "le seul bijou qu'il y eût" has no tense to describe in.)
  if (!gender || !found || found.verb.feats.Mood !== "Ind" || isSubjunctive(found.verb)) return undefined;
  return { opening: `${subjectPronoun(gender, number)} ${storyEtre(tree, found.clause, found.verb, number)}`, dropLink: false, start: first };
}

/**
 * "sur sa cheminée deux fleurets en sautoir", "pour ses paroissiens M. le
 * cardinal Fesch", "sous ses pantoufles la douceur du tapis": a second noun
 * phrase in a phrase of place or time, with no preposition of its own, is
 * the verb's object, hung on the phrase by the parse (not a title's name:
 * "avec M. le maire", "avec la mère Lefrançois").
 */
function holdsAnObject(tree: SentenceTree, head: number, phrase: readonly number[]): boolean {
  const isTitle = (form: string) => titles.test(form) || familyTitles.test(form);
  return phrase.some((index) => {
    const word = tree.words[index]!;
    if (index === head || !/^(NOUN|PROPN)$/u.test(word.upos) || !/^(appos|nmod|dep)$/u.test(word.deprel)) return false;
    if (childrenWith(tree, index, /^case$/u).length > 0) return false;
    const title = isTitle(tree.words[word.head]!.form);
    return isTitle(word.form) ? !title : childrenWith(tree, index, /^(det|nummod)$/u).length > 0 && !title;
  });
}

// Conjunctions whose clause, cut off the clause it depends on, still says when or why after "C'était".
const presentedConjunctions = /^(quand|lorsque|lorsqu'|lorsqu’|parce|pendant|depuis|dès|avant|après)$/iu;

/**
 * What makes a cut piece that is one whole clause of time or cause a
 * sentence: "C'était" before it, in the tense of the clause it depends on
 * ("quand elle entrait dans la cuisine," → "C'était quand elle entrait dans
 * la cuisine."), after the "et" or "mais" that opens the piece. Not out of
 * a clause that is itself subordinate, a negated clause it follows, a
 * question, an exclamation or an order. `first` and `last` as for
 * presentedPhrase.
 */
export function presentedSubordinate(tree: SentenceTree, first: number, last: number): { opening: string; dropLink: boolean; start: number } | undefined {
  const { link, joining, start } = pieceOpening(tree, first, last);
  const mark = tree.words[start]!;
  if (mark.deprel !== "mark" || !presentedConjunctions.test(mark.form)) return undefined;
  // "parce que", "pendant que": the conjunction's second word, not the preposition "pendant la nuit".
  if (!/^(quand|lorsque|lorsqu'|lorsqu’)$/iu.test(mark.form) && !/^(que|qu'|qu’)$/iu.test(tree.words[start + 1]?.form ?? "")) return undefined;
  const clause = tree.words[mark.head]!;
  if (clause.deprel !== "advcl" || !finiteVerb(tree, clause.index)) return undefined;
  // The whole clause, and nothing but its "et".
  const words = phraseWords(tree, clause.index);
  if (words[0] !== start || words.at(-1) !== last || words.length !== tree.words.slice(start, last + 1).filter((word) => word.upos !== "PUNCT").length) return undefined;
  const governor = tree.words[clause.head]!;
  if (joining && link.head !== governor.index) return undefined;
  const verb = finiteVerb(tree, governor.index);
  if (!verb || verb.feats.Mood === "Imp" || !isPredicate(tree, governor.index) || isSubordinate(tree, governor.index)) return undefined;
  if (tree.words.some((word) => /^[?!]/u.test(word.form))) return undefined;
  // Only the clause of a sentence: not "dont ceux qui l'ont vu sont encore navrés ‖ lorsqu'ils y songent".
  for (let up = governor; up.index !== 0; up = tree.words[up.head]!) if (/^(acl|acl:relcl|ccomp|csubj|advcl|xcomp)$/u.test(up.deprel)) return undefined;
  // "Ils allaient partir, ‖ quand le Suisse s'approcha": a past event after a scene in the imperfect is
  // what happened next, not when.
  const clauseVerb = finiteVerb(tree, clause.index)!;
  if (clause.index > governor.index && clauseVerb.feats.Tense === "Past" && clauseVerb === clause && verb.feats.Tense === "Imp") return undefined;
  // A negation reaches a clause said after its own ("il ne sortait pas quand il pleuvait"), not one set before.
  if (clause.index > governor.index && tree.children[governor.index]!.some((child) => negations.test(tree.words[child]!.form))) return undefined;
  const opening = presentational(tree, governor, verb, "Sing");
  return { opening: joining ? `${link.form} ${opening}` : opening, dropLink: false, start };
}

/** The words of each pair of round brackets, as [opening, closing] indices. */
function brackets(tree: SentenceTree): [number, number][] {
  const pairs: [number, number][] = [];
  const open: number[] = [];
  for (const word of tree.words) {
    if (word.form === "(") open.push(word.index);
    else if (word.form === ")" && open.length > 0) pairs.push([open.pop()!, word.index]);
  }
  return pairs;
}

// What the rules present after "C'était": a clause of time or cause, a purpose, a phrase of place or time.
const presentationalOpening =
  /^[-–—«“\s]*(et\s+|mais\s+)?(c['’](est|était|étaient)|ce\s+(sont|fut|furent|sera|seront|serait|seraient))\s+(quand|lorsque|lorsqu['’]|parce|pendant|depuis|dès|avant|après|pour|afin|dans|sous|chez|devant|derrière|vers|entre|parmi|sur|avec|par|au|aux|à)\s/iu;

/** The verb is the avoir of "il y a". */
function saysThereIs(tree: SentenceTree, verb: number): boolean {
  return tree.words[verb]!.lemma === "avoir" && childrenWith(tree, verb, /^expl/u).some((word) => /^y$/iu.test(word.form));
}

/** Punctuation, or an adverb with nothing of its own ("encore", but not "beaucoup de jardins"). */
function bareAdverbOrMark(tree: SentenceTree, index: number): boolean {
  const word = tree.words[index]!;
  if (word.upos === "PUNCT") return true;
  return word.upos === "ADV" && tree.children[index]!.every((child) => tree.words[child]!.upos === "PUNCT" || tree.words[child]!.upos === "ADV");
}

/** A piece a reader takes for a sentence: a finite verb with its subject, or an imperative (its parse, when the caller has it). */
export function readsAsSentence(piece: string, tree?: SentenceTree): boolean {
  // "Il lui remplit si.": an intensifier waits for its adjective; "Elle ne savait pas que.", a conjunction for its clause.
  if (/(^|\s)(si|très|que|qu['’]|et|ou|ni|mais)[\s.!?…]*$/iu.test(piece)) return false;
  // "C'était quand elle eut un enfant.", "C'était pour fêter son succès.": ce and être are subject and
  // verb, whatever the parse makes of the clause after them.
  if (presentationalOpening.test(piece)) return true;
  tree ??= parseTree(piece);
  const root = tree.children[0]![0];
  if (root === undefined) return false;
  const verb = finiteVerb(tree, root);
  if (!verb || isSubordinate(tree, root)) return false;
  // "qu'il adorait" parses with a subject and a finite verb, but is a relative clause.
  if (tree.children[root]!.some((child) => isRelativePronoun(tree.words[child]!))) return false;
  // "Il j'étais": two subjects mean a pronoun was added where the clause had one; but not a time or
  // someone spoken to before a comma, which the parse may take for a subject ("La nuit, il ne dormit
  // pas", "Sire, il en faudrait deux").
  const subjects = childrenWith(tree, root, subjectRelations);
  const setFirst = (subject: TreeWord) => {
    const words = phraseWords(tree!, subject.index);
    const spokenTo = words.length === 1 && (titles.test(subject.form) || /^sire$/iu.test(subject.form));
    return (timeNouns.test(subject.lemma) || spokenTo) && tree!.words[words.at(-1)! + 1]?.form === ",";
  };
  if (subjects.length > 1 && !subjects.slice(0, -1).every(setFirst)) return false;
  // "Il y avait encore.": il y a without what there is (only adverbs after it; "beaucoup de jardins" is something).
  if (saysThereIs(tree, root) && !tree.children[root]!.some((child) => child > root && !bareAdverbOrMark(tree, child))) return false;
  // "Madame Bovary a un chapeau vert.": the parse calls a titled name that opens a sentence a vocative.
  const titled = childrenWith(tree, root, /^vocative$/u).some((word) => word.index < root && personTitles.has(word.form.toLowerCase()));
  return verb.feats.Mood === "Imp" || subjectOf(tree, root) !== undefined || childrenWith(tree, root, /^csubj/u).length > 0 || titled;
}

export interface RuleOptions {
  /** Whether a present participle's phrase that opens the text describes its clause's subject (not after a reason). */
  frontedParticiples?: boolean;
}

export interface RuleRewrite {
  /** The sentences, in reading order; a piece may still be over the limit. */
  pieces: string[];
  rules: RewriteRule[];
  /** Verbs put in another tense (levant → levait), for the closed-list check. */
  respelled: [from: string, to: string][];
  /** The sentence's parse, for the cut of a piece still over the limit. */
  tree: SentenceTree;
  /** Per piece, the sentence's parse with the tokens as the piece writes them. */
  pieceTrees: SentenceTree[];
  /** How many of the sentence's words the rules left out ("et", a relative pronoun). */
  dropped: number;
}

/**
 * The unit whose taking out the parse misled, read from the sentence's
 * structure alone (no piece parsed), or -1: a clause that took every
 * finite verb with it, the antecedent of a relative pronoun left behind, a
 * predicate left without its subject, a predicate joined last with its
 * clause going on after it, brackets read in two pieces.
 */
function misledTaking(tree: SentenceTree, units: readonly Unit[]): number {
  // A clause that took the sentence's every finite verb with it ("La vie nombreuse [qui s'agitait… y était divisée]")
  // came from a misparse: the largest clause taken out goes back.
  // ("Quand il était repris, les nouvelles sévérités [qu'on lui infligeait ne servaient…]": a verb of a clause
  // opened by a conjunction is not the main clause's.)
  const finite = (unit: Unit) => unit.words.some((index) => {
    const word = tree.words[index]!;
    const clause = auxiliaryRelations.test(word.deprel) ? word.head : index;
    return word.feats.VerbForm === "Fin" && !isSubordinate(tree, clause);
  });
  const main = units.find((unit) => !unit.extraction);
  if (main && !finite(main) && units.some((unit) => unit.extraction && finite(unit))) {
    const sizes = units.map((unit) => (unit.extraction ? unit.words.length : 0));
    return sizes.indexOf(Math.max(...sizes));
  }
  // "…l'espèce de lividité [qui tombe d'un soupirail de cave] devant lequel vont et viennent": a relative
  // pronoun left right after a clause taken out had its antecedent in that clause, which goes back.
  // The word before `index` that is not punctuation ("devant lequel": before "devant").
  const wordBefore = (index: number) => tree.words.slice(1, index).reverse().find((other) => other.upos !== "PUNCT");
  const owner = new Map(units.flatMap((unit, index) => unit.words.map((word): [number, number] => [word, index])));
  const pairs = brackets(tree);
  for (const [index, unit] of units.entries()) {
    const orphan = unit.words.find((word) => {
      const pronoun = tree.words[word]!;
      if (pronoun.feats.PronType !== "Rel" || unit.extraction?.head === pronoun.head || unit.extraction?.drop.includes(word)) return false;
      const before = wordBefore(subtree(tree, word)[0]!);
      return before !== undefined && owner.get(before.index) !== index;
    });
    const from = orphan === undefined ? undefined : owner.get(wordBefore(subtree(tree, orphan)[0]!)!.index);
    if (from !== undefined && units[from]!.extraction) return from;
    // "il accusa le père Rouault d'être fier [, et il alla se joindre … des invités qui, …,] trouvaient
    // aussi…": a predicate without a subject right after a clause taken out was that clause's own.
    const stranded = unit.words.find((word) => {
      const verb = tree.words[word]!;
      if (!/^(conj|parataxis|acl:relcl)$/u.test(verb.deprel) || unit.extraction?.head === word) return false;
      if (subjectOf(tree, word) || !finiteVerb(tree, word) || finiteVerb(tree, word)!.feats.Mood === "Imp") return false;
      const start = verbGroupStart(tree, word);
      const before = wordBefore(start);
      const taken = before === undefined || owner.get(before.index) === index ? undefined : units[owner.get(before.index)!]?.extraction;
      if (!taken) return false;
      // ("un vacarme qui s'élança d'un bond, monta en crescendo": after a relative clause and a comma, the
      // parse's second relative clause with no pronoun went on with the first.)
      const relativeGoesOn = verb.deprel === "acl:relcl" && taken.rule.startsWith("relative") && tree.words[start - 1]?.form === "," &&
        !tree.children[word]!.some((child) => isRelativePronoun(tree.words[child]!));
      return /^(conj|parataxis)$/u.test(verb.deprel) || relativeGoesOn;
    });
    if (stranded !== undefined) return owner.get(wordBefore(verbGroupStart(tree, stranded))!.index)!;
    // "Il alla à l'école à quarante ans, et [apprit à lire], à écrire, à compter": a predicate joined
    // last comes after its clause; words of that clause after it belonged to the predicate. So does a clause
    // set beside it: "Pendant que le nouveau venu se chauffait, [le dos tourné, … tira un crayon de sa poche],
    // puis il déchira" would have "puis il déchira" read before "tira"; and an item of a list ("et, [quelque temps
    // après, un nécessaire d'ivoire], avec un dé de vermeil"). Not a subject said first, which opens by design.
    if (unit.extraction && !describingRules.has(unit.extraction.rule) && unit.extraction.rule !== "subject") {
      const first = Math.min(...unit.words);
      const last = Math.max(...unit.words);
      const straddles = units.some((other, at) => at !== index &&
        other.words.some((word) => word < first) && other.words.some((word) => word > last && tree.words[word]!.upos !== "PUNCT"));
      if (straddles) return index;
    }
    // "Le gardien, qui est … à l'église (tirant ainsi des cadavres … un double bénéfice), a profité": what the
    // writer put in brackets is read in one piece; a clause taken out with part of it goes back.
    // (Clauses taken out of the brackets, each whole inside them, are read as the writer set them.)
    const inside = (word: number, [open, close]: [number, number]) => word > open && word < close && tree.words[word]!.upos !== "PUNCT";
    const split = unit.extraction !== undefined && pairs.some((pair) =>
      unit.words.some((word) => inside(word, pair)) &&
      units.some((other, at) => at !== index && other.words.some((word) => inside(word, pair)) && other.words.some((word) => !inside(word, pair) && tree.words[word]!.upos !== "PUNCT")));
    if (split) return index;
  }
  return -1;
}

/**
 * "Elle commençait par regarder tout alentour, pour voir si rien n'avait
 * changé depuis…": a purpose ending the sentence goes as "C'était pour …"
 * even when it is cut after, where "pour voir si…" alone would not read.
 * Not one with a comma inside, where the parse took what follows the
 * purpose's closing comma for its own ("il usa, pour parfumer ses foulards,
 * toute la provision").
 */
function longPurpose(tree: SentenceTree, word: number): boolean {
  const head = tree.words[word]!;
  const words = subtree(tree, word).filter((index) => tree.words[index]!.upos !== "PUNCT");
  const opener = tree.words[words[0]!]!;
  if (head.feats.VerbForm !== "Inf" || !purpose.test(opener.form)) return false;
  const inside = tree.words.slice(words[0]!, words.at(-1)! + 1);
  const endsSentence = tree.words.slice(words.at(-1)! + 1).every((other) => other.upos === "PUNCT");
  return endsSentence && !inside.some((other) => other.form === "," || other.form === ";");
}

/** How many words `indices` make as written: one per token ("du", "aux"), an elided one with the next ("l'attendait"). */
function writtenWordCount(tree: SentenceTree, indices: readonly number[]): number {
  const tokens = [...new Set(indices.map((index) => tree.words[index]!.token))];
  return countWords(withElisions(tokens.map((token) => tree.tokens[token]!.form).join(" ")));
}

/** "l' Océan" → "l'Océan": an elided word written against the next. */
function withElisions(text: string): string {
  return text.replace(/(['’]) /gu, "$1");
}

/** The most words between two punctuation marks among `words`, counted as written. */
function longestStretch(tree: SentenceTree, words: readonly number[]): number {
  const stretches: number[][] = [[]];
  for (const index of words) {
    if (tree.words[index]!.upos === "PUNCT") stretches.push([]);
    else stretches.at(-1)!.push(index);
  }
  return Math.max(...stretches.map((stretch) => writtenWordCount(tree, stretch)));
}

/**
 * Takes clauses out of a sentence until each piece fits `maxWords` or no
 * rule applies any more. Pieces still over the limit are the caller's to cut.
 */
export function rewriteWithRules(sentence: string, maxWords: number, options: RuleOptions = {}): RuleRewrite {
  const tree = parseTree(sentence);
  const candidates = findExtractions(tree, options);
  const lastResorts = findLastResorts(tree, candidates);
  const taken = new Map<number, Extraction>();
  const refused = new Set<number>();
  // Each round writes every piece again; most are the same as the round before.
  const verdicts = new Map<string, boolean>();
  const reads = (piece: string) => {
    let verdict = verdicts.get(piece);
    if (verdict === undefined) verdicts.set(piece, (verdict = readsAsSentence(piece)));
    return verdict;
  };
  for (;;) {
    const units = unitsOf(tree, taken);
    const standIns = new Map([...taken.values()].flatMap((taking) => [...(taking.standIn ?? [])]));
    const marks = questionMarks(tree, units);
    const writings = units.map((unit, index) => writeUnit(tree, unit, { first: index === 0, last: index === units.length - 1 }, standIns, marks.get(unit)));
    const written = writings.map((writing) => writing.text);
    // Structure first: a taking the parse misled goes back before any piece is parsed.
    let bad = misledTaking(tree, units);
    // A clause the rules made that does not read as a sentence is put back.
    // ("C'était quand il entra…" is one by construction, though the parse reads "quand" as opening the sentence's clause.)
    if (bad === -1) bad = units.findIndex((unit, index) => unit.extraction && unit.extraction.rule !== "adjunct" && !reads(written[index]!));
    // A phrase of place or time said apart leaves a clause that reads as one: not "Et leur charrette qui est
    // restée. ‖ C'était sous la grande porte!", which took the phrase from a clause within a noun phrase.
    if (bad === -1) {
      bad = units.findIndex((unit) => {
        if (unit.extraction?.rule !== "adjunct") return false;
        const from = units.findIndex((other) => other.words.includes(tree.words[unit.extraction!.head]!.head));
        return from !== -1 && countWords(written[from]!) <= maxWords && !reads(written[from]!);
      });
    }
    if (bad !== -1) {
      const head = units[bad]!.extraction!.head;
      taken.delete(head);
      refused.add(head);
      // A subject said first stood for the subject of that clause as a sentence of its own.
      for (const [word, taking] of taken) if (taking.rule === "subject" && tree.words[word]!.head === head) taken.delete(word);
      continue;
    }
    let grew = false;
    const over = units.filter((_, index) => countWords(written[index]!) > maxWords);
    for (const unit of over) {
      for (const word of unit.words) {
        const candidate = candidates.get(word);
        if (candidate && !taken.has(word) && !refused.has(word)) {
          taken.set(word, candidate);
          grew = true;
        }
      }
    }
    // Once no clause is left to take out, one phrase per clause still over the limit, the longest
    // that fits the limit as "C'était …" (a phrase saying where or when, else the subject); never
    // a second one of a kind from the same clause.
    if (!grew) {
      for (const unit of over) {
        for (const found of lastResorts) {
          const movedFrom = new Set([...taken.keys()].filter((head) => found.has(head)).map((head) => tree.words[head]!.head));
          // Counted as written: "du" is one word, though the parse reads "de le"; without the clauses taken out of it.
          const phraseWords = (word: number) => {
            const asides = new Set((found.get(word)!.requires ?? []).flatMap((aside) => subtree(tree, aside)));
            const words = subtree(tree, word).filter((index) => !asides.has(index));
            const tokens = [...new Set(words.map((index) => tree.words[index]!.token))].map((token) => tree.tokens[token]!.form);
            return countWords(tokens.join(" "));
          };
          const open = unit.words.filter((word) => {
            const candidate = found.get(word);
            if (!candidate || taken.has(word) || refused.has(word) || movedFrom.has(tree.words[word]!.head)) return false;
            // A subject goes from the clause the piece is, not from one the parse hung inside it, and
            // once the clauses inside it are out.
            if (candidate.rule === "subject" && (tree.words[word]!.head !== (unit.extraction?.head ?? tree.children[0]![0]) || candidate.requires?.some((aside) => !taken.has(aside)))) return false;
            const added = [...candidate.insert.values()].join(" "); // "c'était" is one word, "ce sera" two
            return phraseWords(word) + countWords(added) <= maxWords || longPurpose(tree, word);
          });
          // Phrases of place or time go only if the clause then fits, or falls apart at its commas
          // ("Emma, prise de dégoût, lui envoya…"): one still cut inside anyway would only have lost
          // them ("c'est de transformer peu à peu un homme ‖ C'est en une bête fauve.").
          const phrases = new Set(open.filter((word) => found.get(word)!.rule === "adjunct").flatMap((word) => subtree(tree, word)));
          if (phrases.size > 0 && longestStretch(tree, unit.words.filter((word) => !phrases.has(word))) > maxWords) continue;
          const longest = open.sort((a, b) => subtree(tree, b).length - subtree(tree, a).length)[0];
          if (longest === undefined) continue;
          const taking = found.get(longest)!;
          // A subject said first goes before its clause and whatever the clause sets before it ("Une fois, …").
          taken.set(longest, taking.rule === "subject" ? { ...taking, placeAfter: unit.words[0]! - 1 } : taking);
          grew = true;
          break;
        }
      }
    }
    if (!grew) {
      return {
        tree,
        pieceTrees: writings.map((writing) => writing.tree),
        dropped: units.reduce((sum, unit) => sum + (unit.extraction?.drop.filter((index) => unit.words.includes(index)).length ?? 0), 0),
        pieces: written,
        rules: units.flatMap((unit) => (unit.extraction ? [unit.extraction.rule] : [])),
        respelled: units.flatMap((unit) => [
          ...(unit.extraction?.rule === "present_participle" || unit.extraction?.rule === "relative_dont"
            ? [...unit.extraction.replace]
                .filter(([index]) => unit.words.includes(index))
                .map(([index, form]): [string, string] => [tree.words[index]!.form, form])
            : []),
          ...(unit.extraction?.respelled ?? []),
        ]),
      };
    }
  }
}
