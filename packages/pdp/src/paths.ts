import { fileURLToPath } from "node:url";

/** The repository's shipped policies folder. */
export const repoPoliciesDir = fileURLToPath(new URL("../../../policies", import.meta.url));
