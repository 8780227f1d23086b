import type { Resource, Value } from "@cerbos/core";
import type { FindAttributeOptions, Model, ModelStatic, Sequelize, Transaction, WhereOptions } from "sequelize";
import type { Database } from "../db/database.ts";
import { type CerbosResource, type Mapper, resourceInclude, toCerbosResource } from "./adapter.ts";

/** How a kind's rows are read: by the list primitive (a page by id) and by a single load. */
export interface KindFindOptions {
  where: WhereOptions;
  attributes?: FindAttributeOptions;
  transaction?: Transaction;
  /**
   * A list page read by key under the authorized filter (the list primitive's loader). A kind
   * that reads its rows in more than one statement checks `where` again after the last, so a row
   * changed in between is left out; a single load (contacts: row, owner, company and tags in one
   * statement) is checked on what it read.
   */
  pageLoad?: boolean;
}

/** The Sequelize model of a kind, defined on each Sequelize instance (two databases can be open). */
export interface KindModel<ModelName extends string, M extends Model> {
  /** The model's name, also its key in `db.models`. */
  name: ModelName;
  define(sequelize: Sequelize): ModelStatic<M>;
  /** Declares the model's associations once every model is defined (`sequelize.model(name)`). */
  associate?(model: ModelStatic<M>, sequelize: Sequelize): void;
}

/** One resource kind: everything the database and the PDP need to know about it (src/kinds.ts lists them). */
export interface KindSpec<Name extends string, ModelName extends string, M extends Model, Flag extends string> {
  /** The Cerbos resource kind: policies/<name>.yaml, policies/_schemas/<name>.json. */
  name: Name;
  /** What a missing row is called: `"Contact"` → NOT_FOUND "Contact not found.". */
  label: string;
  model: KindModel<ModelName, M>;
  /** What each Cerbos attribute is in the database; lists (plan → WHERE) and checks (row → resource) share it. */
  mapper: Mapper;
  /** The actions a list or a get reports per row besides `read` (`allowedActions`, the UI's buttons). */
  flags: readonly Flag[];
  /** Attributes that satisfy the kind's schema: the start-up probe asks the PDP about a resource with them. */
  probe: Record<string, Value>;
  /** The row's organization: tenant isolation's first line (another organization answers NOT_FOUND). */
  organizationOf?(row: M): number;
  /** Reads rows with what the mapper and the API's views need (default: `resourceInclude(model, mapper)`). */
  find?(db: Database, options: KindFindOptions): Promise<M[]>;
}

export interface ResourceKind<Name extends string, ModelName extends string, M extends Model, Flag extends string>
  extends KindSpec<Name, ModelName, M, Flag> {
  /** The kind's model on this database. */
  modelOf(db: Database): ModelStatic<M>;
  /** Rows of the kind with what their Cerbos resource needs (and what the views show). */
  findAll(db: Database, options: KindFindOptions): Promise<M[]>;
  /** The row (or an unsaved draft) as a Cerbos resource, through the mapper; a draft is named "new". */
  resource(row: M, id?: string): Resource;
}

/** Any kind, for code that works on every kind (the registry, the probe). */
export type AnyKind = ResourceKind<string, string, Model, string>;

// @repo/authz types attribute values as unknown; they are the JSON values Cerbos accepts.
const asResource = (resource: CerbosResource): Resource => resource as Resource;

/** Declares a resource kind; the registry (src/kinds.ts) derives models, the probe and the routers from it. */
export function defineKind<Name extends string, ModelName extends string, M extends Model, Flag extends string>(
  spec: KindSpec<Name, ModelName, M, Flag>,
): ResourceKind<Name, ModelName, M, Flag> {
  const modelOf = (db: Database) => db.sequelize.model(spec.model.name) as ModelStatic<M>;
  return {
    ...spec,
    modelOf,
    findAll(db, options) {
      if (spec.find) return spec.find(db, options);
      const model = modelOf(db);
      return model.findAll({ ...options, include: resourceInclude(model, spec.mapper) });
    },
    resource(row, id) {
      const resource = asResource(toCerbosResource(row, { kind: spec.name, mapper: spec.mapper }));
      return id === undefined ? resource : { ...resource, id };
    },
  };
}
