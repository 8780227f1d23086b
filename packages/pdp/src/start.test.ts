import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { type Pdp, PdpStartError, repoPoliciesDir, startPdp } from "./index.ts";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return predicate();
}

interface CheckResponse {
  cerbosCallId: string;
  results: { actions: Record<string, string>; validationErrors?: unknown[] }[];
}

const started: Pdp[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((pdp) => pdp.stop()));
});

describe("startPdp", () => {
  it("serves the shipped policies on free loopback ports, audits decisions, and stops cleanly", async () => {
    const pdp = await startPdp({ policiesDir: repoPoliciesDir });
    started.push(pdp);
    expect(pdp.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(pdp.grpcUrl).toMatch(/^127\.0\.0\.1:\d+$/);

    const health = await fetch(`${pdp.httpUrl}/_cerbos/health`).then((r) => r.json());
    expect(health).toEqual({ status: "SERVING" });

    const response = await fetch(`${pdp.httpUrl}/api/check/resources`, {
      method: "POST",
      body: JSON.stringify({
        requestId: "pdp-test",
        principal: {
          id: "john",
          roles: ["user"],
          attr: {
            department: "Sales",
            isBanned: false,
            organizationIds: [1],
            memberOrgIds: [1],
            billingOrgIds: [],
            ownerOrgIds: [],
          },
        },
        resources: [
          {
            actions: ["read", "delete"],
            resource: {
              kind: "contact",
              id: "3",
              attr: {
                ownerId: "sarah",
                organizationId: 1,
                companyId: 3,
                isActive: true,
                marketingOptIn: false,
                tags: [],
              },
            },
          },
        ],
      }),
    }).then((r) => r.json() as Promise<CheckResponse>);
    expect(response.results[0]?.actions).toEqual({ read: "EFFECT_ALLOW", delete: "EFFECT_DENY" });

    // The decision audit log records the call.
    const audited = await waitFor(() => pdp.logs(500).some((line) => line.includes(response.cerbosCallId)), 5000);
    expect(audited).toBe(true);

    await pdp.stop();
    expect(await waitFor(() => !isAlive(pdp.pid), 5000)).toBe(true);
    await pdp.stop(); // a second stop is harmless
  });

  it("rejects a request whose resource attributes break the schema", async () => {
    const pdp = await startPdp({ policiesDir: repoPoliciesDir });
    started.push(pdp);
    const response = await fetch(`${pdp.httpUrl}/api/check/resources`, {
      method: "POST",
      body: JSON.stringify({
        principal: {
          id: "john",
          roles: ["user"],
          attr: {
            department: "Sales",
            isBanned: false,
            organizationIds: [1],
            memberOrgIds: [1],
            billingOrgIds: [],
            ownerOrgIds: [],
          },
        },
        resources: [
          { actions: ["read"], resource: { kind: "contact", id: "1", attr: { ownerId: "john", isActive: "yes" } } },
        ],
      }),
    }).then((r) => r.json() as Promise<CheckResponse>);
    expect(response.results[0]?.actions).toEqual({ read: "EFFECT_DENY" });
    expect(response.results[0]?.validationErrors?.length).toBeGreaterThan(0);
  });

  it("fails with a clear error and the PDP's own log lines when the policies do not compile", async () => {
    const dir = mkdtempSync(join(tmpdir(), "broken-policies-"));
    writeFileSync(
      join(dir, "broken.yaml"),
      "apiVersion: api.cerbos.dev/v1\nresourcePolicy:\n  resource: thing\n  version: default\n  rules:\n    - actions: [read]\n      effect: EFFECT_ALLOW\n      roles: [user]\n      condition:\n        match:\n          expr: R.attr.x ==\n",
    );
    const error = await startPdp({ policiesDir: dir, startTimeoutMs: 5000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdpStartError);
    const startError = error as PdpStartError;
    expect(startError.message).toContain("did not become healthy");
    expect(startError.logLines.length).toBeGreaterThan(0);
    expect(startError.message).toContain("broken.yaml");
  });

  it("does not outlive a test process that was killed with SIGKILL", async () => {
    const script = fileURLToPath(new URL("../test/start-and-report.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      stdio: ["ignore", "pipe", "inherit"],
    });
    const pdpPid = await new Promise<number>((resolve, reject) => {
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /PDP_PID=(\d+)/.exec(output);
        if (match?.[1]) resolve(Number(match[1]));
      });
      child.once("exit", (code) => reject(new Error(`helper exited early with ${code}: ${output}`)));
    });
    expect(isAlive(pdpPid)).toBe(true);
    child.kill("SIGKILL");
    expect(await waitFor(() => !isAlive(pdpPid), 8000)).toBe(true);
  });
});
