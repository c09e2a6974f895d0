// What the parse says about cutting a sentence between two of its words,
// for the last-resort cut (lib/text/split-long-sentence.ts). The splitter
// reads word classes and punctuation; it cannot see that "la soif et la
// peur du danger" after "non moins que l'attente," is one noun phrase, or
// that "toucher ‖ le moment de la revoir" leaves a verb without its object
// when no clitic marks the verb. The parse can: a cut between two words
// breaks every phrase that holds both, and the smallest such phrase says
// what is broken.
//
//   a noun and its complement  "une barbe ‖ de trois jours"         dearest
//   a verb and its infinitive  "ne peut pas ‖ avoir"                 as dear
//   a verb and its object      "de porter ‖ sa croix"               as a verb's complement
//     (also across adverbs)    "changer ‖ maintenant les heures"
//   between listed nouns       "des ongles sales, ‖ une barbe"      a little
//   before a participle with a phrase of its own after its noun   as after a noun (lowers the word classes' cost)
//   a noun and the bare noun naming its kind   "des roses ‖ pompon"   as inside a noun phrase
//   between a clause's adjuncts, before a clause   (left to the splitter)
import { lookUpWord } from "@/lib/french/lexicon";
import { breakCost } from "@/lib/text/split-long-sentence";
import { phraseWords, subtree, timeNouns, titles, verbAndAdverbsStart, wordSpans, type SentenceTree } from "@/lib/rewriting/sentence-tree";

const nominal = new Set(["NOUN", "PROPN", "PRON", "NUM", "DET", "ADJ"]);
// Relations that tie a word to its head inside one phrase.
const tight =
  /^(det|case|fixed|flat|flat:name|flat:foreign|compound|nummod|aux|aux:tense|aux:pass|aux:caus|cop|expl|expl:pv|expl:comp|mark)$/u;
// What may hang off a noun after a pause without breaking its phrase much: a clause or an aside.
const nounClauses = /^(acl|acl:relcl|appos|parataxis|dislocated)$/u;
// Nouns that "à" makes a manner or a locution, not a kind: "à demi", "à coups de", "à côté de", "à moitié".
const adverbialNouns = /^(demi|coup|côté|moitié|peine|fois|travers|cause|force|mesure|propos|fond|tort|raison|genou|plat|pied|cheval|vue|loisir|regret)$/u;
const nounListCost = 3;
const nounComplementCost = 9;
const subordinateSubjectCost = breakCost.subjectVerb + 1;
// How far back an auxiliary may wait for its participle across an aside.
const auxiliaryReach = 8;

/** Each word's ancestors, itself first, up to the root (0). */
function pathToRoot(tree: SentenceTree, index: number): number[] {
  const path: number[] = [];
  for (let word = index; word > 0 && path.length <= tree.words.length; word = tree.words[word]!.head) path.push(word);
  path.push(0);
  return path;
}

/** A name with nothing but its title or a name's words: "Charles", "M. Bovary père", "madame Lefrançois". */
function isName(tree: SentenceTree, head: number): boolean {
  const words = phraseWords(tree, head).map((index) => tree.words[index]!);
  const named = words.some((word) => word.upos === "PROPN");
  return named && words.every((word) => word.upos === "PROPN" || titles.test(word.form) || /^(père|mère|fils|aîné|cadet)$/iu.test(word.form));
}

/** The first two words of a phrase, as written. */
function openingWords(tree: SentenceTree, head: number): string[] {
  const words = phraseWords(tree, head);
  return words.slice(0, 2).map((index) => tree.words[index]!.form);
}

function isClauseHead(tree: SentenceTree, index: number): boolean {
  const word = tree.words[index]!;
  if (word.upos === "VERB" || word.upos === "AUX") return true;
  return tree.children[index]!.some((child) => /^(cop|nsubj|nsubj:pass)$/u.test(tree.words[child]!.deprel));
}

/**
 * Whether the cut falls between a verb and the infinitive it governs, with
 * nothing but adverbs (a negation among them) or the infinitive's own
 * preposition between: "ne peut pas ‖ avoir", "alla ‖ donc chercher".
 */
