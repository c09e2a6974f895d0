// The frozen perceptron's lookup table: one slot holds a feature's key and
// either its three weights (the transition parser) or where its (class,
// weight) pairs are; keys that share their low bits probe on to the next
// slot. Its scores must be the stored rows summed, whatever the layout.
import { describe, expect, it } from "vitest";
import { FrozenPerceptron, PerceptronTrainer, type PerceptronArrays } from "@/lib/french/parser/perceptron";

/** Rows by feature hash: class → weight. */
function frozen(classCount: number, rows: Record<number, Record<number, number>>): FrozenPerceptron {
  const keys = Object.keys(rows).map(Number).sort((a, b) => a - b);
  const classes: number[] = [];
  const weights: number[] = [];
  const counts = keys.map((key) => {
    const row = Object.entries(rows[key]!);
    for (const [label, weight] of row) {
      classes.push(Number(label));
      weights.push(weight);
    }
    return row.length;
  });
  const arrays: PerceptronArrays = {
    classCount,
    scale: 1,
    keys: Uint32Array.from(keys),
    counts: Uint16Array.from(counts),
    classes: Uint16Array.from(classes),
    weights: Int16Array.from(weights),
  };
  return new FrozenPerceptron(arrays);
}

// Keys with the same low bits land on the same slot; 0xfffffff0 is above 2^31 (negative as a signed integer).
const rows = {
  0x10: { 0: 5, 2: -7 },
  0x1010: { 1: 32767 },
  0x2010: { 0: -32768, 1: 3 },
  0xfffffff0: { 2: 11 },
};

describe("FrozenPerceptron", () => {
  it("sums three-class rows stored in their slots, probing past keys with the same low bits", () => {
    const model = frozen(3, rows);
    expect([...model.scores([0x10, 0x2010, 0xfffffff0, 0x3010, 12345])]).toEqual([5 - 32768, 3, -7 + 11]);
    expect([...model.scores([0x1010, 0x1010])]).toEqual([0, 65534, 0]);
  });

  it("sums sparse rows of many classes, and only the first `count` features", () => {
    const model = frozen(300, { 0x10: { 299: -2, 0: 1 }, 0x1010: { 150: 32767 }, 0xfffffff0: { 299: -32768 } });
    const scores = model.scores(Uint32Array.of(0x10, 0x1010, 0xfffffff0, 0x10), undefined, 3);
    expect([scores[0], scores[150], scores[299]]).toEqual([1, 32767, -32770]);
    expect(scores.reduce((sum, value) => sum + Math.abs(value), 0)).toBe(1 + 32767 + 32770);
  });

  it("adds to scores already summed: a part summed apart gives the same total", () => {
    const model = frozen(3, rows);
    const whole = model.scores([0x10, 0x2010, 0xfffffff0]);
    const parts = model.addScores([0x2010, 0xfffffff0], model.scores([0x10]));
    expect([...parts]).toEqual([...whole]);
  });

  it("scores as the trainer's averaged weights, frozen", () => {
    const trainer = new PerceptronTrainer(4);
    const examples: [number, number[]][] = [[0, [101, 202]], [3, [202, 303]], [1, [101, 404]], [3, [303]]];
    for (let epoch = 0; epoch < 3; epoch += 1) {
      for (const [truth, features] of examples) {
        const scores = trainer.scores(features);
        let guess = 0;
        for (let label = 1; label < 4; label += 1) if (scores[label]! > scores[guess]!) guess = label;
        trainer.tick();
        trainer.update(truth, guess, features);
      }
    }
    const model = trainer.freeze();
    const { keys, counts, classes, weights } = model.arrays;
    let pair = 0;
    keys.forEach((key, index) => {
      const expected = new Float64Array(4);
      for (let end = pair + counts[index]!; pair < end; pair += 1) expected[classes[pair]!] += weights[pair]!;
      expect([...model.scores([key])]).toEqual([...expected]);
    });
  });
});
