import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on Linux). */
const ticksPerSecond = 100;

interface Stat {
  pid: number;
  ppid: number;
  /** CPU time used so far (user + system), ms. */
  cpuMs: number;
  cmdline: string;
}

function stat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command may hold spaces and parentheses: fields start after the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    return {
      pid,
      ppid: Number(fields[1]),
      cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond,
      cmdline,
    };
  } catch {
    return undefined; // gone
  }
}

/**
 * CPU time (ms) used so far by each group: the given root processes and all their descendants
 * (a replica's tsx loader and node, a Postgres postmaster and its backends). Linux only.
 */
export function cpuOfGroups(groups: Record<string, readonly number[]>): Record<string, number> {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => stat(Number(name)))
    .filter((entry): entry is Stat => entry !== undefined);
  const children = new Map<number, Stat[]>();
  for (const entry of all) children.set(entry.ppid, [...(children.get(entry.ppid) ?? []), entry]);
  const byPid = new Map(all.map((entry) => [entry.pid, entry]));
  const result: Record<string, number> = {};
  for (const [group, roots] of Object.entries(groups)) {
    let total = 0;
    const queue = [...roots];
    const seen = new Set<number>();
    while (queue.length > 0) {
      const pid = queue.pop() ?? 0;
      if (seen.has(pid)) continue;
      seen.add(pid);
      total += byPid.get(pid)?.cpuMs ?? 0;
      queue.push(...(children.get(pid) ?? []).map((child) => child.pid));
    }
    result[group] = total;
  }
  return result;
}

/** The postmaster of the cluster listening on `port` (its command line names the port). */
export function postmasterPid(port: number): number | undefined {
  for (const name of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    const entry = stat(Number(name));
    if (entry && /bin\/postgres -D /.test(entry.cmdline) && entry.cmdline.includes(` -p ${port} `)) return entry.pid;
  }
  return undefined;
}
