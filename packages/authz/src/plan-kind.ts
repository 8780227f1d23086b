import type { PlanKind as CerbosPlanKind } from "@cerbos/core";

/**
 * The three plan kinds as plain strings, typed as @cerbos/core's own `PlanKind` members: a
 * result's `kind` compares equal to `PlanKind.ALWAYS_DENIED` from this package or from the SDK.
 * @cerbos/core is imported for types only, so the CommonJS build never requires it (it is
 * ESM-only).
 */
export const PlanKind = {
  ALWAYS_ALLOWED: "KIND_ALWAYS_ALLOWED" as CerbosPlanKind.ALWAYS_ALLOWED,
  ALWAYS_DENIED: "KIND_ALWAYS_DENIED" as CerbosPlanKind.ALWAYS_DENIED,
  CONDITIONAL: "KIND_CONDITIONAL" as CerbosPlanKind.CONDITIONAL,
} as const;

export type PlanKind = CerbosPlanKind;

/** `PlanKind.ALWAYS_DENIED` etc. as types, as with the SDK's enum. */
export declare namespace PlanKind {
  type ALWAYS_ALLOWED = CerbosPlanKind.ALWAYS_ALLOWED;
  type ALWAYS_DENIED = CerbosPlanKind.ALWAYS_DENIED;
  type CONDITIONAL = CerbosPlanKind.CONDITIONAL;
}