function withinVerbAndInfinitive(tree: SentenceTree, left: number, right: number): boolean {
  const adverb = (index: number) => tree.words[index]!.upos === "ADV";
  let verb = left;
  while (verb > 0 && adverb(verb)) verb -= 1;
  if (verb === 0 || !/^(VERB|AUX)$/u.test(tree.words[verb]!.upos)) return false;
  return tree.children[verb]!.some((child) => {
    const word = tree.words[child]!;
    if (word.deprel !== "xcomp" || word.feats.VerbForm !== "Inf" || child < right) return false;
    const first = subtree(tree, child)[0]!;
    if (first < right) return false;
    for (let index = right; index < first; index += 1) if (!adverb(index)) return false;
    // Right before the infinitive's own "de" or "à", after an adverb, is a natural break: "se mettait quelquefois ‖ à exprimer".
    return right < first || left === verb || first === child;
  });
}

/**
 * "l'anxiété d'un état nouveau, ou peut-être ‖ l'irritation causée…": a
 * conjunction and the adverbs after it, before the cut, wait for what they
 * join (the word classes keep a conjunction alone from ending a piece).
 */
function conjunctionWaits(tree: SentenceTree, left: number, right: number): boolean {
  let index = left;
  while (index > 0 && tree.words[index]!.upos === "ADV" && tree.words[index]!.head >= right) index -= 1;
  const link = tree.words[index]!;
  if (index === left || link.deprel !== "cc" || link.head < right) return false;
  // (Not the "et" between two adverbs of one: "çà et là ‖", "purement et simplement ‖".)
  const before = tree.words[index - 1];
  const pairedAdverbs = before?.upos === "ADV" || lookUpWord(before?.form.toLowerCase() ?? "")?.classes.has("adv") || /^là$/iu.test(tree.words[left]!.form);
  return !pairedAdverbs;
}

/** A finite auxiliary avoir before the cut, a few words back, whose participle is after it. */
function auxiliaryWaits(tree: SentenceTree, left: number, right: number): boolean {
  for (let index = left; index > 0 && index >= left - auxiliaryReach; index -= 1) {
    const word = tree.words[index]!;
    // Its participle is the next verb after it (else a misparse: "qu'il avait si admirablement remaniée, Montreuil était devenu").
    const participle = tree.words[word.head]?.feats.VerbForm === "Part" &&
      !tree.words.slice(index + 1, word.head).some((between) => between.upos === "VERB" || between.upos === "AUX");
    if (/^(aux|aux:tense)$/u.test(word.deprel) && word.lemma === "avoir" && word.feats.VerbForm === "Fin" && participle && word.head >= right) return true;
  }
  return false;
}

/**
 * A verb and its object, with adverbs between them on either side of the
 * cut: "Elle déjoua même ‖ fort habilement les intrigues". (With the object
 * right after the cut, costBetween sees it.)
 */
function objectWaits(tree: SentenceTree, left: number, right: number): boolean {
  const adverb = (index: number) => tree.words[index]?.upos === "ADV";
  let verb = left;
  while (verb > 0 && adverb(verb)) verb -= 1;
  let opening = right;
  while (adverb(opening) && tree.words[opening]!.head === verb) opening += 1;
  if (opening === right || !/^(VERB|AUX)$/u.test(tree.words[verb]?.upos ?? "")) return false;
  return tree.children[verb]!.some((child) =>
    tree.words[child]!.deprel === "obj" && /^(NOUN|PROPN)$/u.test(tree.words[child]!.upos) && subtree(tree, child)[0] === opening && tree.words[opening]!.upos === "DET");
}

/**
 * A verb and the bare noun it takes as its object are one predicate, a
 * locution: "avoir ‖ tort", "fit ‖ semblant", "rendre ‖ compte", "eût eu ‖
 * lieu"; so is "avoir ‖ l'air". Also across the negation or adverbs between
 * them: "n'avait peut-être pas ‖ tort".
 */
