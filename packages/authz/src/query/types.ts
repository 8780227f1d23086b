import type { AuxData, Client, Principal } from "@cerbos/core";
import type { Attributes, FindOptions, Model, ProjectionAlias, WhereOptions } from "sequelize";
import type { Mapper } from "../mapper.ts";

/** Anything that plans and checks like a @cerbos/core client (`@cerbos/http`, `@cerbos/grpc`, a wrapper). */
export type CerbosClient = Pick<Client, "planResources" | "checkResources">;

/** What every call to the PDP is made with. */
export interface CerbosCallOptions {
  readonly cerbos: CerbosClient;
  /** Supplied by the caller (rebuilt from your database per request, never from the client). */
  readonly principal: Principal;
  /** The resource kind, e.g. `"contact"`. */
  readonly kind: string;
  readonly mapper: Mapper;
  /** The mapper's paths, needed only when `mapper` is a function (it cannot list them). */
  readonly paths?: readonly string[];
  readonly policyVersion?: string;
  readonly scope?: string;
  readonly auxData?: AuxData;
  /** Sent with every PlanResources / CheckResources of the call (appears in the audit log). */
  readonly requestId?: string;
}

/** A row whose plan-based answer and CheckResources' answer differ (found by `verify` or a check fallback). */
export interface Disagreement {
  /** The row's primary key. */
  readonly id: unknown;
  readonly action: string;
  /** What the query plan (in SQL) said. */
  readonly planned: boolean;
  /** What CheckResources said; this is what the result uses. */
  readonly checked: boolean;
  /** `"withheld"`: the row was removed from `rows`; `"flag"`: only `can[i][action]` changed. */
  readonly outcome: "withheld" | "flag";
  readonly cerbosCallId: string;
}

export interface AuthorizedQueryOptions<A extends string, F extends string> extends CerbosCallOptions {
  /** The action the rows must allow (usually `"read"`). */
  readonly action: A;
  /** Further actions to report per row in `can`, computed in SQL over the returned page. */
  readonly flags?: readonly F[];
  /** `false` skips the count query (`count` is then `undefined`), for cursor paging. Default `true`. */
  readonly count?: boolean;
  /**
   * `"check"`: also ask CheckResources about every returned row (batched), withhold any row it
   * denies and take the flags from it; each difference is reported. Off by default.
   */
  readonly verify?: "check";
  /**
   * `"check"`: a flag whose plan cannot be translated is decided by CheckResources over the page
   * instead of throwing. The main action's plan always throws when untranslatable. Off by default.
   */
  readonly untranslatableFlags?: "throw" | "check";
  /** Receives each disagreement; the default writes one `console.warn` line per disagreement. */
  readonly onDisagreement?: (disagreement: Disagreement) => void;
  /** Resources per CheckResources request for `verify` and the check fallback (the PDP's limit; default 50). */
  readonly maxResourcesPerCheck?: number;
}

/** The Sequelize options of the page query; `where` is AND-ed with the authorization filter. */
export type AuthorizedFindOptions<M extends Model> = AuthorizedFindExtras<M> &
  Pick<
    FindOptions<Attributes<M>>,
    | "where"
    | "order"
    | "limit"
    | "offset"
    | "include"
    | "attributes"
    | "raw"
    | "nest"
    | "subQuery"
    | "transaction"
    | "lock"
    | "paranoid"
    | "logging"
    | "benchmark"
  >;

/** What `load` is asked to select besides its own attributes. */
export interface PageLoadExtras {
  /** The flags' columns (`CASE WHEN … END AS authz_flag_i`), taken off the rows again. */
  readonly attributes: readonly ProjectionAlias[];
}

export interface AuthorizedFindExtras<M extends Model> {
  /** Keyset paging: a condition (the rows after a cursor) that restricts the page, not the count. */
  readonly after?: WhereOptions<Attributes<M>>;
  /**
   * Reads the page's rows by primary key (in any order): the page query then selects only the
   * keys, and your loader attaches what a join would make slow. Keys it does not return are dropped.
   * Use `where` as your query's `where`: it is the page's keys AND the authorized filter (not
   * yours: it may refer to your includes), so a row changed between the page query and the load so that the principal may no
   * longer read it is left out, never served in a state that was not authorized.
   * Select `extra.attributes` too (e.g. `attributes: { include: extra.attributes }`): the flags
   * then come with the rows, in the same statement; a loader that leaves them out costs one
   * statement more (the flags by key).
   */
  readonly load?: (keys: unknown[], where: WhereOptions<Attributes<M>>, extra: PageLoadExtras) => Promise<M[]>;
  /**
   * The page as one sorted, LIMITed statement per value of `attribute` (e.g. the caller's
   * organizations), merged by a compound ORDER BY … LIMIT: each can walk an index that starts
   * with `attribute` and follows `order`, where one statement over `attribute IN (…)` sorts
   * every visible row (SQLite). Rows whose `attribute` is not one of `values` are left out of
   * the page AND the count. Same rows, same order as one statement when `order` is total
   * (ends with the primary key). Needs `limit` and `order`; not with `include`.
   */
  readonly partition?: PagePartition;
}

export interface PagePartition {
  /** An attribute of the model (not a column name, not a path). */
  readonly attribute: string;
  readonly values: readonly (string | number)[];
  /**
   * `"auto"` (default): one statement per value on SQLite, a single statement elsewhere (the
   * union is measured on SQLite only); `"union"` or `"single"`: always that shape. One value
   * is always a single statement.
   */
  readonly strategy?: "auto" | "union" | "single";
}

export interface AuthorizedPage<R, A extends string, F extends string, Count> {
  readonly rows: R[];
  /** More rows follow this page (one row more than `limit` was read); `false` without `limit`. */
  readonly hasMore: boolean;
  /** The action's plan was ALWAYS_DENIED: no query ran. */
  readonly denied: boolean;
  /** Every row matching the authorization filter AND `where` (not only the page); `undefined` with `count: false`. */
  readonly count: Count;
  /** Per row, in `rows` order: whether each action is allowed (the main action is always `true`). */
  readonly can: Array<Record<A | F, boolean>>;
  /** PlanResources call id per action, for the PDP's audit log. */
  readonly cerbosCallIds: Record<A | F, string>;
  /** CheckResources call ids (`verify`, check fallback); empty otherwise. */
  readonly checkCallIds: string[];
  readonly disagreements: Disagreement[];
}
