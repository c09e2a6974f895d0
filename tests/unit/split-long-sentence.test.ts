import { describe, expect, it } from "vitest";
import { countWords, listWords } from "@/lib/text/count-words";
import { segmentSentences } from "@/lib/text/segment-sentences";
import { splitLongSentence } from "@/lib/text/split-long-sentence";
import { corpusMissing, loadCorpusText } from "@/tests/fixtures/corpus-text";

describe("splitLongSentence", () => {
  it("leaves room for the subject a piece's predicate will be given again (Madame Bovary, its comma taken out)", () => {
    // Without the book's comma after "elle", nothing but the subject's need says where to cut.
    const sentence = "En rentrant chez elle Félicité lui montra un papier gris derrière la pendule.";
    expect(splitLongSentence(sentence, 8)).toEqual(["En rentrant chez elle Félicité", "lui montra un papier gris derrière la pendule."]);
    // "lui montra…" would be given "Elle" again: 9 words. The subject stays with its verb instead.
    const subjectAtLui = (_text: string, units: readonly unknown[]) => units.map((_, k) => (k === 5 ? 1 : 0));
    expect(splitLongSentence(sentence, 8, undefined, subjectAtLui)).toEqual([
      "En rentrant chez elle Félicité lui montra",
      "un papier gris derrière la pendule.",
    ]);
  });

  it("starts no piece on a scrap of the clause before its comma (Madame Bovary)", () => {
    // The book's own comma: the cut falls there, not inside the next clause, leaving "Félicité" with its verb.
    expect(splitLongSentence("En rentrant chez elle, Félicité lui montra un papier gris derrière la pendule.", 8)).toEqual([
      "En rentrant chez elle,",
      "Félicité lui montra un papier gris",
      "derrière la pendule.",
    ]);
    expect(splitLongSentence("Dans la chambre, au premier, un jour blanchâtre passait par les fenêtres sans rideaux.", 8)).toEqual([
      "Dans la chambre, au premier,",
      "un jour blanchâtre passait",
      "par les fenêtres sans rideaux.",
    ]);
  });

  it("takes one piece more rather than cut a clause from its verb (Madame Bovary)", () => {
    expect(splitLongSentence("Si Charles, timidement, hasardait une observation, elle répondait avec brutalité que ce n'était point sa faute!", 8)).toEqual([
      "Si Charles, timidement, hasardait une observation,",
      "elle répondait avec brutalité",
      "que ce n'était point sa faute!",
    ]);
  });

  it("never parts est-ce from the que or qui of its question (Les Misérables)", () => {
    expect(splitLongSentence("Qui est-ce qui vous dit que je n'ai pas assassiné?", 8)).toEqual(["Qui est-ce qui vous dit", "que je n'ai pas assassiné?"]);
    expect(splitLongSentence("Qui est-ce qui vous a dit de la laisser aller?", 8)[0]).toBe("Qui est-ce qui vous a dit");
  });

  it("returns a sentence within the limit unchanged", () => {
    expect(splitLongSentence("Longtemps, je me suis couché de bonne heure.", 8)).toEqual([
      "Longtemps, je me suis couché de bonne heure.",
    ]);
  });

  it("prefers ; and : over commas, and commas over cutting between two words", () => {
    expect(
      splitLongSentence("Il pleuvait sur la ville ; elle attendait, seule, à la fenêtre.", 6),
    ).toEqual(["Il pleuvait sur la ville ;", "elle attendait, seule, à la fenêtre."]);
    expect(
      splitLongSentence("Emma descendit au jardin, cueillit des roses blanches et rentra.", 6),
    ).toEqual(["Emma descendit au jardin,", "cueillit des roses blanches et rentra."]);
  });

  it("cuts before a conjunction or a relative word when there is no punctuation", () => {
    expect(
      splitLongSentence("Il regardait la mer grise qui montait lentement vers la digue.", 6),
    ).toEqual(["Il regardait la mer grise", "qui montait lentement vers la digue."]);
  });

  it("keeps punctuation with its word: no piece starts with » ? , or ends with « —", () => {
    const pieces = splitLongSentence(
      "— Vraiment\u00a0? demanda-t-elle\u00a0: «\u00a0Tu pars demain matin avec lui\u00a0?\u00a0» et elle rit longtemps.",
      4,
    );
    for (const piece of pieces) {
      expect(piece).not.toMatch(/^[»?!,;:.]/u);
      expect(piece).not.toMatch(/[«—]$/u);
      expect(countWords(piece)).toBeLessThanOrEqual(4);
    }
    expect(pieces.join(" ")).toBe(
      "— Vraiment\u00a0? demanda-t-elle\u00a0: «\u00a0Tu pars demain matin avec lui\u00a0?\u00a0» et elle rit longtemps.",
    );
  });

  it("cuts before a preposition that opens a complement, not inside a noun phrase", () => {
    expect(
      splitLongSentence(
        "Les enfants couraient dans la grande prairie derrière la vieille maison du notaire",
        8,
      ),
    ).toEqual(["Les enfants couraient dans la grande prairie", "derrière la vieille maison du notaire"]);
  });

  it("cuts before a purpose, pour or afin de and its infinitive, rather than after a verb (Madame Bovary, Les Misérables)", () => {
    expect(splitLongSentence("Souvent les pensionnaires s'échappaient de l'étude pour l'aller voir.", 8)).toEqual([
      "Souvent les pensionnaires s'échappaient de l'étude",
      "pour l'aller voir.",
    ]);
    expect(splitLongSentence("--Monsieur, dit le buraliste, ne manquez pas d'être ici pour partir à une heure précise du matin.", 8)).toContain(
      "pour partir à une heure précise du matin.",
    );
  });

  it("never leaves a determiner, preposition, clitic, ne or conjunction at the end of a piece", () => {
    const hanging = /\s(le|la|les|un|une|des|du|de|à|en|dans|par|pour|sur|je|il|ils|on|se|ne|n'|et|ou|mais|qui|que|qu'il)$/u;
    const samples = [
      "J'ai le désir de faire un tour, je ne vois pas en quoi cela peut te fâcher.",
      "Je n'ai qu'à reprendre mon article et à le porter demain matin au journal.",
      "Ceux qui n'avaient jamais tenu un fleuret en leur main esquissaient des gestes maladroits.",
      "Il avait les cheveux coupés droit sur le front, comme un chantre de village, l'air raisonnable.",
    ];
    for (const sentence of samples) {
      for (const piece of splitLongSentence(sentence, 6)) expect(piece).not.toMatch(hanging);
    }
  });

  it("keeps titles with names, runs of capitalised words, names with numerals and numbers with units", () => {
    const cases: [string, string][] = [
      ["Les rédacteurs de La Vie Française étaient tous là ce soir-là dans le grand salon.", "La Vie Française"],
      ["Il avait été présenté hier soir par M. Walter à la femme du ministre.", "M. Walter"],
      ["On attendait encore au salon Mme de Marelle qui venait toujours en retard.", "Mme de Marelle"],
      ["Le peuple de Paris avait longtemps aimé Louis XVI. avant de le juger sévèrement.", "Louis XVI."],
      ["Il paya pour cette vieille voiture quatre cents francs comptant au marchand de Rouen.", "cents francs"],
      // Les Misérables: after a number, "sous" is the coin.
      ["Je ne gagnais plus que trente sous par jour, on me payait le moins cher qu'on pouvait.", "trente sous"],
      ["Depuis quatre jours je n'ai dépensé que vingt-cinq sous que j'ai gagnés en aidant à décharger des voitures.", "vingt-cinq sous"],
      // Les Misérables: and "pas" the step.
      ["Son regard, arrêté à dix ou douze pas devant lui, semblait étudier la forme d'un vieux tesson.", "douze pas"],
    ];
    for (const [sentence, together] of cases) {
      const pieces = splitLongSentence(sentence, 5);
      expect(pieces.some((piece) => piece.includes(together)), pieces.join(" | ")).toBe(true);
      expect(pieces.join(" ")).toBe(sentence);
    }
  });

  it("keeps ne … que together: a cut before que would leave a negation the sentence does not have", () => {
    // Les Misérables: cut before "qu'une", the first piece says Jean Valjean had no one left.
    const pieces = splitLongSentence(
      "Il n'était resté à Jean Valjean qu'une soeur plus âgée que lui, veuve, avec sept enfants, filles et garçons.",
      8,
    );
    expect(pieces.some((piece) => /Valjean$/u.test(piece))).toBe(false);
    expect(pieces[0]).toMatch(/qu'une/u);
  });

  it("keeps ne with the pas, jamais or rien that closes it (Les Misérables)", () => {
    const pieces = splitLongSentence("Il n'y avait évidemment pas de conversion à attendre.", 8);
    expect(pieces[0]).toMatch(/n'y avait évidemment pas/u);
  });

  it("keeps a number with its unit or the number it is coordinated with, not with the clause after it", () => {
    // Madame Bovary: "que deux ou trois ‖ qui lui cachaient tous les autres".
    const pieces = splitLongSentence(
      "Emma n'en apercevait que deux ou trois qui lui cachaient tous les autres, et représentaient à eux seuls l'humanité complète.",
      8,
    );
    expect(pieces[0]).toBe("Emma n'en apercevait que deux ou trois");
  });

  it("rejects a limit that is not a positive integer", () => {
    expect(() => splitLongSentence("Un deux trois.", 0)).toThrow(RangeError);
    expect(() => splitLongSentence("Un deux trois.", 2.5)).toThrow(RangeError);
  });
});

describe.skipIf(corpusMissing())("splitLongSentence on thousands of real sentences", () => {
  const novels = ["bovary", "miserables", "swann"];
  const samples = novels.flatMap((name) => {
    const sentences = segmentSentences(loadCorpusText(name)).filter(
      (sentence) => countWords(sentence) > 0,
    );
    const step = Math.max(1, Math.floor(sentences.length / 1000));
    const spread = sentences.filter((_, index) => index % step === 0);
    const longest = [...sentences].sort((a, b) => countWords(b) - countWords(a)).slice(0, 40);
    return [...spread, ...longest];
  });

  it("uses over 3,000 sentences, some of them hundreds of words long", () => {
    expect(samples.length).toBeGreaterThan(3000);
    expect(Math.max(...samples.map(countWords))).toBeGreaterThan(300);
  });

  it("keeps every piece within N words and every word in order, for N from 3 to 30", () => {
    const originals = samples.map(listWords);
    let checked = 0;
    for (let maxWords = 3; maxWords <= 30; maxWords++) {
      samples.forEach((sentence, index) => {
        const original = originals[index]!;
        const pieces = splitLongSentence(sentence, maxWords);
        let at = 0;
        for (const piece of pieces) {
          const words = listWords(piece);
          const sameWords = words.every((word, offset) => word === original[at + offset]);
          if (words.length < 1 || words.length > maxWords || !sameWords) {
            throw new Error(
              `N=${maxWords}: piece ${JSON.stringify(piece)} of ${JSON.stringify(sentence)}`,
            );
          }
          at += words.length;
        }
        if (at !== original.length)
          throw new Error(`N=${maxWords}: words lost from ${JSON.stringify(sentence)}`);
        // As many pieces as needed, plus a few more only to land on natural breaks.
        if (pieces.length > Math.ceil(original.length / maxWords) * 2) {
          throw new Error(`N=${maxWords}: ${pieces.length} pieces for ${original.length} words`);
        }
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(80_000);
  });
});

describe.skipIf(corpusMissing())("splitLongSentence keeps locutions whole in real sentences", () => {
  const sentences = ["bovary", "miserables", "swann"].flatMap((name) => segmentSentences(loadCorpusText(name)));
  const locutions = ["peu à peu", "goutte à goutte", "tout à coup", "à cause de", "à cause des", "à cause du", "au lieu de", "à peu près", "parce que"];
  const holding = (locution: string) =>
    sentences.filter((sentence) => sentence.toLowerCase().includes(`${locution} `) && countWords(sentence) > 8);

  it("never cuts inside one, in sentences the splitter used to cut there", () => {
    const cases: [string, string][] = [
      ["l'ordre peu à peu se rétablit dans la classe", "peu à peu"],
      ["l'enseignement qui tombe goutte à goutte", "goutte à goutte"],
      ["ils semblaient noirs à cause des cils", "à cause des"],
      ["mit son pardessus à cause de sa soutane", "à cause de"],
      ["au lieu de chiffres ils portaient", "au lieu de"],
      ["une philosophie à peu près officielle", "à peu près"],
    ];
    for (const [start, locution] of cases) {
      const sentence = sentences.find((text) => text.includes(start))!;
      const pieces = splitLongSentence(sentence, 8);
      expect(pieces.some((piece) => piece.includes(locution)), pieces.join(" | ")).toBe(true);
      expect(pieces.join(" ")).toBe(sentence.replace(/\s+/gu, " ").trim());
    }
  });

  it("keeps côte à côte, missing from the Lefff, and a noun with its de-complement", () => {
    const bishop = splitLongSentence(sentences.find((text) => text.includes("côte à côte avec ce misérable"))!, 8);
    expect(bishop.some((piece) => piece.includes("côte à côte")), bishop.join(" | ")).toBe(true);
    expect(bishop.some((piece) => piece.includes("aux yeux de la foule")), bishop.join(" | ")).toBe(true);
    const bell = splitLongSentence(sentences.find((text) => text.includes("comme un bourdon de cathédrale"))!, 8);
    expect(bell.some((piece) => piece.includes("un bourdon de cathédrale")), bell.join(" | ")).toBe(true);
  });

  it("keeps the adverbial expressions and compound nouns of novels the Lefff lacks whole (Les Misérables)", () => {
    const cases = [
      ["Cette journée-là était d'un bout à l'autre faite d'aurore.", "d'un bout à l'autre"],
      ["Mais de la tête aux pieds toute sa personne niait.", "de la tête aux pieds"],
      [
        "De temps en temps, aux moments les plus «énergiques» du réquisitoire, dans ces instants où l'éloquence, qui ne peut se contenir, déborde dans un flux d'épithètes flétrissantes et enveloppe l'accusé comme un orage, il remuait lentement la tête de droite à gauche et de gauche à droite, sorte de protestation triste et muette dont il se contentait depuis le commencement des débats.",
        "de droite à gauche",
      ],
      // A compound noun too.
      [
        "Comme on a pu le remarquer dans ce qui a été dit plus haut, le logis était distribué de telle sorte que, pour passer dans l'oratoire où était l'alcôve ou pour en sortir, il fallait traverser la chambre à coucher de l'évêque.",
        "la chambre à coucher",
      ],
    ];
    for (const [sentence, locution] of cases) {
      const pieces = splitLongSentence(sentence!, 8);
      expect(pieces.some((piece) => piece.includes(locution!)), pieces.join(" | ")).toBe(true);
    }
  });

  it("keeps a verb with its infinitive complement, and avoir with its partitive object", () => {
    const aunt = splitLongSentence(sentences.find((text) => text.includes("ne cessaient plus de tâcher"))!, 8);
    expect(aunt.some((piece) => piece.includes("de tâcher de prévenir")), aunt.join(" | ")).toBe(true);
    const visit = splitLongSentence(sentences.find((text) => text.includes("Mme Goupil a de la visite"))!, 8);
    expect(visit.some((piece) => piece.includes("a de la visite")), visit.join(" | ")).toBe(true);
    expect(visit.some((piece) => piece.includes("il commence à ne plus être")), visit.join(" | ")).toBe(true);
  });

  it("lets a piece end after a locution that ends in an elided word: the noun of that word closes it", () => {
    const sentence = sentences.find((text) => text.includes("plus d'abus de la part de la loi"))!;
    const pieces = splitLongSentence(sentence, 8);
    expect(pieces[0]).toBe("S'il n'y avait pas plus d'abus");
    for (const piece of pieces) expect(piece).not.toMatch(/ de la$/u);
  });

  it.each(locutions)("keeps every %s of the three novels in one piece, and ends no piece on a preposition or conjunction locution", (locution) => {
    const found = holding(locution);
    expect(found.length).toBeGreaterThan(0);
    for (const sentence of found) {
      const pieces = splitLongSentence(sentence, 8);
      const joined = pieces.join(" ").toLowerCase();
      const whole = pieces.filter((piece) => piece.toLowerCase().includes(locution)).length;
      const everywhere = joined.split(locution).length - 1;
      expect(whole, pieces.join(" | ")).toBe(everywhere);
      for (const piece of pieces.slice(0, -1)) {
        expect(piece, pieces.join(" | ")).not.toMatch(/(à cause d\S*|au lieu d\S*|parce qu\S*)$/iu);
      }
    }
  });
});

// Bad cuts a teacher found in a sample of the corpus books, each in the real
// sentence it came from: the piece on the left of each check is what the
// splitter used to give.
describe.skipIf(corpusMissing())("splitLongSentence keeps clauses and predicates whole in real sentences", () => {
  const sentences = ["bovary", "miserables", "swann"].flatMap((name) => segmentSentences(loadCorpusText(name)));
  const split = (start: string) => {
    const sentence = sentences.find((text) => text.includes(start));
    if (!sentence) throw new Error(`no corpus sentence holds ${JSON.stringify(start)}`);
    return splitLongSentence(sentence, 8);
  };

  it("ends a piece on the ; or : it reaches, rather than running into the next clause", () => {
    const pieces = split("une guillotine; mais si");
    expect(pieces, pieces.join(" | ")).not.toContain("une guillotine; mais si l'on en rencontre une,");
    expect(pieces.some((piece) => piece.endsWith("une guillotine;")), pieces.join(" | ")).toBe(true);
    for (const piece of pieces) expect(piece, pieces.join(" | ")).not.toMatch(/;\s\S+\s\S+/u);
  });

  it("does not start a piece with the tail of the previous clause across a comma", () => {
    const sermons = split("et les sermons, si bien prêché");
    expect(sermons, sermons.join(" | ")).not.toContain("et les sermons, si bien prêché le respect");
    expect(sermons.some((piece) => piece.startsWith("si bien prêché le respect")), sermons.join(" | ")).toBe(true);
    const bell = split("comme un bourdon de cathédrale");
    expect(bell, bell.join(" | ")).toContain("comme un bourdon de cathédrale,");
  });

  it("keeps a finite verb with its attribute, adverb or object", () => {
    const cases: [string, string][] = [
      ["et la rendait peut-être", "et la rendait peut-être plus cruelle"],
      ["sur la sienne ne fût pas", "ne fût pas pour quelque chose"],
    ];
    for (const [start, together] of cases) {
      const pieces = split(start);
      expect(pieces.some((piece) => piece.includes(together)), pieces.join(" | ")).toBe(true);
    }
    const garden = split("et même lui montra");
    for (const piece of garden) expect(piece, garden.join(" | ")).not.toMatch(/lui montra$/u);
    // A verse of Baudelaire's, from the PDF edition: "falloir" and the clause it governs.
    const verse = splitLongSentence(
      "Dis-le, belle sorcière, oh ! dis, si tu le sais, À cet agonisant que le loup déjà flaire Et que surveille le corbeau, À ce soldat brisé ! s’il faut qu’il désespère D’avoir sa croix et son tombeau ;",
      8,
    );
    expect(verse.some((piece) => piece.includes("s’il faut qu’il désespère")), verse.join(" | ")).toBe(true);
  });

  it("keeps a short subject with its verb, and a noun with its adjective", () => {
    const swann = split("quand Swann leur avait donné");
    expect(swann.some((piece) => piece.includes("quand Swann leur avait donné")), swann.join(" | ")).toBe(true);
    const bishop = split("avec sa croix épiscopale au cou");
    expect(bishop.some((piece) => piece.includes("sa croix épiscopale")), bishop.join(" | ")).toBe(true);
    const code = split("au milieu de délicates sculptures");
    expect(code.some((piece) => piece.includes("délicates sculptures")), code.join(" | ")).toBe(true);
  });

  it("never ends a piece on an abbreviated title, and keeps salle à manger, ne fût-ce que and savait bien whole", () => {
    const bishop = split("nous n'avons point à sonder M.");
    expect(bishop.some((piece) => piece.endsWith(" M.")), bishop.join(" | ")).toBe(false);
    const dining = split("de la salle à manger dans ma chambre");
    expect(dining.some((piece) => piece.includes("salle à manger")), dining.join(" | ")).toBe(true);
    const sign = split("ne fût-ce que par un signe");
    expect(sign.some((piece) => piece.includes("ne fût-ce que")), sign.join(" | ")).toBe(true);
    // "bien que" after a verb is the verb's adverb, then its que-clause.
    const aunt = split("Mais ma tante savait bien que");
    expect(aunt.some((piece) => piece.endsWith("savait")), aunt.join(" | ")).toBe(false);
  });

  it("cuts before an indirect question rather than inside the clause that asks it (Madame Bovary)", () => {
    const why = split("Elle se demanda même pourquoi donc");
    expect(why, why.join(" | ")).toContain("pourquoi donc elle exécrait Charles,");
    const foot = split("il fallait connaître d'abord quelle espèce");
    expect(foot, foot.join(" | ")).toContain("quelle espèce de pied-bot il avait.");
  });

  it("keeps a degree word with the adjective it grades", () => {
    const duty = split("que là était son plus");
    expect(duty.some((piece) => piece.includes("son plus grand devoir")), duty.join(" | ")).toBe(true);
    const regulars = split("un des plus fidèles habitués");
    expect(regulars.some((piece) => piece.includes("des plus fidèles")), regulars.join(" | ")).toBe(true);
  });

  it("keeps a noun with the de-phrase that completes it, and bien with its adjective", () => {
    const bishop = split("Et comme nous peignons ici l'évêque");
    expect(bishop.some((piece) => piece.includes("l'évêque de Digne")), bishop.join(" | ")).toBe(true);
    const boot = split("sentait la semelle de sa botte");
    expect(boot.some((piece) => piece.includes("la semelle de sa botte")), boot.join(" | ")).toBe(true);
    const lies = split("un assemblage de mensonges");
    expect(lies.some((piece) => piece.includes("un assemblage de mensonges")), lies.join(" | ")).toBe(true);
    const pardon = split("cela me serait bien égal");
    expect(pardon.some((piece) => piece.endsWith("bien")), pardon.join(" | ")).toBe(false);
  });

  it("keeps a conjunction or a relative pronoun with the clause an aside puts off (Madame Bovary)", () => {
    // Before: "…la rivière, et, ‖ de temps à autre, sur la berge,", "ceux qui, ‖ débouchant des ruelles…".
    expect(splitLongSentence("Ils entendaient derrière eux la rivière, et, de temps à autre, sur la berge, le claquement des roseaux secs.", 8)[0]).toBe(
      "Ils entendaient derrière eux la rivière,",
    );
    const greeted = splitLongSentence("Il saluait d'un signe ceux qui, débouchant des ruelles ou des portes, se rangeaient dans la foule.", 8);
    expect(greeted.some((piece) => /qui,$/u.test(piece))).toBe(false);
  });

  it("lets a short closing clause stand as its own piece rather than cut a phrase (Les Misérables)", () => {
    // Before: "On le questionna ‖ sur ce prompt retour, il répondit:", "Le matin, ‖ à la visite du médecin, elle délirait."
    expect(splitLongSentence("On le questionna sur ce prompt retour, il répondit:", 8)).toEqual(["On le questionna sur ce prompt retour,", "il répondit:"]);
    expect(splitLongSentence("Le matin, à la visite du médecin, elle délirait.", 8)).toEqual(["Le matin, à la visite du médecin,", "elle délirait."]);
    // Inside the sentence, "il dit:" stays with the line it introduces.
    expect(splitLongSentence("Lui, il n'a pas l'air de comprendre, il dit: Je suis Champmathieu, je ne sors pas de là!", 8)).toContain("il dit: Je suis Champmathieu,");
  });

  it("leaves a ; or : inside a piece rarely, across the three novels", () => {
    let cut = 0;
    let runOn = 0;
    for (const sentence of sentences) {
      if (countWords(sentence) <= 8) continue;
      for (const piece of splitLongSentence(sentence, 8)) {
        cut++;
        // A ; or : with two words or more on each side inside the piece.
        if (/\S+\s\S*[\p{L}\p{N}]\S*[;:]\s\S+\s\S*[\p{L}\p{N}]/u.test(piece)) runOn++;
      }
    }
    expect(cut).toBeGreaterThan(20_000);
    expect(runOn / cut, `${runOn} of ${cut}`).toBeLessThan(0.005);
  });
});
