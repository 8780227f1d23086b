import type { LoadOptions } from "./load/section.ts";
import type { MeasureOptions } from "./stats.ts";
import type { TranslationOptions } from "./translation/section.ts";

export interface BenchConfig {
  mode: "quick" | "full";
  /** `--peers`: install and measure the Prisma peer (packages/bench/peers/prisma) side by side. */
  peers: boolean;
  /** `--lock-between-sizes=FILE`: hold flock(1)'s lock on FILE per size only (src/lock.ts). */
  lockFile?: string;
  /** Contacts per database, ascending. */
  sizes: number[];
  /** Where the naive load-and-check baseline runs (one of `sizes`). */
  naiveSize: number;
  /** The size the naive figure is extrapolated to when it is not measured there (quick mode). */
  naiveTargetSize: number;
  /** Where the API is put under load (one of `sizes`). */
  loadSize: number;
  list: MeasureOptions;
  naive: MeasureOptions;
  pdp: MeasureOptions;
  translation: TranslationOptions;
  load: LoadOptions;
}

const quick: BenchConfig = {
  mode: "quick",
  peers: false,
  sizes: [2_000, 10_000],
  naiveSize: 2_000,
  naiveTargetSize: 100_000,
  loadSize: 10_000,
  list: { warmup: 2, runs: 5 },
  naive: { warmup: 1, runs: 5 },
  pdp: { warmup: 5, runs: 20 },
  translation: { warmupRuns: 1, runs: 5, callsPerRun: 300 },
  load: { connections: [1, 10, 50], extraConnections: [1], warmupSeconds: 0.5, windows: 5, windowSeconds: 1 },
};

const full: BenchConfig = {
  mode: "full",
  peers: false,
  sizes: [10_000, 100_000, 1_000_000],
  naiveSize: 100_000,
  naiveTargetSize: 100_000,
  loadSize: 100_000,
  list: { warmup: 3, runs: 11 },
  naive: { warmup: 1, runs: 5 },
  pdp: { warmup: 20, runs: 200 },
  translation: { warmupRuns: 2, runs: 9, callsPerRun: 2_000 },
  load: { connections: [1, 10, 50], extraConnections: [1, 10, 50], warmupSeconds: 2, windows: 5, windowSeconds: 3 },
};

/**
 * `--quick` for the smoke-test mode; `--sizes=10000,100000` to leave sizes out of a full run;
 * `--peers` adds the side-by-side with the Prisma peer; `--lock-between-sizes=FILE` holds a
 * flock(1) lock on FILE while each size is measured and releases it between sizes.
 */
export function configFrom(argv: readonly string[]): BenchConfig {
  const lockArg = argv.find((arg) => arg.startsWith("--lock-between-sizes="));
  const base = {
    ...(argv.includes("--quick") ? quick : full),
    peers: argv.includes("--peers"),
    ...(lockArg === undefined ? {} : { lockFile: lockArg.slice("--lock-between-sizes=".length) }),
  };
  const sizesArg = argv.find((arg) => arg.startsWith("--sizes="));
  if (!sizesArg) return base;
  const sizes = sizesArg
    .slice("--sizes=".length)
    .split(",")
    .map(Number)
    .sort((a, b) => a - b);
  if (sizes.some((size) => !Number.isInteger(size) || size < 100)) throw new Error(`bad ${sizesArg}`);
  const within = (size: number) => (sizes.includes(size) ? size : sizes[sizes.length - 1]!);
  return { ...base, sizes, naiveSize: within(base.naiveSize), loadSize: within(base.loadSize) };
}
