// The same package through require() (its CommonJS build). @cerbos/http is ESM-only, so it is
// loaded with import(); the package itself must load without requiring @cerbos/core.
import {
  authorizedFindAndCountAll,
  isUnsupportedQueryPlanError,
  type Mapper,
  queryPlanToSequelize,
  UnsupportedQueryPlanError,
} from "cerbos-sequelize";
import { DataTypes, Sequelize } from "sequelize";

async function main(): Promise<void> {
  const loadedCore = Object.keys(require.cache).some((file) => file.includes("@cerbos"));
  const { HTTP } = await import("@cerbos/http");
  const sequelize = new Sequelize({ dialect: "sqlite", storage: process.env.DB_FILE, logging: false });
  const Album = sequelize.define("Album", {
    title: DataTypes.STRING,
    ownerId: DataTypes.STRING,
    public: DataTypes.BOOLEAN,
  });
  const mapper: Mapper = {
    "request.resource.attr.ownerId": { column: "ownerId" },
    "request.resource.attr.public": { column: "public" },
  };
  const page = await authorizedFindAndCountAll(
    Album,
    {
      cerbos: new HTTP(process.env.CERBOS_URL ?? ""),
      principal: { id: "bob", roles: ["user"] },
      kind: "album",
      action: "read",
      flags: ["update"],
      mapper,
      count: false,
    },
    { order: [["title", "ASC"]], attributes: ["title"], raw: true },
  );
  let refusal = "";
  try {
    const matches = { operator: "matches", operands: [{ name: "request.resource.attr.ownerId" }, { value: "^a" }] };
    queryPlanToSequelize({ queryPlan: { kind: "KIND_CONDITIONAL", condition: matches }, model: Album, mapper });
  } catch (error) {
    refusal = `${isUnsupportedQueryPlanError(error)} ${error instanceof UnsupportedQueryPlanError} ${isUnsupportedQueryPlanError(error) ? error.code : ""}`;
  }
  const count: undefined = page.count;
  const titles = page.rows.map((row) => (row as unknown as { title: string }).title);
  console.log(
    JSON.stringify({ titles, count: count ?? null, mayUpdate: page.can.map((c) => c.update), refusal, loadedCore }),
  );
  await sequelize.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
