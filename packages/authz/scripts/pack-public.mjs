// Builds and packs the published package: `node scripts/pack-public.mjs [destination]`
// (default: the current folder, like `pnpm pack`). Prints the tarball's path on its last line;
// the tarball is named after the public name. Publish that file: `npm publish <tarball>`.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const destination = resolve(process.argv[2] ?? ".");
mkdirSync(destination, { recursive: true });

// The pnpm that runs this script (npm_execpath), or the version the repository pins.
const execPath = process.env.npm_execpath ?? "";
const pnpm = /pnpm\.c?js$/.test(execPath) ? [process.execPath, execPath] : ["npx", "-y", "pnpm@10.34.9"];
const run = (args, env = {}) =>
  execFileSync(pnpm[0], [...pnpm.slice(1), ...args], {
    cwd: packageDir,
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });

run(["exec", "tsup", "--silent"]);
const output = run(["pack", "--pack-destination", destination], {
  npm_config_pnpmfile: join(packageDir, "scripts", "public-manifest.cjs"),
});
process.stdout.write(output);
const packed = output.trim().split("\n").at(-1)?.trim() ?? "";
const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
const tarball = join(destination, `cerbos-sequelize-${version}.tgz`);
renameSync(packed, tarball);
console.log(tarball);
