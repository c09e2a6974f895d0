// The averaged perceptron (Collins 2002), the learner behind the tagger, the
// morphology, the transition parser and the labeller. Features are strings
// hashed to 32 bits (FNV-1a), so a model stores numbers rather than strings
// and loads in a few milliseconds; two features sharing a hash share a
// weight in training and parsing alike. Each feature keeps a sparse row of
// (class, weight) pairs: the morphology has hundreds of classes, of which a
// feature sees a handful.

/** FNV-1a over the UTF-16 code units; never 0, which marks an empty slot. */
export function hashFeature(feature: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < feature.length; index += 1) {
    hash ^= feature.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0 || 1;
}

// Features built from parts already hashed (a word, a tag, a distance):
// template number and parts are mixed as 32-bit integers, without building
// a string, then finished with MurmurHash3's avalanche so that the low bits
// the tables index by depend on every part.
function mix(hash: number, part: number): number {
  return Math.imul(hash ^ part, 0x01000193);
}

function finish(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0 || 1;
}

export function combine1(template: number, a: number): number {
  return finish(mix(mix(0x811c9dc5, template), a));
}

export function combine2(template: number, a: number, b: number): number {
  return finish(mix(mix(mix(0x811c9dc5, template), a), b));
}

export function combine3(template: number, a: number, b: number, c: number): number {
  return finish(mix(mix(mix(mix(0x811c9dc5, template), a), b), c));
}

interface TrainingRow {
  classes: number[];
  weights: number[];
  /** Sum of each weight over the updates so far, up to `stamps`. */
  totals: number[];
  stamps: number[];
}

/** Highest-scoring class among `allowed` (every class when omitted); ties go to the lowest index. */
export function bestClass(scores: Float64Array, allowed?: readonly number[]): number {
  let best = -1;
  let bestScore = -Infinity;
  const count = allowed ? allowed.length : scores.length;
  for (let index = 0; index < count; index += 1) {
    const label = allowed ? allowed[index]! : index;
    if (scores[label]! > bestScore) {
      best = label;
      bestScore = scores[label]!;
    }
  }
  return best;
}

export class PerceptronTrainer {
  private readonly rows = new Map<number, TrainingRow>();
  private updates = 0;

  constructor(readonly classCount: number) {}

  scores(features: readonly number[], into = new Float64Array(this.classCount)): Float64Array {
    into.fill(0);
    for (const feature of features) {
      const row = this.rows.get(feature);
      if (!row) continue;
      for (let index = 0; index < row.classes.length; index += 1) into[row.classes[index]!] += row.weights[index]!;
    }
    return into;
  }

  /** One training example seen: the clock the averages are taken over. */
  tick(): void {
    this.updates += 1;
  }

  update(truth: number, guess: number, features: readonly number[]): void {
    if (truth === guess) return;
    for (const feature of features) {
      let row = this.rows.get(feature);
      if (!row) this.rows.set(feature, (row = { classes: [], weights: [], totals: [], stamps: [] }));
      this.change(row, truth, 1);
      this.change(row, guess, -1);
    }
  }

  private change(row: TrainingRow, label: number, delta: number): void {
    let index = row.classes.indexOf(label);
    if (index === -1) {
      index = row.classes.push(label) - 1;
      row.weights.push(0);
      row.totals.push(0);
      row.stamps.push(this.updates);
    }
    row.totals[index]! += (this.updates - row.stamps[index]!) * row.weights[index]!;
    row.stamps[index] = this.updates;
    row.weights[index]! += delta;
  }

  /** The averaged weights, quantised to 16 bits; pairs that round to 0 are dropped. */
  freeze(): FrozenPerceptron {
    const averaged = new Map<number, { classes: number[]; weights: number[] }>();
    let largest = 0;
    for (const [feature, row] of this.rows) {
      const weights = row.classes.map(
        (_, index) => (row.totals[index]! + (this.updates - row.stamps[index]!) * row.weights[index]!) / Math.max(1, this.updates),
      );
      for (const weight of weights) largest = Math.max(largest, Math.abs(weight));
      averaged.set(feature, { classes: row.classes, weights });
    }
    const scale = largest / 32767 || 1;
    const features = [...averaged.keys()].sort((a, b) => a - b);
    const keys: number[] = [];
    const counts: number[] = [];
    const classes: number[] = [];
    const quantised: number[] = [];
    for (const feature of features) {
      const row = averaged.get(feature)!;
      let count = 0;
      row.classes.forEach((label, index) => {
        const value = Math.round(row.weights[index]! / scale);
        if (value === 0) return;
        classes.push(label);
        quantised.push(value);
        count += 1;
      });
      if (count === 0) continue;
      keys.push(feature);
      counts.push(count);
    }
    return new FrozenPerceptron(
      {
        classCount: this.classCount,
        scale,
        keys: Uint32Array.from(keys),
        counts: Uint16Array.from(counts),
        classes: Uint16Array.from(classes),
        weights: Int16Array.from(quantised),
      },
      { keepArrays: true },
    );
  }
}

