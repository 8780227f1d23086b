/**
 * The Prisma peer in a process of its own, driven by the bench over IPC. Not in the bench's
 * process: better-sqlite3 bundles its own SQLite, and two SQLite libraries in one process on
 * one file break each other's POSIX locks (closing one's file descriptor drops the other's
 * locks: SQLITE_IOERR, or worse). Times are taken here, around the translation and the queries.
 */
import { openPeer, type Peer, translate } from "./peer.ts";

export type Request =
  | { type: "open"; path: string; pragmas: string[]; logQueries: boolean }
  | { type: "run"; plan: unknown; take: number }
  | { type: "explain"; plan: unknown; take: number };

export type Reply =
  | { ok: true; translateMs?: number; pageMs?: number; ids?: number[]; total?: number; plans?: string[] }
  | { ok: false; error: string };

let peer: Peer | undefined;

async function handle(request: Request): Promise<Reply> {
  if (request.type === "open") {
    peer = await openPeer(request.path, { pragmas: request.pragmas, logQueries: request.logQueries });
    return { ok: true };
  }
  if (!peer) throw new Error("the peer is not open");
  if (request.type === "explain") return { ok: true, plans: await peer.explain(translate(request.plan), request.take) };
  const started = performance.now();
  const filter = translate(request.plan);
  const translated = performance.now();
  const page = await peer.page(filter, request.take);
  const done = performance.now();
  return { ok: true, translateMs: translated - started, pageMs: done - translated, ids: page.ids, total: page.total };
}

let queue: Promise<unknown> = Promise.resolve();
process.on("message", (request: Request) => {
  queue = queue.then(async () => {
    const reply = await handle(request).catch(
      (error: unknown): Reply => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    process.send?.(reply);
  });
});
process.on("disconnect", () => {
  void (peer?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});
process.send?.({ ok: true });
