#!/usr/bin/env node
// Runs the Cerbos policy tests (policies/tests/*_test.yaml) with the real cerbos binary.
// Prints the failing cases, writes the counts to test-results/policies.json and exits non-zero
// on any failure or compile error.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const binary = cerbosBinary();
const policiesDir = new URL("../policies", import.meta.url).pathname;
const resultsDir = new URL("../test-results", import.meta.url).pathname;
mkdirSync(resultsDir, { recursive: true });

let output;
let exitCode = 0;
try {
  output = execFileSync(binary, ["compile", policiesDir, "-o", "json"], {
    encoding: "utf8",
    env: { ...process.env, CERBOS_NO_TELEMETRY: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
} catch (error) {
  exitCode = error.status ?? 1;
  output = error.stdout ?? "";
  if (exitCode === 3 || !output.trim().startsWith("{")) {
    console.error(`Policies failed to compile (cerbos exit ${exitCode}):`);
    console.error(output, error.stderr ?? "");
    writeFileSync(`${resultsDir}/policies.json`, JSON.stringify({ passed: 0, failed: 1 }));
    process.exit(1);
  }
}

const report = JSON.parse(output);
let passed = 0;
let failed = 0;
const failures = [];
for (const suite of report.suites ?? []) {
  for (const testCase of suite.testCases ?? []) {
    for (const principal of testCase.principals ?? []) {
      for (const resource of principal.resources ?? []) {
        for (const action of resource.actions ?? []) {
          const details = action.details ?? {};
          if (details.result === "RESULT_PASSED") passed++;
          else {
            failed++;
            failures.push(
              `${suite.file} › ${testCase.name} › ${principal.name} × ${resource.name} × ${action.name}: ` +
                JSON.stringify(details.failure ?? details),
            );
          }
        }
      }
    }
  }
}
writeFileSync(`${resultsDir}/policies.json`, JSON.stringify({ passed, failed }));
for (const line of failures) console.error(`FAIL ${line}`);
console.log(`Cerbos policy tests: ${passed} passed, ${failed} failed (${(report.suites ?? []).length} suites)`);
if (failed > 0 || exitCode !== 0 || passed === 0) process.exit(1);

/**
 * The binary @repo/pdp runs (packages/pdp/src/binary.ts resolves it the same way): CERBOS_BINARY
 * if set, else @repo/pdp's optional dependency @cerbos/cerbos-linux-x64 at the pinned version.
 */
function cerbosBinary() {
  const fail = (message) => {
    console.error(`Cerbos policy tests: ${message}`);
    process.exit(1);
  };
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: read by this script only, never a turbo task input
  const override = process.env.CERBOS_BINARY;
  if (override) {
    if (!existsSync(override)) fail(`CERBOS_BINARY=${override}: no such file`);
    return override;
  }
  const pdpManifest = new URL("../packages/pdp/package.json", import.meta.url);
  const name = "@cerbos/cerbos-linux-x64";
  const expected = JSON.parse(readFileSync(pdpManifest, "utf8")).optionalDependencies?.[name];
  if (!expected) fail(`packages/pdp/package.json does not pin ${name}`);
  const platform = `${process.platform}-${process.arch}`;
  if (platform !== "linux-x64") {
    fail(`no Cerbos ${expected} binary for ${platform} on the npm registry (only ${name}): set CERBOS_BINARY`);
  }
  const require = createRequire(pdpManifest);
  let manifestPath;
  try {
    manifestPath = require.resolve(`${name}/package.json`);
  } catch {
    fail(`${name}@${expected} is not installed (an optional dependency of @repo/pdp): run pnpm install again`);
  }
  const installed = JSON.parse(readFileSync(manifestPath, "utf8")).version;
  if (installed !== expected)
    fail(`${name} ${installed} is installed but @repo/pdp pins ${expected}: run pnpm install`);
  return require.resolve(name);
}
