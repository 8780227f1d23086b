// Helper for start.test.ts: starts a PDP, prints its pid, then waits to be killed.
import { repoPoliciesDir, startPdp } from "../src/index.ts";

const pdp = await startPdp({ policiesDir: repoPoliciesDir });
console.log(`PDP_PID=${pdp.pid}`);
setInterval(() => {}, 60_000);
