import { QueryTypes } from "sequelize";
import type { Database } from "../db/database.ts";

export interface LoginRateLimit {
  maxFailures: number;
  windowMs: number;
}

export const defaultLoginRateLimit: LoginRateLimit = { maxFailures: 5, windowMs: 15 * 60 * 1000 };

// One atomic statement on both dialects: start a new window when the old one is over,
// otherwise count one more attempt, and say where the count stands. (The leading comment keeps
// Sequelize's SQLite driver from treating it as a plain INSERT, which would drop RETURNING rows.)
const countAttempt = `/* count a login attempt */
INSERT INTO "login_attempts" ("key", "failures", "windowStartedAt") VALUES (:key, 1, :now)
ON CONFLICT ("key") DO UPDATE SET
  "failures" = CASE WHEN "login_attempts"."windowStartedAt" < :windowStart THEN 1 ELSE "login_attempts"."failures" + 1 END,
  "windowStartedAt" = CASE WHEN "login_attempts"."windowStartedAt" < :windowStart THEN :now ELSE "login_attempts"."windowStartedAt" END
RETURNING "failures", "windowStartedAt"`;

/**
 * Login attempts per username, counted in the database so every API replica sees the same
 * count. An attempt is counted BEFORE the password is checked (so parallel guesses cannot all
 * slip through), and a successful login clears the count. After `maxFailures` uncleared
 * attempts in a window, logins for that username are refused until the window ends.
 */
export function loginLimiter(db: Database, limit: LoginRateLimit = defaultLoginRateLimit) {
  const keyOf = (username: string) => username.trim().toLowerCase();

  return {
    /** Counts an attempt; returns 0 when it may be checked, else the seconds to wait. */
    async acquire(username: string): Promise<number> {
      const now = new Date();
      const [row] = await db.transaction((transaction) =>
        db.sequelize.query<{ failures: number; windowStartedAt: string | Date }>(countAttempt, {
          replacements: { key: keyOf(username), now, windowStart: new Date(now.getTime() - limit.windowMs) },
          type: QueryTypes.SELECT,
          transaction,
        }),
      );
      if (!row || Number(row.failures) <= limit.maxFailures) return 0;
      const windowEnds = new Date(row.windowStartedAt).getTime() + limit.windowMs;
      return Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000));
    },

    /** A successful login clears the count. */
    async reset(username: string): Promise<void> {
      const { LoginAttempt } = db.models;
      await db.transaction((transaction) => LoginAttempt.destroy({ where: { key: keyOf(username) }, transaction }));
    },
  };
}

export type LoginLimiter = ReturnType<typeof loginLimiter>;
