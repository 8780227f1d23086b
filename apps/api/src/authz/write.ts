import { isDeepStrictEqual } from "node:util";
import { DatabaseError, type Transaction } from "sequelize";
import { principalOf } from "../auth/principal.ts";
import { loadSession, type Session } from "../context.ts";
import { conflict, unauthorized } from "../errors.ts";
import type { AuthzContext } from "./guard.ts";

/** The write a decision allows, run in the transaction that commits it. */
export interface Write<T, Locked = undefined> {
  /**
   * Rows to lock before the caller's own rows are read (Postgres: FOR UPDATE), handed to
   * `write`. Every membership write locks its organization's memberships here, so two of them
   * take their locks in the same order instead of deadlocking on each other's FOR SHARE.
   */
  lockFirst?: (transaction: Transaction) => Promise<Locked>;
  write: (transaction: Transaction, locked: Locked) => Promise<T>;
}

/** How often a write is decided again when the caller's state keeps changing under it. */
export const maxDecisions = 3;

/** The caller's user or memberships changed between the decision and the write. */
class CallerChanged extends Error {
  override name = "CallerChanged";
}

/**
 * A write that depends on who the caller is (role, department, ban, memberships) is committed
 * only on the state it was decided on. `decide` asks the PDP with `ctx.session` (never inside a
 * transaction: on SQLite every transaction of the process waits for the one open, so a PDP call
 * there would queue every write behind a stalled PDP) and returns the write. The write's
 * transaction first reads the caller's user and membership rows again (Postgres: FOR SHARE, so
 * a concurrent demotion, removal or ban either committed before and is seen, or waits for this
 * commit) and compares them with the session the decision was made on. Changed:
 * the transaction rolls back, the session is rebuilt from the database and the write is decided
 * again (at most `maxDecisions` times). Same approach on both dialects: no PDP call while row
 * locks are held, one code path.
 */
export async function decidedWrite<T, Locked = undefined>(
  ctx: AuthzContext,
  decide: (ctx: AuthzContext) => Promise<Write<T, Locked>>,
): Promise<T> {
  let current = ctx;
  for (let decision = 1; ; decision++) {
    const { lockFirst, write } = await decide(current);
    try {
      return await current.db.transaction(async (transaction) => {
        const locked = (await lockFirst?.(transaction)) as Locked;
        // Before the write: a write to the caller's own rows must not hide a change it undoes.
        await requireCallerAsDecided(current, transaction);
        return write(transaction, locked);
      });
    } catch (error) {
      if (!(error instanceof CallerChanged) && !isLockConflict(error)) throw error;
      if (decision >= maxDecisions) {
        throw conflict("Your permissions changed while this request ran: try again.");
      }
      current.log.info(
        { userId: current.session.user.id, decision, reason: error.name },
        "the caller changed during a write: deciding again",
      );
      current = { ...current, session: await freshSession(current) };
    }
  }
}

async function requireCallerAsDecided(ctx: AuthzContext, transaction: Transaction): Promise<void> {
  const { session, db } = ctx;
  // MariaDB (InnoDB, REPEATABLE READ) like Postgres: a locking read sees the latest commit, not the snapshot.
  const lock = db.dialect === "sqlite" ? undefined : transaction.LOCK.SHARE;
  const user = await db.models.User.findByPk(session.user.id, { transaction, lock });
  const memberships = await db.models.Membership.findAll({
    where: { userId: session.user.id },
    order: [["id", "ASC"]],
    transaction,
    lock,
  });
  const unchanged =
    user !== null &&
    user.tokenVersion === session.user.tokenVersion &&
    isDeepStrictEqual(principalOf(user, memberships), session.principal);
  if (!unchanged) throw new CallerChanged("the caller's user or memberships changed since the decision");
}

async function freshSession(ctx: AuthzContext): Promise<Session> {
  const session = await loadSession(ctx.db, ctx.session.user.id, ctx.session.tokenVersion);
  if (!session) throw unauthorized("The token was revoked (signed out or account changed): sign in again.");
  return session;
}

/** Postgres gave up on this transaction because of another one (deadlock, serialization): decide again. */
function isLockConflict(error: unknown): error is Error {
  if (!(error instanceof DatabaseError)) return false;
  const code = (error.parent as { code?: unknown } | undefined)?.code;
  return code === "40P01" || code === "40001";
}