function lightVerbObject(tree: SentenceTree, verb: number, object: number, left: number, right: number): boolean {
  const noun = tree.words[object]!;
  if (noun.upos !== "NOUN" || !opensAfterVerb(tree, verb, object, left, right)) return false;
  // Nothing before the noun (no article, number or adjective), no name after it ("assister monsieur ‖ Madeleine").
  const bare = !tree.children[object]!.some((child) => child < object || /^(flat|flat:name|appos|nummod)$/u.test(tree.words[child]!.deprel)) &&
    !titles.test(noun.form) && !timeNouns.test(noun.lemma);
  const looks = noun.lemma === "air" && tree.words[verb]!.lemma === "avoir";
  return bare || looks;
}

/** Whether the cut falls right before `dependent`'s phrase, with nothing but adverbs between it and its verb. */
function opensAfterVerb(tree: SentenceTree, verb: number, dependent: number, left: number, right: number): boolean {
  if (right !== subtree(tree, dependent)[0] || verb > left) return false;
  for (let index = verb + 1; index <= left; index += 1) if (tree.words[index]!.upos !== "ADV") return false;
  return true;
}

// Verbs that say what their subject is, seems or becomes, as être does.
const attributeVerbs = /^(sembler|paraître|devenir|rester|demeurer)$/u;

/** An adjective with nothing of its own but adjectives joined to it and adverbs before it: "son oeil calme et triste", "assez laides". */
function bareAdjective(tree: SentenceTree, adjective: number): boolean {
  return tree.children[adjective]!.every((child) => {
    const word = tree.words[child]!;
    return /^(cc|punct)$/u.test(word.deprel) || (word.deprel === "advmod" && child < adjective) ||
      (word.deprel === "conj" && word.upos === "ADJ" && bareAdjective(tree, child));
  });
}

/**
 * A participle or adjective after its noun with complements of its own
 * ("des connaissances ‖ perdues de vue depuis longtemps") is a phrase that
 * may stand apart, as one after a noun elsewhere: the cut before it costs
 * no more than a cut after a noun, whatever the word classes say.
 */
function describingCost(tree: SentenceTree, describing: number): number | undefined {
  // "se tenait les bras croisés sur ses genoux": a past participle after a verb's object says what
  // state the object is in, part of the predicate.
  const word = tree.words[describing]!;
  if (word.feats.Tense === "Past" && tree.words[word.head]?.deprel === "obj") return undefined;
  const complements = tree.children[describing]!.filter((child) => child > describing && /^(obl|obl:arg|obl:mod|obj|advmod|xcomp)$/u.test(tree.words[child]!.deprel));
  return complements.length > 0 ? breakCost.afterNoun : undefined;
}

/**
 * The cost a cut between words `left` and `right` (adjacent, 1-based)
 * breaks, or undefined where the parse has nothing against it.
 */
