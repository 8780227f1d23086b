/** A figure: the median of several runs after a warm-up, with the extremes. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error("cannot summarize zero samples");
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Nearest-rank percentile of an ascending array (the median of an even count averages the middle two). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error("percentile of zero samples");
  if (p === 50 && sorted.length % 2 === 0) {
    const half = sorted.length / 2;
    return (sorted[half - 1]! + sorted[half]!) / 2;
  }
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface MeasureOptions {
  warmup: number;
  runs: number;
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed; milliseconds per run. */
export async function measure(fn: () => unknown, { warmup, runs }: MeasureOptions): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

/**
 * Like `measure`, but each run times several parts of one call: `fn` receives a `lap(part)`
 * function that closes the part just finished. Returns every run's time per part (paired by
 * index), so sums and ratios can be taken run by run.
 */
export async function measureParts<Part extends string>(
  parts: readonly Part[],
  fn: (lap: (part: Part) => void) => unknown,
  { warmup, runs }: MeasureOptions,
): Promise<Record<Part, number[]>> {
  const samples = Object.fromEntries(parts.map((part) => [part, [] as number[]])) as Record<Part, number[]>;
  for (let i = 0; i < warmup + runs; i++) {
    const timings = new Map<Part, number>();
    let last = performance.now();
    await fn((part) => {
      const now = performance.now();
      timings.set(part, (timings.get(part) ?? 0) + (now - last));
      last = now;
    });
    if (i < warmup) continue;
    for (const part of parts) {
      const timing = timings.get(part);
      if (timing === undefined) throw new Error(`run ${i} did not time part "${part}"`);
      samples[part].push(timing);
    }
  }
  return samples;
}

/** Run-by-run sum of several paired sample lists. */
export function sumOf(...lists: readonly (readonly number[])[]): number[] {
  return lists[0]!.map((_, index) => lists.reduce((total, list) => total + list[index]!, 0));
}

/** Ratio of two figures measured in the same run, with the spread of the run-by-run ratios. */
export function ratioOf(numerator: readonly number[], denominator: readonly number[]): Summary {
  if (numerator.length !== denominator.length) throw new Error("ratio of unpaired samples");
  return summarize(numerator.map((value, index) => value / denominator[index]!));
}
