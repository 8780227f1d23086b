// pnpm `beforePacking` hook (pnpm ≥ 10.28): the manifest that goes into the published tarball.
// Inside the workspace the package is `@repo/authz` (private, so it can never be published by
// mistake under that name); the tarball carries the public name and none of the workspace's
// development fields. pnpm has already applied `publishConfig` (exports, main, types) and
// replaced `catalog:` / `workspace:` specifiers when this runs.
const PUBLIC_NAME = "cerbos-sequelize";

module.exports = {
  hooks: {
    beforePacking(manifest) {
      const published = { ...manifest, name: PUBLIC_NAME };
      delete published.private;
      delete published.devDependencies;
      delete published.scripts;
      return published;
    },
  },
};
