import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import { prismaPeerDir } from "./install.ts";

/** What one run of the peer reports: its own clock around translation and queries, and the page. */
export interface PeerRun {
  translateMs: number;
  pageMs: number;
  ids: number[];
  total: number;
}

/** The Prisma peer (packages/bench/peers/prisma/src/child.ts) in its own process, over IPC. */
export interface PrismaPeer {
  run(plan: unknown, take: number): Promise<PeerRun>;
  /** EXPLAIN QUERY PLAN of the statements Prisma sends for this plan (page, count). */
  explain(plan: unknown, take: number): Promise<string[]>;
  stop(): Promise<void>;
}

type Reply =
  | { ok: true; translateMs?: number; pageMs?: number; ids?: number[]; total?: number; plans?: string[] }
  | { ok: false; error: string };

/**
 * Starts the peer on `sqlitePath` with these pragmas on its connection. A process of its own:
 * two SQLite libraries (node-sqlite3's and better-sqlite3's) in one process on one file break
 * each other's POSIX locks.
 */
export async function startPrismaPeer(
  sqlitePath: string,
  options: { pragmas: readonly string[]; logQueries: boolean },
): Promise<PrismaPeer> {
  const child = fork(join(prismaPeerDir, "src", "child.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let pending: ((reply: Reply) => void) | undefined;
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`the Prisma peer process exited with code ${code}`))),
  );
  exited.catch(() => undefined);
  child.on("message", (reply: Reply) => {
    const resolve = pending;
    pending = undefined;
    resolve?.(reply);
  });
  const next = () => Promise.race([new Promise<Reply>((resolve) => (pending = resolve)), exited]);
  const ask = async (request: object): Promise<Reply & { ok: true }> => {
    const reply = next();
    child.send(request);
    const answer = await reply;
    if (!answer.ok) throw new Error(`Prisma peer: ${answer.error}`);
    return answer;
  };
  const ready = await next();
  if (!ready.ok) throw new Error(`Prisma peer: ${ready.error}`);
  await ask({ type: "open", path: sqlitePath, pragmas: [...options.pragmas], logQueries: options.logQueries });
  return {
    async run(plan, take) {
      const { translateMs, pageMs, ids, total } = await ask({ type: "run", plan, take });
      return { translateMs: translateMs!, pageMs: pageMs!, ids: ids!, total: total! };
    },
    async explain(plan, take) {
      return (await ask({ type: "explain", plan, take })).plans ?? [];
    },
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.disconnect();
  });
}
