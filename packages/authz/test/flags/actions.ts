/** The flag suite's actions (policies/document.yaml), by how their plans relate to CheckResources. */
export const exactActions = ["read", "update", "delete", "share", "archive", "publish"] as const;
/** The plan may say no where CheckResources allows: only on rows with a NULL score. */
export const stricterActions = ["comment", "rate", "flag"] as const;
/** The plan may say yes where CheckResources denies: only on rows without a reviewer. */
export const widerActions = ["review", "export"] as const;
/** Every action but the listed one, as flags of the list. */
export const flagActions = [...exactActions.slice(1), ...stricterActions, ...widerActions] as const;
export type FlagAction = (typeof flagActions)[number];
