import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { progress } from "../progress.ts";

/** packages/bench/peers/prisma: outside the pnpm workspace, installed with npm from its own lockfile. */
export const prismaPeerDir = fileURLToPath(new URL("../../peers/prisma", import.meta.url));

/**
 * Nothing may try the network beyond the npm registry: Prisma's telemetry ("checkpoint") and
 * update checks off, better-sqlite3 compiled from source (prebuild-install would download a
 * binary), and the schema engine (which `prisma generate` would download) replaced by a stub.
 */
export const peerEnvironment: Record<string, string> = {
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  PRISMA_HIDE_PREVIEW_FLAG_WARNINGS: "1",
  PRISMA_SCHEMA_ENGINE_BINARY: join(prismaPeerDir, "schema-engine-stub.sh"),
  PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
  npm_config_build_from_source: "true",
  npm_config_update_notifier: "false",
  npm_config_audit: "false",
  npm_config_fund: "false",
};

const stampFile = join(prismaPeerDir, "node_modules", ".bench-peer-stamp");

function stamp(): string {
  const hash = createHash("sha256");
  for (const file of ["package-lock.json", "schema.prisma"]) hash.update(readFileSync(join(prismaPeerDir, file)));
  hash.update(process.version);
  return hash.digest("hex");
}

/** npm settings worth passing on; pnpm's own npm_config_* (catalog, …) only make npm warn. */
const keptNpmSettings = ["registry", "userconfig", "globalconfig", "cache", "cafile", "nodedir", "node_gyp"];

function childEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const npmSetting = key.startsWith("npm_config_") ? key.slice("npm_config_".length) : undefined;
    if (key.startsWith("npm_") && !(npmSetting && keptNpmSettings.includes(npmSetting))) continue;
    env[key] = value;
  }
  return { ...env, ...peerEnvironment };
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: prismaPeerDir,
      env: childEnvironment(),
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

/**
 * `npm ci` (install scripts off: @prisma/engines' would download engines), better-sqlite3
 * compiled from source (about 100 s on 2 cores), `prisma generate`. Skipped when the lockfile,
 * the schema and node's version are what the last install saw.
 */
export async function installPrismaPeer(): Promise<void> {
  for (const [key, value] of Object.entries(peerEnvironment)) process.env[key] = value;
  const wanted = stamp();
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === wanted) {
    progress("peers: the Prisma peer is installed and generated already");
    return;
  }
  progress(`peers: npm ci in ${prismaPeerDir}`);
  await run("npm", ["ci", "--ignore-scripts"]);
  progress("peers: compiling better-sqlite3 from source");
  await run("npm", ["rebuild", "better-sqlite3"]);
  progress("peers: prisma generate");
  await run(process.execPath, ["node_modules/prisma/build/index.js", "generate", "--schema", "schema.prisma"]);
  writeFileSync(stampFile, wanted);
}
