// The README's ten-line example, compiled against the packed tarball and run as ESM.
import { HTTP } from "@cerbos/http";
import { authorizedFindAndCountAll, type Mapper, PlanKind } from "cerbos-sequelize";
import { DataTypes, Sequelize } from "sequelize";

const sequelize = new Sequelize({ dialect: "sqlite", storage: process.env.DB_FILE, logging: false });
const Album = sequelize.define("Album", {
  title: DataTypes.STRING,
  ownerId: DataTypes.STRING,
  public: DataTypes.BOOLEAN,
});
const mapper = {
  "request.resource.attr.ownerId": { column: "ownerId" },
  "request.resource.attr.public": { column: "public" },
} satisfies Mapper;
await sequelize.sync({ force: true });
await Album.bulkCreate([
  { title: "Holidays", ownerId: "alice", public: false },
  { title: "Cats", ownerId: "bob", public: true },
  { title: "Receipts", ownerId: "bob", public: false },
  { title: "Birds", ownerId: "carol", public: true },
]);

const { rows, count, can, cerbosCallIds } = await authorizedFindAndCountAll(
  Album,
  {
    cerbos: new HTTP(process.env.CERBOS_URL ?? "http://localhost:3592"),
    principal: { id: "alice", roles: ["user"] },
    kind: "album",
    action: "read",
    flags: ["update"],
    mapper,
  },
  { order: [["title", "ASC"]], limit: 20 },
);

const mayUpdate: boolean[] = can.map((flags) => flags.update);
const kinds: string[] = [PlanKind.ALWAYS_ALLOWED, PlanKind.ALWAYS_DENIED, PlanKind.CONDITIONAL];
console.log(
  JSON.stringify({
    titles: rows.map((row) => row.get("title")),
    count,
    mayUpdate,
    kinds,
    calls: Object.keys(cerbosCallIds),
  }),
);
await sequelize.close();
