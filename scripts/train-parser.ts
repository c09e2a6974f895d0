// Rebuilds the French parser's model from the treebanks' training and
// development files, deterministically (seeded), and writes it into the
// repository.
//   npm run train:parser [-- --out path --seed 7 --join-every 2]
// --join-every N also trains on every N-th sentence joined to the next (off
// by default: the committed model is trained without it).
// --novel-tenses N also trains on a copy of each sentence with its finite
// verbs in a novel's tenses, every N-th in the imparfait, the others in the
// passé simple (lib/french/parser/novel-tenses.ts; 0: none).
// --incises N also trains on every N-th sentence with a speech tag inserted
// ("…, reprit Emma, …"; lib/french/parser/dialogue-incises.ts; 0: none).
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { trainParserModel, withDialogueLines, withJoinedSentences } from "@/lib/french/parser/train-model";
import { encodeModel } from "@/lib/french/parser/model-file";
import { parserModelPath } from "@/lib/french/parser/french-parser";
import { readTreebank, trainingFiles } from "@/lib/french/parser/treebank-files";
import { lefffConjugations, withNovelTenses } from "@/lib/french/parser/novel-tenses";
import { withDialogueIncises } from "@/lib/french/parser/dialogue-incises";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: parserModelPath },
    seed: { type: "string", default: "7" },
    "join-every": { type: "string", default: "0" },
    "novel-tenses": { type: "string", default: "0" },
    incises: { type: "string", default: "0" },
  },
});

// One sentence in eight is also seen as a line of dialogue ("— …").
const joinEvery = Number(values["join-every"]);
const novelTenses = Number(values["novel-tenses"]);
const read = trainingFiles.flatMap(readTreebank);
const incises = Number(values.incises);
const conjugations = novelTenses > 0 || incises > 0 ? lefffConjugations() : new Map<string, string>();
const withIncises = incises > 0 ? withDialogueIncises(read, incises, conjugations) : read;
const treebank = novelTenses > 0 ? withNovelTenses(withIncises, novelTenses, conjugations) : withIncises;
const sentences = withDialogueLines(joinEvery > 0 ? withJoinedSentences(treebank, joinEvery) : treebank, 8);
console.log(`Training on ${sentences.length} sentences from ${trainingFiles.join(", ")}, dialogue lines added${novelTenses > 0 ? ", copies in a novel's tenses" : ""}${incises > 0 ? `, one in ${incises} with a speech tag` : ""}${joinEvery > 0 ? `, one in ${joinEvery} joined to the next` : ""}`);
const model = trainParserModel(sentences, {
  trainedOn: trainingFiles,
  seed: Number(values.seed),
  epochs: { tagger: 10, morphology: 8, parser: 15, labeller: 10 },
  progress: (part, seconds) => console.log(`  ${part}: ${seconds.toFixed(1)} s`),
});
const bytes = encodeModel(model);
writeFileSync(values.out, bytes);
console.log(`Wrote ${values.out} (${(bytes.length / 1e6).toFixed(2)} MB)`);
