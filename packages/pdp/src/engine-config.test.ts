import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Pdp, startPdp } from "./index.ts";

// Two ALLOW rules for one action; the first errs when `x` is absent (no schema for this kind).
const policy = `apiVersion: api.cerbos.dev/v1
resourcePolicy:
  resource: probe
  version: default
  rules:
    - actions: [read]
      effect: EFFECT_ALLOW
      roles: [user]
      condition:
        match:
          expr: R.attr.x == 1
    - actions: [read]
      effect: EFFECT_ALLOW
      roles: [user]
      condition:
        match:
          expr: R.attr.y == 2
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "engine-config-"));
  writeFileSync(join(dir, "probe.yaml"), policy);
});

const started: Pdp[] = [];
afterAll(async () => {
  await Promise.all(started.map((pdp) => pdp.stop()));
});

async function read(pdp: Pdp, attr: Record<string, number>): Promise<string | undefined> {
  const body = {
    principal: { id: "p", roles: ["user"] },
    resources: [{ actions: ["read"], resource: { kind: "probe", id: "1", attr } }],
  };
  const response = await fetch(`${pdp.httpUrl}/api/check/resources`, { method: "POST", body: JSON.stringify(body) });
  const json = (await response.json()) as { results: { actions: Record<string, string> }[] };
  return json.results[0]?.actions.read;
}

const celErrorLines = (pdp: Pdp) => pdp.logs(500).filter((line) => line.includes("Error evaluating CEL expression"));

describe("the shipped engine configuration (cerbos.yaml)", () => {
  it("evaluates non-strictly: a rule whose condition errs does not deny what another rule allows", async () => {
    const pdp = await startPdp({ policiesDir: dir });
    started.push(pdp);
    expect(await read(pdp, { y: 2 })).toBe("EFFECT_ALLOW");
    expect(await read(pdp, { x: 1 })).toBe("EFFECT_ALLOW");
    expect(await read(pdp, { x: 0, y: 0 })).toBe("EFFECT_DENY");
  });

  it("logs CEL evaluation errors at warn by default, and not at all with celErrorLogLevel none", async () => {
    const loud = await startPdp({ policiesDir: dir });
    const quiet = await startPdp({ policiesDir: dir, celErrorLogLevel: "none" });
    started.push(loud, quiet);
    await read(loud, { y: 2 });
    await read(quiet, { y: 2 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(celErrorLines(loud).some((line) => line.includes('"log.level":"warn"'))).toBe(true);
    expect(celErrorLines(quiet)).toEqual([]);
  });
});
