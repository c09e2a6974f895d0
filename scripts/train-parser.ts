// Rebuilds the French parser's model from the treebanks' training and
// development files, deterministically (seeded), and writes it into the
// repository.
//   npm run train:parser [-- --out path --seed 7]
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { trainParserModel, withDialogueLines } from "@/lib/french/parser/train-model";
import { encodeModel } from "@/lib/french/parser/model-file";
import { parserModelPath } from "@/lib/french/parser/french-parser";
import { readTreebank, trainingFiles } from "@/lib/french/parser/treebank-files";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: parserModelPath },
    seed: { type: "string", default: "7" },
  },
});

// One sentence in eight is also seen as a line of dialogue ("— …").
const sentences = withDialogueLines(trainingFiles.flatMap(readTreebank), 8);
console.log(`Training on ${sentences.length} sentences from ${trainingFiles.join(", ")}, dialogue lines added`);
const model = trainParserModel(sentences, {
  trainedOn: trainingFiles,
  seed: Number(values.seed),
  epochs: { tagger: 10, morphology: 8, parser: 15, labeller: 10 },
  progress: (part, seconds) => console.log(`  ${part}: ${seconds.toFixed(1)} s`),
});
const bytes = encodeModel(model);
writeFileSync(values.out, bytes);
console.log(`Wrote ${values.out} (${(bytes.length / 1e6).toFixed(2)} MB)`);