/** A trained perceptron as stored in the model file. */
export interface PerceptronArrays {
  classCount: number;
  scale: number;
  /** Feature hashes, ascending. */
  keys: Uint32Array;
  /** How many (class, weight) pairs each feature has, in key order. */
  counts: Uint16Array;
  classes: Uint16Array;
  weights: Int16Array;
}

/**
 * A trained perceptron, read-only: an open-addressing table from feature
 * hash to the feature's weights, which stay the stored 16-bit integers.
 * Scores are those integers summed: the scale they share does not change
 * which class wins, so it is never applied.
 *
 * Each slot is four 32-bit integers in one array, so that a lookup reads one
 * cache line rather than one in each of five arrays (the parser's table is
 * 16 MB, far bigger than the cache, and it is probed 130 times a word). With
 * three classes (the transition parser) the slot holds the key and the row
 * itself; otherwise the key and where its (class, weight) pairs
 * start and end in `pairs`, each pair one integer.
 */
export class FrozenPerceptron {
  readonly classCount: number;
  /** The stored arrays, for writing a model just trained; a model read from its file lets them go (about 9 MB for the committed model). */
  private readonly stored: PerceptronArrays | undefined;
  private readonly table: Int32Array;
  /** Slot mask times the slot's stride (4), to index `table` directly. */
  private readonly mask: number;
  private readonly dense: boolean;
  /** Class in the high 16 bits, weight (signed) in the low 16. */
  private readonly pairs: Int32Array;

  constructor(arrays: PerceptronArrays, { keepArrays = false }: { keepArrays?: boolean } = {}) {
    this.stored = keepArrays ? arrays : undefined;
    this.classCount = arrays.classCount;
    const { keys, counts, classes, weights } = arrays;
    let size = 1;
    while (size < keys.length * 1.5) size *= 2;
    this.mask = (size - 1) * 4;
    this.table = new Int32Array(size * 4);
    this.dense = arrays.classCount === 3;
    this.pairs = new Int32Array(this.dense ? 0 : classes.length);
    let start = 0;
    for (let index = 0; index < keys.length; index += 1) {
      const end = start + counts[index]!;
      // Hash keys are never 0, so a 0 key marks an empty slot.
      let slot = (keys[index]! << 2) & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 4) & this.mask;
      this.table[slot] = keys[index]!;
      if (this.dense) {
        for (let pair = start; pair < end; pair += 1) this.table[slot + 1 + classes[pair]!] = weights[pair]!;
      } else {
        this.table[slot + 1] = start;
        this.table[slot + 2] = end;
        for (let pair = start; pair < end; pair += 1) this.pairs[pair] = (classes[pair]! << 16) | (weights[pair]! & 0xffff);
      }
      start = end;
    }
  }

  /** The arrays the model file stores; only a model just trained keeps them. */
  get arrays(): PerceptronArrays {
    if (!this.stored) throw new Error("This perceptron was read from its model file and kept only its lookup table");
    return this.stored;
  }

  /** Sums the weights of `features[0 … count)` into `into`, one score per class. */
  scores(features: ArrayLike<number>, into = new Float64Array(this.classCount), count = features.length): Float64Array {
    into.fill(0);
    return this.addScores(features, into, count);
  }

  /**
   * Adds the weights of `features[from … count)` to the scores already in
   * `into`. Scores are sums of integers, exact in any order, so a caller may
   * add a part it summed earlier.
   */
  addScores(features: ArrayLike<number>, into: Float64Array, count = features.length, from = 0): Float64Array {
    const { table, mask, pairs } = this;
    for (let index = from; index < count; index += 1) {
      const key = features[index]! | 0;
      let slot = (key << 2) & mask;
      for (;;) {
        const stored = table[slot]!;
        if (stored === 0) break;
        if (stored === key) {
          if (this.dense) {
            into[0] += table[slot + 1]!;
            into[1] += table[slot + 2]!;
            into[2] += table[slot + 3]!;
          } else {
            const end = table[slot + 2]!;
            for (let pair = table[slot + 1]!; pair < end; pair += 1) {
              const packed = pairs[pair]!;
              into[packed >>> 16] += (packed << 16) >> 16;
            }
          }
          break;
        }
        slot = (slot + 4) & mask;
      }
    }
    return into;
  }
}
