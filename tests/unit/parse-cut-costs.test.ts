// The last-resort cut reads the parse: sentences of the corpus novels that the
// word classes alone cut inside a phrase ("en bonne ‖ santé", "une sorte ‖
// de volupté") are cut between phrases once the parse has its say.
import { describe, expect, it } from "vitest";
import { parseCutCosts } from "@/lib/rewriting/parse-cut-costs";
import { rewriteLocally } from "@/lib/rewriting/rewrite-locally";
import { parseTree } from "@/lib/rewriting/sentence-tree";
import { splitLongSentence, type ParseCutCosts } from "@/lib/text/split-long-sentence";
import { countWords } from "@/lib/text/count-words";

const withParse: ParseCutCosts = (text, units) => parseCutCosts(text, parseTree(text), units);

/** Whether some piece holds `phrase` whole. */
const keeps = (pieces: string[], phrase: string) => pieces.some((piece) => piece.includes(phrase));

describe("the cut with the parse", () => {
  const cases = [
    ["«J'espère que la présente vous trouvera en bonne santé et que celui-là vaudra bien les autres.", "en bonne santé"],
    // A participle that describes a noun keeps its complement.
    [
      "Le soleil se couchait; le ciel était rouge entre les branches, et les troncs pareils des arbres plantés en ligne droite semblaient une colonnade brune se détachant sur un fond d'or.",
      "plantés en ligne droite",
    ],
    // Les Misérables: a demonstrative keeps its relative clause.
    ["Cette porte ne demande pas à celui qui entre s'il a un nom, mais s'il a une douleur.", "celui qui entre"],
    // Les Misérables: a title stays with the rank and name it goes with.
    [
      "Pour donner une idée du ménage intérieur de M. l'évêque de Digne et de la façon dont ces deux saintes filles subordonnaient leurs actions, leurs pensées, même leurs instincts de femmes aisément effrayées, aux habitudes et aux intentions de l'évêque, sans qu'il eût même à prendre la peine de parler pour les exprimer, nous ne pouvons mieux faire que de transcrire ici une lettre de mademoiselle Baptistine à madame la vicomtesse de Boischevron, son amie d'enfance.",
      "madame la vicomtesse",
    ],
    // Les Misérables: a measure keeps its half.
    ["Tout en songeant, il fouettait le cheval, lequel trottait de ce bon trot réglé et sûr qui fait deux lieues et demie à l'heure.", "deux lieues et demie"],
    // Madame Bovary, Les Misérables: a name stays with the noun it is set beside.
    ["Et il faisait des visites à la mère Lefrançois afin de pouvoir parler d'elle.", "la mère Lefrançois"],
    ["Elles virent les jeunes gens sortir du cabaret Bombarda bras dessus bras dessous, se retourner, leur faire des signes en riant, puis disparaître.", "du cabaret Bombarda"],
    // Les Misérables: a participle with a phrase of its own after its noun may stand apart, so the verb keeps the noun.
    ["Listolier soufflait dans une trompette de bois achetée à Saint-Cloud.", "Listolier soufflait dans une trompette de bois"],
    ["La révolution a eu beaucoup de ces hommes proportionnés à l'époque.", "La révolution a eu beaucoup de ces hommes"],
    // Madame Bovary, Les Misérables: a bare noun right after a noun names its kind.
    ["Elle avait une robe de safran pâle, relevée par trois bouquets de roses pompon mêlées de verdure.", "roses pompon"],
    ["Il remit lui-même cette lettre le lendemain matin au bureau de poste de Montreuil-sur-mer.", "le lendemain matin"],
    // Les Misérables: a verb keeps the infinitive it governs, "de" and all.
    ["Certes, un pareil homme eût mérité de n'avoir pas d'opinions politiques.", "eût mérité de n'avoir"],
    // Les Misérables: nor across the adverbs between them.
    ["Elle ne pouvait donc pas compter parmi les en-cas du mobilier.", "ne pouvait donc pas compter"],
    ["Cependant on remarqua que l'évêque évitait désormais de passer sur la place des exécutions.", "évitait désormais"],
    // A verb keeps the noun phrase right after it that the parse makes its object (Les Misérables, Madame Bovary).
    ["Il allait régulièrement entendre une basse messe tous les dimanches.", "entendre une basse messe"],
    ["Elle se rappela des soirs d'été tout pleins de soleil.", "se rappela des soirs"],
    // Les Misérables: an adverb stays with the participle it grades.
    ["Cette fois il y eut un gond mal huilé qui jeta tout à coup dans cette obscurité un cri rauque et prolongé.", "mal huilé"],
    // Madame Bovary: the subject of a clause opened by "que" stays with its verb.
    ["Le clerc se récria que les natures idéales étaient difficiles à comprendre.", "que les natures idéales étaient"],
    // Les Misérables: a noun that is its clause's attribute keeps its complement too.
    ["Il est probable que c'était le pain de la prison qu'il avait emporté en s'évadant.", "le pain de la prison"],
    // Les Misérables: an adjective keeps the infinitive it governs.
    ["Aujourd'hui même il nous est difficile de nous rendre compte de ce qui le poussait en ce moment.", "difficile de nous rendre compte"],
    // "à" and a bare noun after a noun say what kind it is (Madame Bovary, Les Misérables).
    ["Mais, entre la fenêtre et la table à ouvrage, la petite Berthe était là, qui chancelait sur ses bottines de tricot.", "la table à ouvrage"],
    // Les Misérables: a verb and the noun phrase of its object, across the negation and adverbs between them.
    ["Il ne fit pas même une question à Javert.", "Il ne fit pas même une question"],
    // A verb and the bare noun of its locution, across the negation (Les Misérables, Madame Bovary); "avoir l'air" too.
    ["Qui veut rester vertueuse ne doit pas avoir pitié de ses mains.", "avoir pitié"],
    ["Nous n'aurons plus occasion de parler de M. Félix Tholomyès.", "n'aurons plus occasion"],
    ["Ce qui l'exaspérait, c'est que Charles n'avait pas l'air de se douter de son supplice.", "n'avait pas l'air"],
    // Les Misérables: a noun keeps its adjectives after it, joined by "et" ("son oeil ‖ calme et triste").
    ["La soeur leva son oeil calme et triste sur Fantine.", "son oeil calme et triste"],
  ] as const;

  it("cuts before a bare infinitive set after a phrase of its verb, not inside that phrase (Madame Bovary, Les Misérables)", () => {
    // Before: "Il la conduisit ‖ à Rouen voir…", "M. Madeleine venait d'habitude ‖ à trois heures voir la malade."
    expect(rewriteLocally("Il la conduisit à Rouen voir son ancien maître.", 8).pieces).toEqual(["Il la conduisit à Rouen", "voir son ancien maître."]);
    expect(rewriteLocally("M. Madeleine venait d'habitude à trois heures voir la malade.", 8).pieces).toEqual(["M. Madeleine venait d'habitude à trois heures", "voir la malade."]);
    // The verb's object is the infinitive's subject, and stays with it: "Elle vit le mouchard Javert saisir…".
    expect(rewriteLocally("Ils entendirent huit heures sonner aux différentes horloges du quartier Beauvoisine.", 8).pieces[0]).toBe("Ils entendirent huit heures sonner");
    // The infinitive's group is the verb's group as the parse repairs read it, clitic and all: "lui fit baisser".
    // Before: "qui résonna tout à coup ‖ sur le sol lui fit baisser les yeux." (Les Misérables)
    expect(rewriteLocally("Un bruit sec et dur qui résonna tout à coup sur le sol lui fit baisser les yeux.", 8).pieces.slice(-2)).toEqual([
      "qui résonna tout à coup sur le sol",
      "lui fit baisser les yeux.",
    ]);
  });

  it.each(cases)("keeps a phrase whole that the word classes cut: %s", (sentence, phrase) => {
    expect(keeps(splitLongSentence(sentence, 8), phrase)).toBe(false);
    const pieces = splitLongSentence(sentence, 8, withParse);
    expect(keeps(pieces, phrase)).toBe(true);
    // Still a cut: the same words in the same order, none over the limit.
    expect(pieces.join(" ")).toBe(sentence);
    expect(pieces.every((piece) => countWords(piece) <= 8)).toBe(true);
  });

  it("keeps a verb like être with what it says of its subject, and an adverb with its adjective (Les Misérables, Madame Bovary)", () => {
    // Before: "Cela semblait ‖ d'autant plus probable…", "mais il semblait ‖ avoir médité…".
    expect(rewriteLocally("Cela semblait d'autant plus probable que cet homme était religieux, et même pratiquait dans une certaine mesure, chose fort bien vue à cette époque.", 8).pieces[0]).toBe(
      "Cela semblait d'autant plus probable",
    );
    expect(rewriteLocally("Il n'allait pas jusqu'au bramine, mais il semblait avoir médité cette parole de l'Ecclésiaste: «Sait-on où va l'âme des animaux?»", 8).pieces[1]).toBe(
      "mais il semblait avoir médité",
    );
    // Before: "Il échappait dans l'occasion / à ce pauvre diable de ces paroles peu ‖ réfléchies…".
    const pieces = rewriteLocally("Il échappait dans l'occasion à ce pauvre diable de ces paroles peu réfléchies que la loi d'alors qualifiait _propos séditieux_.", 8).pieces;
    expect(pieces.some((piece) => piece.includes("peu réfléchies"))).toBe(true);
  });

  it("has no say inside a noun the parse gave two articles, one on each side of the cut (Madame Bovary)", () => {
    // "les uns après les autres les principaux habitants" read as one phrase on "habitants".
    expect(splitLongSentence("Il lui énumérait les uns après les autres les principaux habitants d'Yonville.", 8, withParse)).toEqual([
      "Il lui énumérait les uns après les autres",
      "les principaux habitants d'Yonville.",
    ]);
  });

  it("cuts before the et of a listed noun with its own article, wherever the parse hung it (Madame Bovary)", () => {
    // "selle" read as joined to "oreilles", inside the complement of "pompons".
    expect(splitLongSentence("L'un portait des pompons roses aux oreilles et une selle de femme en peau de daim.", 8, withParse)[0]).toBe(
      "L'un portait des pompons roses aux oreilles",
    );
  });

  it("keeps a name with the noun it goes with, and an auxiliary with its participle across an aside", () => {
    // Madame Bovary: "les époux ‖ Bovary" once the subject of "que" stayed with its verb.
    const evening = splitLongSentence(
      "Le soir que les époux Bovary devaient arriver à Yonville, madame veuve Lefrançois, la maîtresse de cette auberge, était si fort affairée, qu'elle suait à grosses gouttes.",
      8,
      withParse,
    );
    expect(keeps(evening, "les époux Bovary")).toBe(true);
    // Les Misérables: "avait, ‖ disait-on, beaucoup fait" left the auxiliary alone at the end of a piece.
    const pieces = splitLongSentence("Charles Myriel, nonobstant ce mariage, avait, disait-on, beaucoup fait parler de lui.", 8, withParse);
    expect(pieces).toEqual(["Charles Myriel, nonobstant ce mariage,", "avait, disait-on, beaucoup fait parler de lui."]);
  });

  it("does not leave a name alone in a piece, its verb given a pronoun (Madame Bovary, Les Misérables)", () => {
    // Before: "M. Bovary père / Il resta encore un mois à Yonville.", "Mademoiselle Baptistine / C'était une personne…".
    expect(rewriteLocally("M. Bovary père resta encore un mois à Yonville.", 8).pieces[0]).not.toBe("M. Bovary père");
    expect(rewriteLocally("Mademoiselle Baptistine était une personne longue, pâle, mince, douce.", 8).pieces[0]).toBe(
      "Mademoiselle Baptistine était une personne longue, pâle, mince,",
    );
  });

  it("never ends a piece on the ô of address (Les Misérables)", () => {
    const pieces = splitLongSentence("Ô ma Cosette, ô mon petit ange de la bonne sainte Vierge, qu'est-ce qu'elle deviendra, pauvre loup!", 8, withParse);
    expect(pieces.some((piece) => /\bô$/u.test(piece)), pieces.join(" | ")).toBe(false);
    expect(pieces).toContain("Ô ma Cosette, ô mon petit ange");
  });

  it("never parts a subject pronoun from its verb group (Madame Bovary)", () => {
    // ("Combien y a-t-il d'années que tu ‖ ne t'es approché de la sainte table?" before.)
    for (const sentence of ["Combien y a-t-il d'années que tu ne t'es approché de la sainte table?", "Alors elle ne voyait que les troncs des sapins alignés."]) {
      const pieces = splitLongSentence(sentence, 8, withParse);
      expect(pieces.some((piece) => /\b(elle|tu)$/u.test(piece))).toBe(false);
    }
  });

  it("never ends a piece on a conjunction and its adverb (Madame Bovary)", () => {
    // Before: "Car on peut l'honorer aussi bien / dans un bois, dans un champ, ou même / en contemplant…".
    const pieces = splitLongSentence("Car on peut l'honorer aussi bien dans un bois, dans un champ, ou même en contemplant la voûte éthérée, comme les anciens.", 8, withParse);
    expect(pieces.some((piece) => /\b(ou même|ou peut-être)$/u.test(piece)), pieces.join(" | ")).toBe(false);
    expect(keeps(pieces, "ou même en contemplant la voûte éthérée")).toBe(true);
  });

  it("does not keep a phrase with an article on the name the parse hung it on (Du côté de chez Swann)", () => {
    // Before: "je dirigeais / Françoise du côté du bois de Boulogne.", the verb without its object.
    const pieces = rewriteLocally(
      "Mais le plus souvent -- quand je ne devais pas voir Gilberte -- comme j'avais appris que Mme Swann se promenait presque chaque jour dans l'allée « des Acacias », autour du grand Lac, et dans l'allée de la « Reine Marguerite », je dirigeais Françoise du côté du bois de Boulogne.",
      8,
    ).pieces;
    expect(pieces.slice(-2)).toEqual(["je dirigeais Françoise", "du côté du bois de Boulogne."]);
  });

  it("cuts before an indefinite \"d'un\" phrase after a noun's own complement rather than between the noun and its complement (Les Misérables)", () => {
    // Before: "Il examinait la flamme / de la bougie d'un air stupide." and "en inondant les fentes / du plancher d'une dissolution…".
    expect(splitLongSentence("Il examinait la flamme de la bougie d'un air stupide.", 8, withParse)).toEqual([
      "Il examinait la flamme de la bougie",
      "d'un air stupide.",
    ]);
    const pieces = rewriteLocally(
      "Il enseignait à détruire la teigne des blés en aspergeant le grenier et en inondant les fentes du plancher d'une dissolution de sel commun.",
      8,
    ).pieces;
    expect(keeps(pieces, "les fentes du plancher")).toBe(true);
    // Not a possessor: "la meilleure part du cœur de mon amie" keeps "du cœur de mon amie" together.
    expect(keeps(splitLongSentence("Elle était la meilleure part du cœur de mon amie.", 8, withParse), "du cœur de mon amie")).toBe(true);
  });

  it("keeps an auxiliary with its participle across the adverbs between them (Les Misérables, Du côté de chez Swann)", () => {
    // Before: "-- Il aurait peut-être / mieux valu ne jamais nous quitter." and "Il en avait un peu / oublié les particularités…".
    expect(splitLongSentence("-- Il aurait peut-être mieux valu ne jamais nous quitter.", 8, withParse)[0]).toBe("-- Il aurait peut-être mieux valu");
    expect(splitLongSentence("Il en avait un peu oublié les particularités dans l'intervalle.", 8, withParse)).toEqual([
      "Il en avait un peu oublié les particularités",
      "dans l'intervalle.",
    ]);
  });

  it("keeps a noun with the bare noun after its de, one name for one thing (Madame Bovary, Les Misérables)", () => {
    // Before: "Je suis pour la Profession / de foi du vicaire savoyard", "Il tira une grande feuille / de papier jaune de sa poche."
    expect(rewriteLocally("Je suis pour la Profession de foi du vicaire savoyard et les immortels principes de 89!", 8).pieces[0]).toBe("Je suis pour la Profession de foi");
    expect(splitLongSentence("Il tira une grande feuille de papier jaune de sa poche.", 8, withParse)).toEqual(["Il tira une grande feuille de papier jaune", "de sa poche."]);
    // Not a title before a name: "le plus grand désespoir ‖ de M. Verdurin" (Du côté de chez Swann).
    const despair = rewriteLocally(
      "Au moindre mot que lâchait un habitué contre un ennuyeux ou contre un ancien habitué rejeté au camp des ennuyeux -- et pour le plus grand désespoir de M. Verdurin qui avait eu longtemps la prétention d'être aussi aimable que sa femme, mais qui riant pour de bon s'essoufflait vite et avait été distancé et vaincu par cette ruse d'une incessante et fictive hilarité -- elle poussait un petit cri.",
      8,
    ).pieces;
    expect(despair.some((piece) => /\bM\.$/u.test(piece)), despair.join(" | ")).toBe(false);
  });

  it("does not trust an article the parse hung on a noun far away (Madame Bovary)", () => {
    // The parse reads "un" as the article of "dalles", which forbade every cut but after the verb.
    expect(splitLongSentence("L'air poussait un peu de poussière sur les dalles.", 8, withParse)).toEqual([
      "L'air poussait un peu de poussière",
      "sur les dalles.",
    ]);
  });

  it("keeps adjectives joined before their noun with it (Du côté de chez Swann)", () => {
    // Before: "par le nouveau / jardinier dépourvu du sentiment de la nature".
    const pieces = rewriteLocally(
      "Elle disait : « Enfin, on respire ! » et parcourait les allées détrempées -- trop symétriquement alignées à son gré par le nouveau jardinier dépourvu du sentiment de la nature et auquel mon père avait demandé depuis le matin si le temps s'arrangerait.",
      8,
    ).pieces;
    expect(pieces.some((piece) => /nouveau$/u.test(piece)), pieces.join(" | ")).toBe(false);
  });

  it("keeps a verb with its object across the adverbs between them (Madame Bovary, Du côté de chez Swann)", () => {
    // Before: "Il pouvait changer / maintenant les heures de ses repas," and "Je voyais même / hier le frère du docteur Percepied."
    expect(splitLongSentence("Il pouvait changer maintenant les heures de ses repas, rentrer ou sortir sans donner de raisons.", 8, withParse)[0]).toBe(
      "Il pouvait changer maintenant",
    );
    expect(rewriteLocally("Je voyais même hier le frère du docteur Percepied.", 8).pieces[0]).toBe("Je voyais même hier");
  });

  it("reads a participle the rules made a predicate as a predicate, not as what describes a noun (Les Misérables)", () => {
    // Before: "Il était un peu / gâté par les constructions assez laides.", the participle's phrase kept whole as if after its noun.
    const pieces = rewriteLocally(
      "Le jardin, un peu gâté par les constructions assez laides dont nous avons parlé, se composait de quatre allées en croix rayonnant autour d'un puisard.",
      8,
    ).pieces;
    expect(pieces).toContain("Il était un peu gâté");
  });

  it("keeps an adjective graded by an adverb with its noun, and the adverb with the adjective (Les Misérables, Du côté de chez Swann)", () => {
    // Before: "Il frappa un petit coup / très faible au carreau." and "quand son petit-fils était un peu / enrhumé du cerveau".
    expect(splitLongSentence("Il frappa un petit coup très faible au carreau.", 8, withParse)).toEqual(["Il frappa un petit coup très faible", "au carreau."]);
    const cold = rewriteLocally("Si, quand son petit-fils était un peu enrhumé du cerveau, elle partait la nuit, même malade, au lieu de se coucher.", 8).pieces;
    expect(cold.some((piece) => /un peu$/u.test(piece)), cold.join(" | ")).toBe(false);
  });

  it("does not read a phrase of where from as a noun's complement (Madame Bovary)", () => {
    // Before: "Il ne retirait pas volontiers / ses mains de dedans ses poches,", the verb without its object.
    expect(splitLongSentence("Il ne retirait pas volontiers ses mains de dedans ses poches.", 8, withParse)).toEqual([
      "Il ne retirait pas volontiers ses mains",
      "de dedans ses poches.",
    ]);
  });

  it("says nothing about a text the tree is not of", () => {
    const units = [
      { start: 0, end: 3 },
      { start: 4, end: 9 },
    ];
    expect(parseCutCosts("Une autre phrase.", parseTree("Il pleuvait sur la ville."), units)).toEqual([undefined, undefined]);
  });
});
