import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { cerbosBinaryPath, pinnedCerbosVersion } from "./binary.ts";

const saved = process.env.CERBOS_BINARY;
afterEach(() => {
  if (saved === undefined) delete process.env.CERBOS_BINARY;
  else process.env.CERBOS_BINARY = saved;
});

describe("cerbosBinaryPath", () => {
  it("resolves @repo/pdp's optional dependency, and that binary is the pinned Cerbos version", () => {
    delete process.env.CERBOS_BINARY;
    expect(pinnedCerbosVersion()).toBe("0.55.0");
    const binary = cerbosBinaryPath();
    expect(binary).toMatch(/@cerbos\/cerbos-linux-x64\/cerbos-linux-x64$/);
    expect(execFileSync(binary, ["--version"], { encoding: "utf8" })).toContain("0.55.0");
  });

  it("honours CERBOS_BINARY and names a missing file", () => {
    process.env.CERBOS_BINARY = "/nonexistent/cerbos";
    expect(() => cerbosBinaryPath()).toThrowErrorMatchingInlineSnapshot(
      `[Error: CERBOS_BINARY=/nonexistent/cerbos: no such file]`,
    );
  });
});
