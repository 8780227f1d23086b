// Prints the run's summary: which steps and tests failed (with the first lines of each error), then
// the one line "N passed, N failed" over every results file. Exits 1 when anything failed or
// nothing ran. The failures come last but one so that the tail of a CI log names them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { relative } from "node:path";

const dir = process.argv[2] ?? "test-results";
let passed = 0;
let failed = 0;
const failures = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "vitest-report.json")) {
  const r = JSON.parse(readFileSync(`${dir}/${file}`, "utf8"));
  passed += r.passed;
  failed += r.failed;
  if (r.failed > 0 && file !== "vitest.json") failures.push(`step ${file.replace(/\.json$/, "")}`);
}

const firstLines = (text, n = 6) =>
  text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .slice(0, n)
    .map((line) => `      ${line.slice(0, 300)}`)
    .join("\n");

const report = `${dir}/vitest-report.json`;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, "utf8"));
  for (const suite of r.testResults ?? []) {
    const file = relative(process.cwd(), suite.name);
    const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const t of failedTests) {
      failures.push(`${file} › ${t.fullName}\n${firstLines((t.failureMessages ?? []).join("\n"))}`);
    }
    if (suite.status === "failed" && failedTests.length === 0) {
      failures.push(`${file} (the file failed outside its tests)\n${firstLines(suite.message ?? "")}`);
    }
  }
}

if (failures.length > 0) {
  console.log(`\nFailed (${failures.length}):`);
  for (const f of failures) console.log(`  ✗ ${f}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
