import { parseArgs } from "node:util";
import { contactsApi } from "../contacts-api.ts";
import { percentile } from "../load/run.ts";
import { loginAll } from "../stack.ts";
import { pick, seededRandom } from "../tally.ts";
import { cpuOfGroups, postmasterPid } from "./cpu.ts";
import { type ScaleOutStack, startScaleOut } from "./stack.ts";

// `npx -y pnpm@10.34.9 --filter @repo/reliability scale-out:bench [-- --rounds 3 --seconds 10 --clients 16]`:
// the same read load through haproxy with 1 API replica, then with 2 (2 PDPs, one Postgres
// each time, fresh stacks), alternating, `rounds` times; prints the medians. A measurement, not
// a test: on one machine every replica, PDP, Postgres and the load itself share the same cores.
// pnpm passes a `--` through: not an argument.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    rounds: { type: "string", default: "3" },
    seconds: { type: "string", default: "10" },
    clients: { type: "string", default: "16" },
  },
});
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const clientCount = Number(values.clients);
const users = ["alice", "john", "sarah", "geri", "ivan", "bill", "olga", "bruno"];

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU ms per request of each part (/proc over the window): where the 2 cores go. */
  cpuMsPerRequest: Record<string, number>;
}

function groups(stack: ScaleOutStack): Record<string, number[]> {
  const ids = (values: (number | undefined)[]) => values.filter((value): value is number => value !== undefined);
  return {
    api: ids(stack.replicas.map((replica) => replica.process()?.pid)),
    pdp: ids(stack.pdps.map((pdp) => pdp.pid())),
    postgres: ids([postmasterPid(stack.postgresPort)]),
    haproxy: [stack.haproxy.pid],
  };
}

const loadCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function measure(replicas: number): Promise<Result> {
  const stack = await startScaleOut({ replicas, pdps: 2 });
  try {
    const api = contactsApi(stack.url);
    const tokens = await loginAll(stack.url, users);
    const latencies: number[] = [];
    let errors = 0;
    // The load generator itself: this process only (its descendants are the stack).
    const cpuBefore: Record<string, number> = { ...cpuOfGroups(groups(stack)), load: loadCpuMs() };
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: clientCount }, async (_, index) => {
        const random = seededRandom(index + 1);
        const token = tokens[users[index % users.length] ?? "john"] ?? "";
        while (Date.now() < until) {
          const started = performance.now();
          const outcome = await api.list(token, {
            limit: 20,
            sortBy: pick(random, ["lastName", "firstName", "updatedAt"]),
            sortDir: pick(random, ["asc", "desc"]),
          });
          latencies.push(performance.now() - started);
          if (outcome.code !== undefined || outcome.status !== 200) errors++;
        }
      }),
    );
    const cpuAfter: Record<string, number> = { ...cpuOfGroups(groups(stack)), load: loadCpuMs() };
    latencies.sort((a, b) => a - b);
    const cpuMsPerRequest = Object.fromEntries(
      Object.entries(cpuAfter).map(([group, ms]) => [
        group,
        Math.round(((ms - (cpuBefore[group] ?? 0)) / Math.max(1, latencies.length)) * 10) / 10,
      ]),
    );
    return {
      rps: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      errors,
      cpuMsPerRequest,
    };
  } finally {
    await stack.stop();
  }
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? 0;
const results: Record<number, Result[]> = { 1: [], 2: [] };
for (let round = 0; round < rounds; round++) {
  for (const replicas of [1, 2]) {
    const result = await measure(replicas);
    results[replicas]?.push(result);
    console.log(`round ${round + 1}, ${replicas} replica(s): ${JSON.stringify(result)}`);
  }
}
console.log(
  `\ncontacts.list (limit 20) through haproxy, ${clientCount} clients, ${seconds} s x ${rounds} rounds, medians:`,
);
for (const replicas of [1, 2]) {
  const runs = results[replicas] ?? [];
  console.log(
    `  ${replicas} replica(s): ${median(runs.map((run) => run.rps)).toFixed(1)} requests/s, p50 ${median(runs.map((run) => run.p50))} ms, p99 ${median(runs.map((run) => run.p99))} ms, errors ${runs.reduce((sum, run) => sum + run.errors, 0)}`,
  );
  const parts = Object.keys(runs[0]?.cpuMsPerRequest ?? {});
  const cpu = parts.map((part) => `${part} ${median(runs.map((run) => run.cpuMsPerRequest[part] ?? 0))}`);
  console.log(`    CPU ms per request: ${cpu.join(", ")}`);
}
const ratio =
  median((results[2] ?? []).map((run) => run.rps)) / Math.max(1, median((results[1] ?? []).map((run) => run.rps)));
console.log(`  2 / 1 replicas: ${ratio.toFixed(2)}x`);
