import { Op } from "sequelize";
import type { Database } from "../db/database.ts";

export interface LoginRateLimit {
  maxFailures: number;
  windowMs: number;
}

export const defaultLoginRateLimit: LoginRateLimit = { maxFailures: 5, windowMs: 15 * 60 * 1000 };

/**
 * Failed-login counters per username, in the database so every API replica sees the same count.
 * A window starts at the first failure; after `maxFailures` failures logins for that username
 * are refused until the window ends.
 */
export function loginLimiter(db: Database, limit: LoginRateLimit = defaultLoginRateLimit) {
  const { LoginAttempt } = db.models;
  const keyOf = (username: string) => username.trim().toLowerCase();
  const windowStart = () => new Date(Date.now() - limit.windowMs);

  return {
    /** Seconds until the user may try again, or 0 when a login may be attempted. */
    async retryAfterSeconds(username: string): Promise<number> {
      const row = await LoginAttempt.findByPk(keyOf(username));
      if (!row || row.windowStartedAt < windowStart() || row.failures < limit.maxFailures) return 0;
      return Math.ceil((row.windowStartedAt.getTime() + limit.windowMs - Date.now()) / 1000);
    },

    async recordFailure(username: string): Promise<void> {
      const key = keyOf(username);
      await db.transaction(async (transaction) => {
        // Atomic increment inside the window: concurrent replicas must not lose counts.
        const [updated] = await LoginAttempt.update(
          { failures: db.sequelize.literal('"failures" + 1') },
          { where: { key, windowStartedAt: { [Op.gte]: windowStart() } }, transaction },
        );
        if (updated === 0)
          await LoginAttempt.upsert({ key, failures: 1, windowStartedAt: new Date() }, { transaction });
      });
    },

    async reset(username: string): Promise<void> {
      await db.transaction((transaction) => LoginAttempt.destroy({ where: { key: keyOf(username) }, transaction }));
    },
  };
}

export type LoginLimiter = ReturnType<typeof loginLimiter>;
