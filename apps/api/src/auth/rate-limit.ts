import { Op } from "sequelize";
import type { Models } from "../db/models/index.ts";

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
export function loginLimiter(models: Models, limit: LoginRateLimit = defaultLoginRateLimit) {
  const keyOf = (username: string) => username.trim().toLowerCase();
  const windowStart = () => new Date(Date.now() - limit.windowMs);

  return {
    /** Seconds until the user may try again, or 0 when a login may be attempted. */
    async retryAfterSeconds(username: string): Promise<number> {
      const row = await models.LoginAttempt.findByPk(keyOf(username));
      if (!row || row.windowStartedAt < windowStart() || row.failures < limit.maxFailures) return 0;
      return Math.ceil((row.windowStartedAt.getTime() + limit.windowMs - Date.now()) / 1000);
    },

    async recordFailure(username: string): Promise<void> {
      const key = keyOf(username);
      const now = new Date();
      // Atomic increment inside the window (concurrent replicas must not lose counts).
      const [updated] = await models.LoginAttempt.update(
        { failures: models.LoginAttempt.sequelize!.literal('"failures" + 1') },
        { where: { key, windowStartedAt: { [Op.gte]: windowStart() } } },
      );
      if (updated > 0) return;
      await models.LoginAttempt.upsert({ key, failures: 1, windowStartedAt: now });
    },

    async reset(username: string): Promise<void> {
      await models.LoginAttempt.destroy({ where: { key: keyOf(username) } });
    },
  };
}

export type LoginLimiter = ReturnType<typeof loginLimiter>;
