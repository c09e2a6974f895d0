// Function words a learner meets everywhere: left out of "the most useful
// words of this book" and not counted as unknown words in a sentence.
// Lemmas as the lemmatiser gives them (articles under `le`, `un`).
export const stopLemmas: ReadonlySet<string> = new Set(
  `le un de du des au aux à en dans par pour sur sous avec sans chez vers entre contre depuis pendant
  et ou mais donc or ni car que qui quoi dont où si comme quand lorsque puisque quoique jusque
  ce cela ça ceci celui celle ceux celles il elle on je tu nous vous lui leur eux se me te moi toi soi y
  mon ton son notre votre ma ta sa mes tes ses nos vos leurs
  ne pas plus point non oui
  être avoir faire
  cet cette ces quel quelle quels quelles lequel laquelle lesquels duquel auquel
  tout tous toute toutes même autre autres aucun aucune chaque quelque quelques plusieurs
  très bien aussi alors encore déjà toujours jamais peu trop tant si ainsi là ici
  c'`.split(/\s+/u).filter((word) => word !== ""),
);
