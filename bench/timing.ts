/** Timing helpers of the benchmarks: medians of several rounds, so one slow round does not decide. */

/** Median nanoseconds per iteration of fn over several rounds. */
export function nsPerOp(fn: (i: number) => unknown, iterations: number, rounds = 7): number {
  const times: number[] = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) if (fn(i) != null) sink++;
    times.push(Number(process.hrtime.bigint() - t0) / iterations);
  }
  if (sink < 0) console.log(sink);
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}

export function medianMs(fn: () => unknown, rounds = 5): number {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}

export async function medianMsAsync(fn: () => Promise<unknown>, rounds = 3): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}
