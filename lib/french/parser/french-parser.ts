// The French parser: tokens → parts of speech (and which contractions are
// two words) → morphological features → unlabelled tree → labels → lemmas.
// The model is read once per process, on first use, and shared by every
// caller (splitter, validation, study sets).
import { readFileSync } from "node:fs";
import path from "node:path";
import { blankWord, type ConlluSentence, type ConlluToken, type ConlluWord } from "@/lib/french/parser/conllu";
import { decodeModel, type ParserModel } from "@/lib/french/parser/model-file";
import { tagTokens } from "@/lib/french/parser/tagger";
import { tagMorphology } from "@/lib/french/parser/morphology";
import { parseHeads, type ParserWord } from "@/lib/french/parser/arc-hybrid";
import { labelTree } from "@/lib/french/parser/labeller";
import { lemmaOf, type LemmaModel } from "@/lib/french/parser/lemmas";
import { featureForm } from "@/lib/french/parser/lexical-features";
import { tokenizeSentence } from "@/lib/french/parser/tokenize-ud";
import { segmentSentenceSpans } from "@/lib/text/segment-sentences";

export const parserModelPath = path.resolve(process.cwd(), "lib/french/parser/model/french-parser.bin.gz");

function capitalizeLike(surface: string, word: string): string {
  return surface[0] !== surface[0]!.toLowerCase() ? word[0]!.toUpperCase() + word.slice(1) : word;
}

export class FrenchParser {
  private readonly singleWordTags: number[];
  private readonly tagsByArity = new Map<number, number[]>();
  /** Lower-case form → the multi-word tags it takes in training ("des" → [ADP+DET]). */
  private readonly contractionTags = new Map<string, number[]>();
  private readonly lemmas: LemmaModel;

  constructor(readonly model: ParserModel) {
    const { tags, contractions, lemmaExceptions } = model.header;
    tags.forEach((tag, index) => {
      const arity = tag.split("+").length;
      this.tagsByArity.set(arity, [...(this.tagsByArity.get(arity) ?? []), index]);
    });
    this.singleWordTags = this.tagsByArity.get(1) ?? [];
    const tagIndex = new Map(tags.map((tag, index) => [tag, index]));
    for (const key of Object.keys(contractions)) {
      const [form, tag] = key.split("\t") as [string, string];
      this.contractionTags.set(form, [...(this.contractionTags.get(form) ?? []), tagIndex.get(tag)!]);
    }
    this.lemmas = { exceptions: lemmaExceptions };
  }

  /**
   * Fills LEMMA, UPOS, FEATS, HEAD and DEPREL of a sentence. With
   * `wordsGiven`, each token keeps its words as they are (a CoNLL-U file's
   * tokenisation); otherwise each token is one placeholder word and the
   * tagger decides which tokens are contractions of two words.
   */
  annotate(sentence: ConlluSentence, { wordsGiven }: { wordsGiven: boolean }): ConlluSentence {
    const forms = sentence.tokens.map((token) => token.form);
    const allowed = (index: number) => this.allowedTags(sentence.tokens[index]!, wordsGiven);
    const tags = tagTokens({ tags: this.model.header.tags, perceptron: this.model.perceptrons.tagger }, forms, allowed);
    const tokens: ConlluToken[] = sentence.tokens.map((token, index) => {
      const parts = tags[index]!.split("+");
      const forms = wordsGiven ? token.words.map((word) => word.form) : this.wordsOf(token.form, tags[index]!);
      const words = forms.map((form, part) => ({ ...givenWord(token.words[part], form), upos: parts[part]! }));
      return { ...token, words };
    });
    const words = tokens.flatMap((token) => token.words);
    const feats = tagMorphology(
      { bundles: this.model.header.bundles, bundlesByUpos: this.model.header.bundlesByUpos, perceptron: this.model.perceptrons.morphology },
      words,
    );
    const parserWords: ParserWord[] = words.map((word, index) => ({ form: word.form, upos: word.upos, feats: feats[index]! }));
    const heads = parseHeads({ perceptron: this.model.perceptrons.parser }, parserWords);
    const labels = labelTree({ labels: this.model.header.labels, perceptron: this.model.perceptrons.labeller }, parserWords, heads);
    words.forEach((word, index) => {
      word.feats = feats[index]!;
      word.head = heads[index + 1]!;
      word.deprel = labels[index + 1]!;
      word.lemma = lemmaOf(this.lemmas, word.form, word.upos);
    });
    return { comments: sentence.comments, tokens };
  }

  /** The tags a token may take when the tagger splits contractions, by form as written, built once. */
  private readonly contractionAllowed = new Map<string, number[]>();

  private allowedTags(token: ConlluToken, wordsGiven: boolean): readonly number[] {
    if (!wordsGiven) {
      let allowed = this.contractionAllowed.get(token.form);
      if (!allowed) {
        const known = this.contractionTags.get(featureForm(token.form)) ?? [];
        allowed = known.length === 0 ? this.singleWordTags : [...this.singleWordTags, ...known];
        if (this.contractionAllowed.size > 100_000) this.contractionAllowed.clear();
        this.contractionAllowed.set(token.form, allowed);
      }
      return allowed;
    }
    const known = this.contractionTags.get(featureForm(token.form)) ?? [];
    const arity = token.words.length;
    if (arity === 1) return this.singleWordTags;
    const knownOfArity = known.filter((index) => this.model.header.tags[index]!.split("+").length === arity);
    return knownOfArity.length > 0 ? knownOfArity : (this.tagsByArity.get(arity) ?? this.singleWordTags);
  }

  private wordsOf(surface: string, tag: string): string[] {
    // Only a tag of two words or more ("ADP+DET") can make a contraction.
    if (!tag.includes("+")) return [surface];
    const words = this.model.header.contractions[`${featureForm(surface)}\t${tag}`];
    return words ? words.map((word, index) => (index === 0 ? capitalizeLike(surface, word) : word)) : [surface];
  }

  /** Tokenises one sentence and parses it. */
  parseSentence(sentenceText: string): ConlluSentence {
    const tokens: ConlluToken[] = tokenizeSentence(sentenceText).map((token) => ({
      form: token.form,
      words: [blankWord(token.form)],
      misc: token.spaceAfter ? "_" : "SpaceAfter=No",
      emptyNodes: [],
    }));
    const parsed = this.annotate({ comments: [`text = ${sentenceText}`], tokens }, { wordsGiven: false });
    // A one-word token carries SpaceAfter on its word line, a contraction on its range line.
    for (const token of parsed.tokens) if (token.words.length === 1) token.words[0]!.misc = token.misc;
    return parsed;
  }

  /** Splits text into sentences, then parses each. */
  parseText(text: string): ConlluSentence[] {
    return segmentSentenceSpans(text).map((span) => this.parseSentence(text.slice(span.start, span.end)));
  }
}

/** A given word with every column the parser fills emptied; its form, XPOS, DEPS and MISC kept. */
function givenWord(given: ConlluWord | undefined, form: string): ConlluWord {
  return { ...blankWord(form, given?.misc), xpos: given?.xpos ?? "_", deps: given?.deps ?? "_" };
}

let shared: FrenchParser | undefined;

/** The parser with the committed model, read on first use (once per process). */
export function frenchParser(): FrenchParser {
  shared ??= new FrenchParser(decodeModel(readFileSync(parserModelPath)));
  return shared;
}
