// Brings vitest's `inject("cerbosUrl")` typing from the PDP global setup into this package.
import type {} from "@repo/pdp/global-setup";
