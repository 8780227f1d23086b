import type { FindOptions, Identifier, Model, ModelStatic } from "sequelize";
import { resourceInclude } from "../include.ts";
import type { AnyModel } from "../mapper.ts";
import { type CheckedResource, checkInBatches } from "./check-batch.ts";
import { cerbosResourceOf } from "./load-resources.ts";
import type { CerbosCallOptions } from "./types.ts";

export interface AuthorizeOptions<A extends string> extends CerbosCallOptions {
  /** The actions to decide, e.g. `["update"]` or `["read", "update", "delete"]`. */
  readonly actions: readonly A[];
  /** The resource id sent to Cerbos instead of the row's, e.g. `"new"` for an unsaved draft. */
  readonly id?: string;
}

export interface Authorization<A extends string> {
  /** The resource that was checked (built with the mapper: the list filter's meaning exactly). */
  readonly resource: CheckedResource;
  /** CheckResources' decision per action. */
  readonly allowed: Record<A, boolean>;
  /** The CheckResources call, for the PDP's audit log (e.g. in a FORBIDDEN answer). */
  readonly cerbosCallId: string;
}

/** The find options of `authorizedFindByPk`; without `include`, `resourceInclude(model, mapper)` is used. */
export type AuthorizedFindByPkOptions<M extends Model> = Pick<
  FindOptions<M["_attributes"]>,
  "include" | "transaction" | "lock" | "paranoid" | "logging"
>;

/**
 * One CheckResources for an instance already loaded with what the mapper needs (for example
 * again inside a transaction, after `SELECT … FOR UPDATE`). Throws ResourceMappingError when a
 * needed association is not loaded, CheckResourcesAnswerError when the PDP's answer is not a
 * clear decision (validation errors), and lets PDP errors propagate.
 */
export async function authorizeInstance<A extends string>(
  instance: Model,
  options: AuthorizeOptions<A>,
): Promise<Authorization<A>> {
  const built = cerbosResourceOf(instance, options);
  const resource = options.id === undefined ? built : { ...built, id: options.id };
  const { decisions, callIds } = await checkInBatches(options, [resource], options.actions);
  return {
    resource,
    allowed: decisions[0] as Record<A, boolean>,
    cerbosCallId: callIds[0]!,
  };
}

/**
 * Loads one row by primary key with `resourceInclude` (or the `include` given), builds its
 * Cerbos resource with the mapper and asks CheckResources about `actions`. `null` when there is
 * no such row (no PDP call). Decide what a denial means yourself: `allowed.update === false`.
 */
export async function authorizedFindByPk<M extends Model, A extends string>(
  model: ModelStatic<M>,
  id: Identifier,
  options: AuthorizeOptions<A>,
  find: AuthorizedFindByPkOptions<M> = {},
): Promise<(Authorization<A> & { readonly instance: M }) | null> {
  const include = find.include ?? resourceInclude(model as unknown as AnyModel, options.mapper, options.paths);
  const instance = await model.findByPk(id, { ...find, include });
  if (instance === null) return null;
  return { instance, ...(await authorizeInstance(instance, options)) };
}
