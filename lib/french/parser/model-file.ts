// The parser's model on disk: one gzip file holding a JSON header (tag sets,
// label sets, contractions, lemma exceptions) and the four perceptrons'
// arrays, little-endian, each array preceded by its byte length.
import { gunzipSync, gzipSync } from "node:zlib";
import { FrozenPerceptron, type PerceptronArrays } from "@/lib/french/parser/perceptron";

export interface ModelHeader {
  format: 1;
  /** What the model was trained on, for the README and `parse:eval`. */
  trainedOn: string[];
  tags: string[];
  /** `${lower form}\t${tag}` → the words of a contraction ("du\tADP+DET" → ["de", "le"]). */
  contractions: Record<string, string[]>;
  bundles: string[];
  bundlesByUpos: Record<string, number[]>;
  labels: string[];
  lemmaExceptions: Record<string, string>;
}

export interface ModelPerceptrons {
  tagger: FrozenPerceptron;
  morphology: FrozenPerceptron;
  parser: FrozenPerceptron;
  labeller: FrozenPerceptron;
}

export interface ParserModel {
  header: ModelHeader;
  perceptrons: ModelPerceptrons;
}

const perceptronOrder = ["tagger", "morphology", "parser", "labeller"] as const;

function perceptronBytes(arrays: PerceptronArrays): Buffer[] {
  const meta = Buffer.alloc(12);
  meta.writeUInt32LE(arrays.classCount, 0);
  meta.writeDoubleLE(arrays.scale, 4);
  const parts = [arrays.keys, arrays.counts, arrays.classes, arrays.weights].flatMap((array) => {
    const length = Buffer.alloc(4);
    length.writeUInt32LE(array.byteLength, 0);
    return [length, Buffer.from(array.buffer, array.byteOffset, array.byteLength)];
  });
  return [meta, ...parts];
}

export function encodeModel(model: ParserModel): Buffer {
  const header = Buffer.from(JSON.stringify(model.header), "utf8");
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(header.length, 0);
  const parts = [headerLength, header, ...perceptronOrder.flatMap((name) => perceptronBytes(model.perceptrons[name].arrays))];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function decodeModel(file: Buffer): ParserModel {
  const bytes = gunzipSync(file);
  let offset = 0;
  const take = (length: number) => {
    const slice = bytes.subarray(offset, offset + length);
    offset += length;
    return slice;
  };
  // Copies, so that each typed array starts on an aligned offset of its own buffer.
  const array = <T>(make: (buffer: ArrayBuffer) => T): T => {
    const length = take(4).readUInt32LE(0);
    const slice = take(length);
    return make(slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength));
  };
  const header = JSON.parse(take(take(4).readUInt32LE(0)).toString("utf8")) as ModelHeader;
  if (header.format !== 1) throw new Error(`Unknown parser model format ${String(header.format)}`);
  const perceptrons = {} as Record<(typeof perceptronOrder)[number], FrozenPerceptron>;
  for (const name of perceptronOrder) {
    const meta = take(12);
    perceptrons[name] = new FrozenPerceptron({
      classCount: meta.readUInt32LE(0),
      scale: meta.readDoubleLE(4),
      keys: array((buffer) => new Uint32Array(buffer)),
      counts: array((buffer) => new Uint16Array(buffer)),
      classes: array((buffer) => new Uint16Array(buffer)),
      weights: array((buffer) => new Int16Array(buffer)),
    });
  }
  return { header, perceptrons };
}
