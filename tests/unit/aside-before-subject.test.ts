// The phrase a writer set between subject and verb, or between verb and
// complement, said first, so that the cut keeps subject, verb and complement
// together: on the corpus novels' sentences.
import { describe, expect, it } from "vitest";
import { asideAfterConnective, asideAfterVerb, asideBeforeSubject, phraseBeforeThereIs } from "@/lib/rewriting/aside-before-subject";
import { rewriteLocally } from "@/lib/rewriting/rewrite-locally";
import { parseTree } from "@/lib/rewriting/sentence-tree";

const moved = (text: string) => asideBeforeSubject(text, parseTree(text));

describe("the aside before the subject", () => {
  it("sets a phrase of time or manner, or what describes the subject, before it (Madame Bovary)", () => {
    expect(moved("Rodolphe, le soir, la trouva plus sérieuse que d'habitude.")).toBe("Le soir, Rodolphe la trouva plus sérieuse que d'habitude.");
    expect(moved("Emma, silencieuse, se blottissait doucement contre l'épaule de Charles.")).toBe(
      "Silencieuse, Emma se blottissait doucement contre l'épaule de Charles.",
    );
    // An infinitive of purpose or concession (Madame Bovary, Les Misérables).
    expect(moved("Le Marquis, pour amuser la jeune femme, la mena voir les écuries.")).toBe("Pour amuser la jeune femme, le Marquis la mena voir les écuries.");
    expect(moved("Les réalités de l'âme, pour n'être point visibles et palpables, n'en sont pas moins des réalités.")).toBe(
      "Pour n'être point visibles et palpables, les réalités de l'âme n'en sont pas moins des réalités.",
    );
    // A time the parse joined to the subject as a second noun: before, "C'étaient l'idée de Rodolphe, un moment. / lui passa par la tête."
    expect(moved("L'idée de Rodolphe, un moment, lui passa par la tête.")).toBe("Un moment, l'idée de Rodolphe lui passa par la tête.");
    // …and the cut leaves the while as it is, not "C'était un moment.".
    expect(rewriteLocally("L'idée de Rodolphe, un moment, lui passa par la tête.", 8).pieces).toEqual(["Un moment,", "l'idée de Rodolphe lui passa par la tête."]);
    // The parse joined "sur la grande route" to the subject as a second noun.
    expect(moved("Le vent, sur la grande route, soufflait des traînées de poussière.")).toBe("Sur la grande route, le vent soufflait des traînées de poussière.");
    expect(moved("Les petits Homais, malgré leur indépendance, ne pouvaient remuer sans un surveillant derrière eux.")).toBe(
      "Malgré leur indépendance, les petits Homais ne pouvaient remuer sans un surveillant derrière eux.",
    );
  });

  it("leaves a relative clause, an apposition, a stressed pronoun, a time taken for the subject and a question", () => {
    expect(moved("Charles, qui avait la poitrine nue, finit par grelotter.")).toBeUndefined();
    expect(moved("Javert, cet homme hautain, était à son insu plein de simplicité.")).toBeUndefined();
    expect(moved("Son oeil, à lui, se perdait dans ces profondeurs.")).toBeUndefined();
    expect(moved("Le lendemain, dès neuf heures, il était à la ferme.")).toBeUndefined();
    expect(moved("Pourquoi votre mari, par exemple, ne voudrait-il pas débarrasser ce pauvre Hippolyte?")).toBeUndefined();
  });

  it("finds the sentence's verb the parse hung inside the aside, and sets the aside first (Madame Bovary)", () => {
    // "amortissait" read as a relative clause on "poudre", "terre" as the sentence's head.
    expect(rewriteLocally("La terre, roussâtre comme de la poudre de tabac, amortissait le bruit des pas.", 8).pieces).toEqual([
      "Roussâtre comme de la poudre de tabac,",
      "la terre amortissait le bruit des pas.",
    ]);
  });

  it("moves the aside in a clause the rules wrote, parsed alone for it (Madame Bovary)", () => {
    const beadle = rewriteLocally("Le Suisse, à l'écart, s'indignait intérieurement contre cet individu qui se permettait d'admirer seul la cathédrale.", 8);
    expect(beadle.rules).toContain("relative_qui");
    expect(beadle.pieces[0]).toBe("À l'écart, le Suisse s'indignait intérieurement");
  });

  it("lets the cut keep the name once, with its verb, instead of leaving it alone before the phrase", () => {
    const pieces = rewriteLocally("Rodolphe, le soir, la trouva plus sérieuse que d'habitude.", 8).pieces;
    expect(pieces.join(" ").match(/Rodolphe/gu)).toHaveLength(1);
    expect(pieces.at(-1)).toBe("Rodolphe la trouva plus sérieuse que d'habitude.");
  });

  it("moves the aside after the connective that opens the sentence (Madame Bovary)", () => {
    expect(asideAfterConnective("Mais Binet, tout entier à la lecture de l'addition, n'avait rien entendu probablement.")).toBe(
      "Mais tout entier à la lecture de l'addition, Binet n'avait rien entendu probablement.",
    );
    expect(asideAfterConnective("Et Rodolphe, insensiblement, se laissa glisser du tabouret jusqu'à terre.")).toBe(
      "Et insensiblement, Rodolphe se laissa glisser du tabouret jusqu'à terre.",
    );
    expect(asideAfterConnective("Rodolphe, le soir, la trouva plus sérieuse que d'habitude.")).toBeUndefined();
    // Before: "Mais le curé, soudain, ‖ Il distribua…", the subject alone and said again.
    const pieces = rewriteLocally("Mais le curé, soudain, distribua sur tous une grêle de soufflets.", 8).pieces;
    expect(pieces[0]).toBe("Mais soudain, le curé distribua");
    expect(pieces.join(" ").match(/curé|\bIl\b/gu)).toEqual(["curé"]);
  });

  it("sets a phrase between the verb and its complement before the clause (Madame Bovary)", () => {
    const before = (text: string) => asideAfterVerb(text, parseTree(text));
    expect(before("Elle essaya, par mortification, de rester tout un jour sans manger.")).toBe("Par mortification, elle essaya de rester tout un jour sans manger.");
    expect(before("Elle ne fut pas troublée; elle lui fit, au contraire, des excuses pour avoir oublié de lui dire où ils étaient descendus.")).toBeUndefined();
    expect(before("Elle lui fit, au contraire, des excuses pour avoir oublié de lui dire où ils étaient descendus.")).toBe(
      "Au contraire, elle lui fit des excuses pour avoir oublié de lui dire où ils étaient descendus.",
    );
    // Not a phrase with a clause of its own, nor one the verb's complement does not follow.
    expect(before("Il disait, quand il était las, que la ville était trop grande.")).toBeUndefined();
    expect(before("Elle entra, comme autrefois, et s'assit près du feu.")).toBeUndefined();
    // The cut then keeps verb and complement together: "Lors des grandes chaleurs, ‖ il avait eu un abcès dans la bouche,".
    const pieces = rewriteLocally("Il avait eu, lors des grandes chaleurs, un abcès dans la bouche, dont Charles l'avait soulagé comme par miracle.", 8).pieces;
    expect(pieces.slice(0, 2)).toEqual(["Lors des grandes chaleurs,", "il avait eu un abcès dans la bouche,"]);
  });

  it("brings an auxiliary and its participle together (Madame Bovary, Les Misérables)", () => {
    const before = (text: string) => asideAfterVerb(text, parseTree(text));
    expect(before("Elle lui avait, autrefois, tenu société pendant bien des soirs, dans les désoeuvrements de son veuvage.")).toBe(
      "Autrefois, elle lui avait tenu société pendant bien des soirs, dans les désoeuvrements de son veuvage.",
    );
    // Before: "Il a, l'année dernière, ‖ aidé nos gens…", "Ils l'avaient, par méchanceté, ‖ ensevelie…".
    expect(rewriteLocally("Il a, l'année dernière, aidé nos gens à rentrer la paille; il en portait jusqu'à six bottes à la fois, tant il est fort!", 8).pieces[0]).toBe(
      "L'année dernière, il a aidé nos gens",
    );
    const buried = rewriteLocally("Ils l'avaient, par méchanceté, ensevelie dans de la terre, sous le siège épiscopal de Monseigneur.", 8).pieces;
    expect(buried.some((piece) => /^ils l'avaient ensevelie/iu.test(piece))).toBe(true);
    // Les Misérables: the parse read "ai" as the verb and hung "protégé" on the aside's noun; before, "J'ai, dans l'occasion, ‖ protégé…".
    expect(before("J'ai, dans l'occasion, protégé mes propres adversaires, vous autres.")).toBe("Dans l'occasion, j'ai protégé mes propres adversaires, vous autres.");
  });

  it("sets the phrase between \"il y a\" and what there is first (Madame Bovary, Les Misérables)", () => {
    expect(phraseBeforeThereIs("Il y a dans le vieil ordre social une foule d'institutions qu'on trouve de la sorte sur son passage.")).toBe(
      "Dans le vieil ordre social, il y a une foule d'institutions qu'on trouve de la sorte sur son passage.",
    );
    expect(phraseBeforeThereIs("Mais il y avait près de la porte une petite table qui faisait avec elle un angle gênant.")).toBe(
      "Mais près de la porte, il y avait une petite table qui faisait avec elle un angle gênant.",
    );
    // Not an adverb of several words ("à peu près" says how long).
    expect(phraseBeforeThereIs("Il y avait à peu près une heure et demie qu'il l'avait quittée.")).toBeUndefined();
    expect(phraseBeforeThereIs("Il y avait dans la cour des voisins une charrette.")).toBe("Dans la cour des voisins, il y avait une charrette.");
    // "des", "du", "de la" open what there is only where no other noun phrase follows to be it (Les Misérables, Madame Bovary).
    expect(phraseBeforeThereIs("Il y a dans notre civilisation des heures redoutables; ce sont les moments.")).toBe(
      "Dans notre civilisation, il y a des heures redoutables; ce sont les moments.",
    );
    expect(phraseBeforeThereIs("Il y avait pour dîner de la soupe à l'oignon, avec un morceau de veau à l'oseille.")).toBe(
      "Pour dîner, il y avait de la soupe à l'oignon, avec un morceau de veau à l'oseille.",
    );
    expect(phraseBeforeThereIs("Il y avait au bord de la route des arbres.")).toBeUndefined();
    // Before: "Il y avait dans la côte ‖ un pauvre diable vagabondant avec son bâton,".
    const pieces = rewriteLocally("Il y avait dans la côte un pauvre diable vagabondant avec son bâton, tout au milieu des diligences.", 8).pieces;
    expect(pieces).not.toContain("Il y avait dans la côte");
    expect(pieces.some((piece) => piece.startsWith("Il y avait un pauvre diable"))).toBe(true);
  });
});
