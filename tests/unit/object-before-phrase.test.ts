// The object said before the phrase a writer set between it and its verb,
// so that the cut falls before the phrase: on the corpus novels' sentences.
import { describe, expect, it } from "vitest";
import { objectBeforePhrase } from "@/lib/rewriting/object-before-phrase";
import { rewriteLocally } from "@/lib/rewriting/rewrite-locally";
import { parseTree } from "@/lib/rewriting/sentence-tree";

const moved = (text: string) => objectBeforePhrase(text, parseTree(text));

describe("the object before the phrase", () => {
  it("moves the object before the phrase, however the parse hangs it (Madame Bovary, Les Misérables)", () => {
    expect(moved("Homais, derrière lui, portait à la main une grande boîte rouge.")).toBe("Homais, derrière lui, portait une grande boîte rouge à la main.");
    expect(moved("Quelques-unes de ses camarades apportaient au couvent les keepsakes.")).toBe(
      "Quelques-unes de ses camarades apportaient les keepsakes au couvent.",
    );
    // "un peu de sa joue" is one object, its quantity and all.
    expect(moved("Il prit entre son pouce et son index replié un peu de sa joue.")).toBe("Il prit un peu de sa joue entre son pouce et son index replié.");
  });

  it("moves a list of nouns joined by et, each with its article, as one object (Les Misérables)", () => {
    expect(moved("Il prêche à tout bout de champ le renoncement et le sacrifice.")).toBe("Il prêche le renoncement et le sacrifice à tout bout de champ.");
    expect(moved("Ils occupent dans le premier moment les petites villes et les petites gens.")).toBe(
      "Ils occupent les petites villes et les petites gens dans le premier moment.",
    );
    // Not the apposition of a noun right before it, whose "vos" the tagger read as a preposition.
    expect(moved("Vous avez rejoint dans la lumière vos soeurs les vierges et vos frères les anges.")).toBeUndefined();
  });

  it("leaves an object that something after a comma describes, a list, and a phrase that holds a second object", () => {
    // Madame Bovary: "givrées de diamant" describes the beads; Les Misérables: "que son mari avait renvoyée" the girl.
    expect(moved("Elle se contentait d'assurer dans ses cheveux blonds les petites boules de corail, givrées de diamant.")).toBeUndefined();
    expect(moved("Elle fit revenir à la maison sa petite fille, que son mari avait renvoyée chez la nourrice.")).toBeUndefined();
    expect(moved("Comme font aux fleurs le fumier, la pluie, les vents et le soleil.")).toBeUndefined();
    expect(moved("Il s'agit de faire du coupable la victime et du débiteur le créancier.")).toBeUndefined();
    // Les Misérables: the marks of italics stay around the title.
    expect(moved("Quelques jours après, la nomination parut dans _le Moniteur_.")).toBeUndefined();
    // After the "que" of "ne … que" the noun is what the restriction says: before, "et cet enfant n'avait cette femme ‖ au monde que."
    expect(moved("Et cet enfant n'avait au monde que cette femme.")).toBeUndefined();
    expect(moved("Quand il n'y avait plus d'éclairé sur la Place que la lucarne de Binet.")).toBeUndefined();
    // Not an object ending on a participle, which the phrase would complete: before, "Il tenait une feuille de papier
    // fraîche écrite à la main" (Madame Bovary), "Javert tira une feuille de papier ‖ timbré de sa poche" (Les Misérables).
    expect(moved("Il tenait à la main une feuille de papier fraîche écrite.")).toBeUndefined();
    expect(moved("Javert tira de sa poche une feuille de papier timbré.")).toBeUndefined();
    // Madame Bovary: "et qui paraissait se ratatiner" describes the old woman too.
    expect(
      moved("Alors on vit s'avancer sur l'estrade une petite vieille femme de maintien craintif, et qui paraissait se ratatiner dans ses pauvres vêtements."),
    ).toBeUndefined();
  });

  it("moves the object before a comma that opens a clause of its own (Les Misérables)", () => {
    expect(moved("Il prit entre son pouce et son index replié un peu de sa joue, comme on fait machinalement lorsqu'on interroge.")).toBe(
      "Il prit un peu de sa joue entre son pouce et son index replié, comme on fait machinalement lorsqu'on interroge.",
    );
  });

  it("cuts the moved clause before the phrase, the verb with its object (Les Misérables)", () => {
    const { pieces } = rewriteLocally(
      "Il se souleva sur un coude, prit entre son pouce et son index replié un peu de sa joue, comme on fait machinalement lorsqu'on interroge et qu'on juge, et interpella l'évêque avec un regard plein de toutes les énergies de l'agonie.",
      8,
    );
    expect(pieces).toContain("Il prit un peu de sa joue");
  });
});
