import { type Transaction, UniqueConstraintError } from "sequelize";
import type { Database } from "../db/database.ts";

export interface LoginRateLimit {
  /** Attempts per (account, client address) in a window; beyond them that pair is refused. */
  maxFailures: number;
  windowMs: number;
  /** Failed attempts per account (every address) in a window after which each attempt waits `slowDownMs`. */
  accountSlowDownAfter: number;
  slowDownMs: number;
}

export const defaultLoginRateLimit: LoginRateLimit = {
  maxFailures: 5,
  windowMs: 15 * 60 * 1000,
  accountSlowDownAfter: 20,
  slowDownMs: 1000,
};

export interface LoginVerdict {
  /** > 0: refused, try again in this many seconds (this address has failed too often for this account). */
  retryAfterSeconds: number;
  /** Wait this long before checking the password (the account is under attack from elsewhere). */
  delayMs: number;
}

/**
 * Login attempts, counted in the database so every API replica sees the same counts, with plain
 * statements every Sequelize dialect has (a keyed row read FOR UPDATE where the dialect locks
 * rows, an insert, an update; a first insert that loses a race to another is retried).
 *
 * - Per (account, client address): an attempt is counted BEFORE the password is checked (so
 *   parallel guesses cannot all slip through) and a success clears it. More than `maxFailures`
 *   uncleared attempts in a window: that address is refused for that account until the window
 *   ends. Nobody else is: an attacker elsewhere cannot lock the user out.
 * - Per account: failures from every address. Beyond `accountSlowDownAfter` in a window, every
 *   attempt for the account waits `slowDownMs` first. It only delays, never refuses: a correct
 *   password from an address with no failures always signs in.
 */
export function loginLimiter(db: Database, limit: LoginRateLimit = defaultLoginRateLimit) {
  const accountOf = (username: string) => username.trim().toLowerCase();
  // An address has no spaces, so the first space ends it.
  const pairKey = (username: string, address: string) => `pair ${address} ${accountOf(username)}`;
  const accountKey = (username: string) => `account ${accountOf(username)}`;

  /** Counts one more attempt under `key` (a new window when the last one is over): the count and its window. */
  async function count(key: string, now: Date, transaction: Transaction) {
    const { LoginAttempt } = db.models;
    const row = await LoginAttempt.findByPk(key, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row) {
      await LoginAttempt.create({ key, failures: 1, windowStartedAt: now }, { transaction });
      return { attempts: 1, windowStartedAt: now };
    }
    const windowOver = row.windowStartedAt.getTime() < now.getTime() - limit.windowMs;
    const attempts = windowOver ? 1 : row.failures + 1;
    const windowStartedAt = windowOver ? now : row.windowStartedAt;
    await row.update({ failures: attempts, windowStartedAt }, { transaction });
    return { attempts, windowStartedAt };
  }

  /** The count under `key` in the current window, without counting. */
  async function current(key: string, now: Date, transaction: Transaction): Promise<number> {
    const row = await db.models.LoginAttempt.findByPk(key, { transaction });
    return row && row.windowStartedAt.getTime() >= now.getTime() - limit.windowMs ? row.failures : 0;
  }

  /**
   * Runs `work` in a transaction; again (up to 5 runs) if a concurrent first insert of the same
   * key won: a unique violation, or on MariaDB a deadlock (both read the missing key FOR UPDATE,
   * taking the same gap lock, then both insert; InnoDB rolls one back).
   */
  async function counting<T>(work: (transaction: Transaction, now: Date) => Promise<T>): Promise<T> {
    for (let run = 1; ; run += 1) {
      try {
        return await db.transaction((transaction) => work(transaction, new Date()));
      } catch (error) {
        const raced = error instanceof UniqueConstraintError || isDeadlock(error);
        if (!raced || run === 5) throw error;
      }
    }
  }

  return {
    /** Counts an attempt of `address` for `username` and says whether (and when) its password may be checked. */
    acquire(username: string, address: string): Promise<LoginVerdict> {
      return counting(async (transaction, now) => {
        const pair = await count(pairKey(username, address), now, transaction);
        if (pair.attempts > limit.maxFailures) {
          await count(accountKey(username), now, transaction);
          const windowEnds = pair.windowStartedAt.getTime() + limit.windowMs;
          return { retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)), delayMs: 0 };
        }
        const accountFailures = await current(accountKey(username), now, transaction);
        return { retryAfterSeconds: 0, delayMs: accountFailures >= limit.accountSlowDownAfter ? limit.slowDownMs : 0 };
      });
    },

    /** A wrong password (or unknown user): one more failure for the account. */
    recordFailure(username: string): Promise<void> {
      return counting(async (transaction, now) => {
        await count(accountKey(username), now, transaction);
      });
    },

    /** A successful login clears its address's count for the account (the account's own count expires). */
    async reset(username: string, address: string): Promise<void> {
      const { LoginAttempt } = db.models;
      await db.transaction((transaction) =>
        LoginAttempt.destroy({ where: { key: pairKey(username, address) }, transaction }),
      );
    },
  };
}

export type LoginLimiter = ReturnType<typeof loginLimiter>;

/** MariaDB's ER_LOCK_DEADLOCK (1213): InnoDB rolled this transaction back; it may be run again. */
function isDeadlock(error: unknown): boolean {
  const parent = (error as { parent?: { errno?: number } } | undefined)?.parent;
  return parent?.errno === 1213;
}
