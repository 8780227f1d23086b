/** Counts outcomes by name and keeps the first few surprises verbatim for the failure message. */
export class Tally {
  private readonly counts = new Map<string, number>();
  readonly samples: string[] = [];

  add(name: string, sample?: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (sample !== undefined && this.samples.length < 20) this.samples.push(`${name}: ${sample}`);
  }

  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small deterministic generator, so a failing load run can be replayed with the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}
