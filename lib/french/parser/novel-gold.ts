import path from "node:path";

/** Long sentences of the corpus novels, parsed and corrected by hand: the parser's score in the product's own domain. */
export const novelGoldPath = path.resolve(process.cwd(), "lib/french/parser/model/novel-gold.conllu");
