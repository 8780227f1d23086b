import { execFile } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Pdp, startPdp } from "@repo/pdp";
import { afterAll, expect, test } from "vitest";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));
/** The workspace's installed copy of a package (sqlite3 is native and already compiled there). */
const installed = (name: string) => realpathSync(join(packageDir, "node_modules", name));
const version = (name: string) =>
  (JSON.parse(readFileSync(join(installed(name), "package.json"), "utf8")) as { version: string }).version;
/** npm in the temp project must not see the pnpm settings this process runs with. */
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key)));

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

test("the packed package installs outside the workspace, compiles strictly (import and require) and lists rows", async () => {
  const started = Date.now();
  const project = mkdtempSync(join(tmpdir(), "cerbos-sequelize-consumer-"));
  cleanups.push(() => rmSync(project, { recursive: true, force: true }));
  let pdp: Pdp | undefined;
  cleanups.push(() => pdp?.stop());
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, version: "1.0.0" }));
  for (const file of ["esm.mts", "cjs.cts", "tsconfig.json"])
    copyFileSync(join(here, "project", file), join(project, file));
  const npmInstall = (specs: string[]) =>
    run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...specs], {
      cwd: project,
      env: npmEnv,
    });
  // Pack, start the PDP and install the registry packages at the same time; then the tarball.
  const [packed] = await Promise.all([
    run(process.execPath, [join(packageDir, "scripts", "pack-public.mjs"), project], { cwd: packageDir }),
    startPdp({ policiesDir: join(here, "policies"), celErrorLogLevel: "none" }).then((started) => {
      pdp = started;
    }),
    npmInstall([`sequelize@${version("sequelize")}`, `@cerbos/http@${version("@cerbos/http")}`]),
  ]);
  const tarball = packed.stdout.trim().split("\n").at(-1)!;
  expect(tarball).toMatch(/cerbos-sequelize-0\.\d+\.\d+\.tgz$/);
  await npmInstall([tarball]);
  symlinkSync(installed("sqlite3"), join(project, "node_modules", "sqlite3"), "dir");
  // sequelize's types bring @types/node with them; link the workspace's only if npm did not.
  const nodeTypes = join(project, "node_modules", "@types", "node");
  if (!existsSync(nodeTypes)) symlinkSync(installed("@types/node"), nodeTypes, "dir");
  const typescript = join(installed("typescript"), "bin", "tsc");
  await run(process.execPath, [typescript, "-p", project]).catch((error: { stdout?: string }) => {
    throw new Error(`the consumer does not compile:\n${error.stdout ?? String(error)}`);
  });

  const env = { ...npmEnv, CERBOS_URL: pdp!.httpUrl, DB_FILE: join(project, "albums.db") };
  const esm = await run(process.execPath, [join(project, "out", "esm.mjs")], { cwd: project, env });
  expect(JSON.parse(esm.stdout)).toEqual({
    titles: ["Birds", "Cats", "Holidays"],
    count: 3,
    mayUpdate: [false, false, true],
    kinds: ["KIND_ALWAYS_ALLOWED", "KIND_ALWAYS_DENIED", "KIND_CONDITIONAL"],
    calls: ["read", "update"],
  });
  // require(esm) switched off: the CommonJS build must load without requiring @cerbos/core.
  const cjs = await run(process.execPath, ["--no-experimental-require-module", join(project, "out", "cjs.cjs")], {
    cwd: project,
    env,
  });
  expect(JSON.parse(cjs.stdout)).toEqual({
    titles: ["Birds", "Cats", "Receipts"],
    count: null,
    mayUpdate: [false, true, true],
    refusal: "true true ERR_UNSUPPORTED_QUERY_PLAN",
    loadedCore: false,
  });
  console.log(`authz consumer test: pack, install, compile and run took ${Date.now() - started} ms`);
}, 240_000);
