import { parseArgs } from "node:util";
import { demoPassword } from "../stack.ts";
import { startScaleOut } from "./stack.ts";

// `npx -y pnpm@10.34.9 --filter @repo/reliability scale-out [-- --replicas 2 --pdps 2]`:
// the multi-replica stack of the scale-out tests, for people: one throwaway Postgres, the PDPs,
// the API replicas and haproxy in front, all on loopback, until Ctrl-C.
// pnpm passes a `--` through: not an argument.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: { replicas: { type: "string", default: "2" }, pdps: { type: "string", default: "2" } },
});
const count = (value: string, name: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 8) {
    console.error(`--${name} must be a whole number from 1 to 8`);
    process.exit(2);
  }
  return number;
};

console.log("starting Postgres, the PDPs, the API replicas and haproxy …");
const stack = await startScaleOut({
  replicas: count(values.replicas, "replicas"),
  pdps: count(values.pdps, "pdps"),
  env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
});
console.log(`
API (through haproxy): ${stack.url}   e.g. curl ${stack.url}/health
replicas:              ${stack.replicas.map((replica) => `${replica.name} ${replica.baseUrl}`).join(", ")}
PDPs:                  ${stack.pdps.map((pdp) => pdp.url).join(", ")}
database:              ${stack.databaseUrl}
demo users:            john, sarah, alice, … (password ${demoPassword}); Ctrl-C stops everything
`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log("stopping …");
    void stack.stop().then(() => process.exit(0));
  });
}
