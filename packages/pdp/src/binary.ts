import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The only platform whose Cerbos binary package is on the npm registry this project installs from. */
const SUPPORTED_PLATFORM = "linux-x64";
const BINARY_PACKAGE = `@cerbos/cerbos-${SUPPORTED_PLATFORM}`;

const require = createRequire(import.meta.url);

/** The Cerbos version @repo/pdp pins (its optional dependency on the binary package). */
export function pinnedCerbosVersion(): string {
  const manifest = require("../package.json") as { optionalDependencies?: Record<string, string> };
  const version = manifest.optionalDependencies?.[BINARY_PACKAGE];
  if (version === undefined) throw new Error(`@repo/pdp's package.json does not pin ${BINARY_PACKAGE}`);
  return version;
}

/**
 * Path of the real Cerbos server binary: `@cerbos/cerbos-linux-x64`, an optional dependency of
 * @repo/pdp, resolved from this package. `CERBOS_BINARY` overrides it (a cerbos binary installed
 * some other way, e.g. on a platform the registry has no package for). Every failure says what
 * to do; nothing falls back to another binary silently.
 */
export function cerbosBinaryPath(): string {
  const override = process.env.CERBOS_BINARY;
  if (override !== undefined && override !== "") {
    if (!existsSync(override)) throw new Error(`CERBOS_BINARY=${override}: no such file`);
    return override;
  }
  const expected = pinnedCerbosVersion();
  const platform = `${process.platform}-${process.arch}`;
  if (platform !== SUPPORTED_PLATFORM) {
    throw new Error(
      `No Cerbos ${expected} binary for ${platform}: the npm registry this project uses only has ` +
        `${BINARY_PACKAGE}. Install cerbos ${expected} for your platform and set CERBOS_BINARY to its path.`,
    );
  }
  let manifestPath: string;
  try {
    manifestPath = require.resolve(`${BINARY_PACKAGE}/package.json`);
  } catch (error) {
    throw new Error(
      `${BINARY_PACKAGE}@${expected} is not installed. It is an optional dependency of @repo/pdp: ` +
        "run `npx -y pnpm@10.34.9 install` again (without --no-optional).",
      { cause: error },
    );
  }
  const installed = (JSON.parse(readFileSync(manifestPath, "utf8")) as { version?: string }).version;
  if (installed !== expected) {
    throw new Error(
      `${BINARY_PACKAGE} ${installed} is installed but @repo/pdp pins ${expected}: run \`npx -y pnpm@10.34.9 install\`.`,
    );
  }
  const binary = require.resolve(BINARY_PACKAGE);
  if (!existsSync(binary)) throw new Error(`${BINARY_PACKAGE} is installed without its binary (${binary})`);
  return binary;
}
