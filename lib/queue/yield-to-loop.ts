// Long CPU work in a worker (a chunk's offline rewriting, a study set's
// selection) shares the event loop with the other chunk handlers, their
// heartbeats, database transactions and pg-boss's polling, so it gives the
// loop a turn every `sliceMs` of work instead of holding it for the whole
// task (a second or more). Work written as a generator yields at points where
// it may pause; these drivers run it either straight through (the benchmark,
// unit tests) or with pauses (the worker).

export const defaultSliceMs = 20;

/** Runs `steps` to the end without pausing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** A turn of the event loop: timers, I/O and other handlers run. */
export function turnOfLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Returns a function that pauses for a turn of the loop once `sliceMs` have passed since the last pause. */
export function loopYielder(sliceMs = defaultSliceMs): () => Promise<void> | undefined {
  let sliceStarted = performance.now();
  return () => {
    if (performance.now() - sliceStarted < sliceMs) return undefined;
    return turnOfLoop().then(() => {
      sliceStarted = performance.now();
    });
  };
}

/** Runs `steps` to the end, giving the event loop a turn every `sliceMs` of work. */
export async function runYielding<T>(steps: Generator<void, T>, sliceMs = defaultSliceMs): Promise<T> {
  const pause = loopYielder(sliceMs);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}
