import type { Sequelize } from "sequelize";
import { connectDatabase, type Dialect, dialectOf } from "./connect.ts";
import { defineModels, type Models } from "./models/index.ts";

export interface Database {
  sequelize: Sequelize;
  models: Models;
  dialect: Dialect;
}

export function openDatabase(databaseUrl: string): Database {
  const sequelize = connectDatabase(databaseUrl);
  return { sequelize, models: defineModels(sequelize), dialect: dialectOf(sequelize) };
}
