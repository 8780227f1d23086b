import { describe, expect, it } from "vitest";
import { measureParts, percentile, ratioOf, summarize, sumOf } from "./stats.ts";

describe("summarize", () => {
  it("gives the median (mean of the middle two for an even count), min, max and run count", () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, runs: 3 });
    expect(summarize([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, runs: 4 });
  });

  it("refuses zero samples rather than report NaN", () => {
    expect(() => summarize([])).toThrow("cannot summarize zero samples");
  });
});

describe("percentile", () => {
  it("uses the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });
});

describe("ratios and sums", () => {
  it("pairs samples run by run", () => {
    expect(ratioOf([2, 9, 4], [1, 3, 4])).toEqual({ median: 2, min: 1, max: 3, runs: 3 });
    expect(sumOf([1, 2], [10, 20], [100, 200])).toEqual([111, 222]);
    expect(() => ratioOf([1], [1, 2])).toThrow("ratio of unpaired samples");
  });
});

describe("measureParts", () => {
  it("drops the warm-up runs and fails when a run does not time every part", async () => {
    let calls = 0;
    const samples = await measureParts(
      ["a", "b"],
      (lap) => {
        calls++;
        lap("a");
        lap("b");
      },
      { warmup: 2, runs: 3 },
    );
    expect(calls).toBe(5);
    expect(samples.a).toHaveLength(3);
    await expect(measureParts(["a", "b"], (lap) => lap("a"), { warmup: 0, runs: 1 })).rejects.toThrow(
      'run 0 did not time part "b"',
    );
  });
});