function costBetween(tree: SentenceTree, left: number, right: number, present: ReadonlySet<number>): number | undefined {
  // A mark between the words ("inventés, ‖ elle") is the writer's own break, surer than the parse:
  // there only a list of nouns ("l'attente, ‖ la soif et la peur") counts against it.
  const punctuated = right - left > 1;
  const up = pathToRoot(tree, left);
  const down = pathToRoot(tree, right);
  const onRight = new Set(down);
  const common = up.find((word) => onRight.has(word))!;
  if (common === 0) return undefined;
  // The smallest phrase holding both words is `common`'s; the cut parts
  // `common` from its dependent on the other side of it.
  const headOnLeft = common <= left;
  const path = headOnLeft ? down : up;
  const dependent = path[path.indexOf(common) - 1]!;
  const relation = tree.words[dependent]!.deprel;
  // A noun with an article on each side of the cut ("les autres ‖ les principaux habitants") is two
  // phrases the parse joined: it has no say there.
  const articles = tree.children[common]!.filter((child) => tree.words[child]!.deprel === "det");
  if (articles.some((article) => article <= left) && articles.some((article) => article >= right)) return undefined;
  const upos = tree.words[common]!.upos;
  const clause = isClauseHead(tree, common);
  // A list inside a noun's complement ("des idées de renoncement ‖ et de solitude") is cut deeper than a list of the clause's own nouns.
  const nested = nominal.has(tree.words[tree.words[common]!.head]?.upos ?? "");
  const listCost = nested ? breakCost.insideNounPhrase : nounListCost;
  // "Charles Myriel avait, ‖ disait-on, beaucoup fait parler de lui": an auxiliary or an article
  // before an aside still waits for its word, whatever the commas say.
  // (Not être: the parse often takes what follows a clause's "était," for its participle or attribute.)
  const waiting = /^(det|case)$/u.test(relation) || (/^(aux|aux:tense)$/u.test(relation) && tree.words[dependent]!.lemma === "avoir");
  if (punctuated && !headOnLeft && dependent === left && waiting) return breakCost.forbidden;
  // Also after the aside: "Elle lui avait, autrefois, ‖ tenu société".
  // And with no aside: "Il en avait un peu ‖ oublié les particularités".
  if (auxiliaryWaits(tree, left, right)) return breakCost.forbidden;
  if (punctuated) return !clause && nominal.has(upos) && relation === "conj" ? listCost : undefined;
  // An adverb and the adjective it grades: "extrêmement ‖ curieux" (a negation is the verb's: "ne fût pas ‖ habile").
  // (Also an adverb of several words: "un peu ‖ étroit".)
  const adverbEnds = relation === "advmod" && Math.max(...subtree(tree, dependent)) === left;
  if (adverbEnds && common === right && upos === "ADJ" && tree.words[left]!.feats.Polarity !== "Neg") return nounComplementCost;
  if (conjunctionWaits(tree, left, right)) return breakCost.forbidden;
  // A title and the name or rank it goes with: "à madame ‖ la vicomtesse de Boischevron".
  if (titles.test(tree.words[left]!.form)) return breakCost.forbidden;
  // "une heure ‖ et demie", "deux pieds ‖ et demi": a measure and its half are one quantity.
  if (/^et$/iu.test(tree.words[right]!.form) && /^demie?$/iu.test(tree.words[right + 1]?.form ?? "")) return breakCost.forbidden;
  // An adjective before its noun, or alone after it, stays with it; one after
  // it with complements of its own ("une conversation ‖ pleine de mots") may stand apart.
  // (Graded by an adverb, "un col ‖ encore plus haut", it is a phrase of its own, still one with the noun.)
  if (relation === "amod") {
    if (dependent < common) return breakCost.forbidden;
    if (!bareAdjective(tree, dependent)) return describingCost(tree, dependent);
    return tree.children[dependent]!.some((child) => tree.words[child]!.deprel === "advmod") ? breakCost.insideNounPhrase : breakCost.forbidden;
  }
  // An article, preposition or fixed word far from its head with another noun between is a misparse
  // ("un peu de poussière sur les dalles" read with "un" the article of "dalles"): no say.
  if (tight.test(relation)) {
    const between = tree.words.slice(Math.min(dependent, common) + 1, Math.max(dependent, common));
    return between.length > 3 && between.some((word) => word.upos === "NOUN") ? undefined : breakCost.forbidden;
  }
  // A complement opened by "de": of a noun ("une barbe ‖ de trois jours") or
  // a quantity ("trop ‖ d'esprit"), it is one thing cut in two, worse than a
  // verb left without its object. Other prepositions hang off a noun or the
  // verb as the parse guesses, too often wrongly to count on.
  const opening = openingWords(tree, dependent);
  // (Not "d'après", nor "de" before a place word, which says where from: "retirait ses mains ‖ de dedans ses poches".)
  const ofDe = /^(de|d['’]|du|des)$/iu.test(opening[0] ?? "") && !/^(après|dedans|dehors|sous)$/iu.test(opening[1] ?? "");
  const prepositional = tree.children[dependent]!.some((child) => tree.words[child]!.deprel === "case");
  const infinitive = [dependent, ...tree.children[dependent]!].some((word) => tree.words[word]!.feats.VerbForm === "Inf");
  // A noun and a bare noun after its "de" name one thing: "la Profession ‖ de foi", "sa robe ‖ de chambre".
  // (Not a title, "le désespoir ‖ de M. Verdurin", nor a conjunction, "les fauteuils ‖ de peur qu'ils…".)
  const bareNoun = tree.words[dependent]!;
  const compound = ofDe && relation === "nmod" && /^(de|d['’])$/iu.test(opening[0] ?? "") && bareNoun.upos === "NOUN" &&
    common === left && dependent === right + 1 && !titles.test(bareNoun.form) && !/^(peur|crainte|sorte|façon|manière)$/u.test(bareNoun.lemma);
  if (compound && /^(NOUN|PROPN)$/u.test(upos)) return breakCost.forbidden;
  // A noun or adjective that is its clause's predicate keeps its de-complement as any noun does:
  // "Elle était l'unique servante ‖ de M. Madeleine"; not an infinitive, "son idée ‖ d'être cheval de selle".
  if (clause && ofDe && prepositional && relation === "nmod" && /^(NOUN|PROPN|ADJ)$/u.test(upos) && !infinitive) return nounComplementCost;
  // An adjective and the infinitive it governs: "disposée ‖ à suivre ses conseils", "bien aise ‖ de dîner".
  if (upos === "ADJ" && left === common && infinitive && /^(à|de|d['’])$/iu.test(opening[0] ?? "")) return nounComplementCost;
  // Inside a clause the splitter's word classes already keep a verb with its
  // clitics, auxiliary and negation; where the parse puts a verb's object is
  // too often wrong on novels (measured: as many cuts made worse as better)
  // for it to overrule them, except for a noun phrase right after the verb.
  // A verb and the infinitive after it are one predicate too: "ce qui peut ‖
  // être résumé", "faisait ‖ partir", "eût mérité ‖ de n'avoir".
  if (clause) {
    // "On ne voulait pas que l'enfant ‖ entrât": the subject of a clause opened by a conjunction
    // cannot be given again to its verb, as a main clause's can; "que l'enfant" is left hanging.
    const subordinate = tree.children[common]!.some((child) => tree.words[child]!.deprel === "mark");
    if (subordinate && !headOnLeft && /^nsubj/u.test(relation)) return subordinateSubjectCost;
    // "M. Bovary père ‖ resta encore un mois": a name cut from its verb is left alone, a name (only
    // a noun phrase may be presented, "C'était le vieux pharmacien.").
    // (Before "qui" the cut opens a relative clause: the parse took the name for its subject.)
    const relative = /^(qui|que|qu['’]|dont|où)$/iu.test(tree.words[right]!.form);
    if (!headOnLeft && /^nsubj/u.test(relation) && dependent < right && !relative && isName(tree, dependent)) return breakCost.subjectVerb;
    // A participle that describes a noun and its complement are one phrase: "des arbres plantés ‖ en ligne droite".
    // In a piece the rules wrote without the noun the participle is the predicate ("Elle était blanchie du haut
    // en bas ‖ à la chaux"): only a cut right after it parts it from its complement.
    const describing = tree.words[common]!.feats.VerbForm === "Part" && /^(acl|amod)$/u.test(tree.words[common]!.deprel);
    if (describing && headOnLeft && !/^(punct|cc|conj|advcl|parataxis)$/u.test(relation) && (left === common || present.has(tree.words[common]!.head))) {
      return nounComplementCost;
    }
    // Also with the infinitive's "de" or "à" or adverbs between them ("eût mérité ‖ de n'avoir pas d'opinions");
    // and an adverb before its infinitive: "afin de mieux ‖ voir".
    if (withinVerbAndInfinitive(tree, left, right)) return nounComplementCost;
    if (objectWaits(tree, left, right)) return breakCost.verbComplement;
    // (Also an adverb of several words: "un peu ‖ gâté".)
    if (adverbEnds && common === right && /^(Inf|Part)$/u.test(tree.words[common]!.feats.VerbForm ?? "")) return nounComplementCost;
    if (relation === "obj" && lightVerbObject(tree, common, dependent, left, right)) return breakCost.forbidden;
    // "Il la conduisit à Rouen ‖ voir son ancien maître", "Elle voyait dans les ténèbres ‖ se tordre…": a bare
    // infinitive set after a phrase of its verb starts a piece as a subordinate clause does.
    // (Not one with its "de": "avait coutume de cracher" keeps the noun's infinitive.)
    // (Not after the verb's object, which is the infinitive's subject: "Elle vit le mouchard Javert saisir…".)
    const phraseBefore = tree.children[common]!.find((child) => child < right && subtree(tree, child).includes(left));
    const infinitiveAfterPhrase = relation === "xcomp" && headOnLeft && tree.words[dependent]!.feats.VerbForm === "Inf" &&
      verbAndAdverbsStart(tree, dependent) === right && subtree(tree, dependent)[0] === right && /^(obl|obl:mod|obl:arg|advmod)$/u.test(tree.words[phraseBefore ?? 0]?.deprel ?? "") &&
      tree.words.slice(common + 1, right).some((word) => /^(NOUN|PROPN)$/u.test(word.upos));
    if (infinitiveAfterPhrase) return breakCost.subordinating;
    // "lui parut ‖ plus blanc", "fussent devenus ‖ moins sonores", "semblaient ‖ avoir été coupés": a verb like être and what it says of its subject.
    if (relation === "xcomp" && attributeVerbs.test(tree.words[common]!.lemma) && opensAfterVerb(tree, common, dependent, left, right)) return nounComplementCost;
    // A verb and the noun phrase right after it that the parse makes its object: "de porter ‖ sa croix".
    // (Also across the adverbs between them: "Il ne retirait pas volontiers ‖ ses mains".)
    const object = relation === "obj" && opensAfterVerb(tree, common, dependent, left, right) &&
      /^(NOUN|PROPN)$/u.test(tree.words[dependent]!.upos) && tree.words[right]!.upos === "DET";
    return object ? breakCost.verbComplement : undefined;
  }
  // "celui ‖ qui entre", "ce ‖ que nous venons d'indiquer": a demonstrative is nothing without its clause;
  // nor "quelqu'un ‖ qui se réveille", said of no one in particular.
  if (upos === "PRON" && /^(celui|celle|ceux|celles|ce|c'|quelqu['’]un|quelqu['’]une|quelques-uns|quelques-unes)$/iu.test(tree.words[common]!.form) && headOnLeft && /^acl/u.test(relation)) {
    return breakCost.insideNounPhrase;
  }
  // A name and its particle: "Raoul ‖ de Faux".
  if (ofDe && upos === "PROPN" && tree.words[dependent]!.upos === "PROPN") return breakCost.forbidden;
  // "avec ce Jean Valjean ‖ du même air": a name takes no complement with an article; the parse hung a verb's phrase on it.
  const nameAndPhrase = upos === "PROPN" && tree.children[dependent]!.some((child) => tree.words[child]!.deprel === "det");
  // "la flamme de la bougie ‖ d'un air stupide", "les fentes du plancher ‖ d'une dissolution de sel": an
  // indefinite phrase on "de" after a noun's own complement is as often the verb's phrase (how, with what),
  // hung by the parse on the nearest noun; a cut there leaves a whole phrase before it. (Not "de la", "de
  // mon": a possessor, "la meilleure part du cœur ‖ de mon amie".)
  const ownDe = (index: number) => tree.children[index]!.some((child) => tree.words[child]!.deprel === "case" && /^(de|d['’]|du|des)$/iu.test(tree.words[child]!.form));
  const nestedComplement = relation === "nmod" && upos === "NOUN" && tree.words[common]!.deprel === "nmod" && ownDe(common) &&
    /^(de|d['’])$/iu.test(opening[0] ?? "") && /^(un|une)$/iu.test(opening[1] ?? "");
  if (ofDe && prepositional && nestedComplement && !nameAndPhrase) return breakCost.insideNounPhrase;
  if (ofDe && prepositional && (nominal.has(upos) || upos === "ADV") && !nameAndPhrase) return nounComplementCost;
  // "une vieille chaise ‖ à roulettes", "ce vieil homme ‖ à lèvres pendantes": "à" and a noun with no article
  // after a noun says what kind it is, one phrase as a de-complement is.
  // (Not a manner or a locution, "à demi", "à coups de hache", "à côté de": nor "à petits coups", "à si larges
  // effluves", where an adjective before the noun says how.)
  const ofKind = /^à$/iu.test(opening[0] ?? "") && tree.words[dependent]!.upos === "NOUN" && !adverbialNouns.test(tree.words[dependent]!.lemma) &&
    !tree.children[dependent]!.some((child) => tree.words[child]!.deprel === "det" || (tree.words[child]!.deprel === "amod" && child < dependent));
  if (ofKind && upos === "NOUN" && relation === "nmod" && headOnLeft) return nounComplementCost;
  // A name and the noun it goes with, no preposition between: "les époux ‖ Bovary", "madame Bovary ‖ mère", "sa petite ‖ Cosette".
  const named = tree.words[left]!.upos === "PROPN" || tree.words[right]!.upos === "PROPN";
  // (An apposition only when the name is that word itself: "la bénédiction du bon Dieu ‖ quand Cosette".)
  const apposedName = relation === "appos" && (dependent === left || dependent === right) && /^(NOUN|PROPN)$/u.test(tree.words[dependent]!.upos);
  if (named && nominal.has(upos) && !prepositional && (/^(nmod|flat|flat:name)$/u.test(relation) || apposedName)) return breakCost.forbidden;
  // A participle right after its noun, as an adjective there: "des mouchoirs ‖ traînant sur les fourneaux".
  if (relation === "acl" && dependent === right && tree.words[dependent]!.feats.VerbForm === "Part") return describingCost(tree, dependent);
  // "des roses ‖ pompon", "une bordure ‖ bleu ciel": a bare noun right after a noun names its kind.
  const bareKind = tree.words[left]!.upos === "NOUN" && tree.words[right]!.upos === "NOUN" && dependent === right &&
    !tree.children[right]!.some((child) => /^(det|case)$/u.test(tree.words[child]!.deprel));
  if (bareKind) return breakCost.insideNounPhrase;
  // A noun after a noun with no preposition between ("son irritation ‖ une sorte") is a misparse more often than not.
  if (!nominal.has(upos) || nounClauses.test(relation) || prepositional || relation === "nmod") return undefined;
  // Between coordinated nouns ("des ongles sales ‖ et une barbe") the phrase breaks where a list does; before
  // the "et" of a noun with its own article, as the word classes see it, wherever the parse hung that noun
  // ("des pompons roses aux oreilles ‖ et une selle de femme": on "oreilles", a list inside a complement).
  // (Right after the "et", and not a name's: "des Mille et une Nuits".)
  const ownArticle = tree.words[right + 1]?.head === dependent && tree.words[right + 1]!.deprel === "det" && tree.words[dependent]!.upos === "NOUN";
  if (nested && relation === "conj" && ownArticle && tree.words[right]!.deprel === "cc" && tree.words[right]!.head === dependent) return undefined;
  // Adjectives joined before their noun are inside its phrase: "un vaste ‖ et bel hôtel".
  const commonWord = tree.words[common]!;
  if (relation === "conj" && upos === "ADJ" && commonWord.deprel === "amod" && common < commonWord.head && dependent < commonWord.head) return breakCost.insideNounPhrase;
  return relation === "conj" ? listCost : breakCost.insideNounPhrase;
}

/**
 * Per gap between two units of `text` (units[k] and units[k + 1], character
 * ranges), the cost the parse sets there, or undefined where it has no say.
 */
export function parseCutCosts(
  text: string,
  tree: SentenceTree,
  units: readonly { start: number; end: number }[],
): (number | undefined)[] {
  const words = wordSpans(text, tree);
  if (!words) return units.map(() => undefined);
  // A piece the rules wrote comes with its sentence's parse: the words it holds.
  const present = new Set(words.map((word) => word.index));
  let after = 0;
  return units.map((unit, k) => {
    const next = units[k + 1];
    if (!next) return undefined;
    while (after < words.length && words[after]!.start < next.start) after += 1;
    const left = words[after - 1];
    const right = words[after];
    return left && right ? costBetween(tree, left.index, right.index, present) : undefined;
  });
}
