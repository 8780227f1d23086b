/**
 * A query plan (or part of one) that cannot be turned into SQL with exactly the meaning Cerbos
 * gives it. Thrown instead of emitting a filter that could return rows CheckResources would deny.
 */
export class UnsupportedQueryPlanError extends Error {
  override readonly name = "UnsupportedQueryPlanError";
  /** Stable across copies of the package (ESM and CommonJS builds): test `code`, not `instanceof`. */
  readonly code = "ERR_UNSUPPORTED_QUERY_PLAN";

  constructor(
    /** The plan operator being translated (e.g. `matches`), or a pseudo-operator such as `plan`. */
    readonly operator: string,
    /** The attribute path involved (e.g. `request.resource.attr.name`), or `-` when none. */
    readonly path: string,
    /** Why it cannot be translated exactly. */
    readonly reason: string,
  ) {
    super(`Cannot translate Cerbos query plan: operator "${operator}" at "${path}": ${reason}`);
  }
}

/** A model instance that cannot be turned into a Cerbos resource with the given mapper. */
export class ResourceMappingError extends Error {
  override readonly name = "ResourceMappingError";
  readonly code = "ERR_RESOURCE_MAPPING";
}
