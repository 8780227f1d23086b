import { createRequire } from "node:module";

/**
 * Path of the real Cerbos server binary shipped by the `cerbos` npm package's platform
 * dependency. We run it directly: the `cerbos` command is a node wrapper, and killing the
 * wrapper would leave the server running.
 */
export function cerbosBinaryPath(): string {
  const require = createRequire(import.meta.url);
  const wrapperRequire = createRequire(require.resolve("cerbos/package.json"));
  const platformPackage = `@cerbos/cerbos-${process.platform}-${process.arch}`;
  try {
    return wrapperRequire.resolve(platformPackage);
  } catch (error) {
    throw new Error(
      `The Cerbos binary package ${platformPackage} is not installed. ` +
        "It is an optional dependency of the `cerbos` package: run the install again without --no-optional.",
      { cause: error },
    );
  }
}
