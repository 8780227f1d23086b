import type { Dialect, TestStack } from "@repo/api/testing";

/**
 * Every membership change in commit order, written by database triggers (test databases only):
 * the order in which changes were written is the question a race asks ("was her grant written
 * after her demotion?"), and only the database knows it. On Postgres every membership write of
 * one organization holds the organization's membership rows FOR UPDATE (apps/api
 * organizations/members.ts), so the sequence follows commit order there too; a rolled-back
 * change leaves no entry.
 */
export interface MembershipChange {
  seq: number;
  op: "insert" | "update" | "delete";
  userId: string;
  organizationId: number;
  role: string;
}

const sqlite = [
  `CREATE TABLE race_membership_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, op TEXT NOT NULL,
     "userId" TEXT NOT NULL, "organizationId" INTEGER NOT NULL, role TEXT NOT NULL)`,
  `CREATE TRIGGER race_log_insert AFTER INSERT ON memberships BEGIN
     INSERT INTO race_membership_log (op, "userId", "organizationId", role)
     VALUES ('insert', NEW."userId", NEW."organizationId", NEW.role); END`,
  `CREATE TRIGGER race_log_update AFTER UPDATE ON memberships WHEN OLD.role IS NOT NEW.role BEGIN
     INSERT INTO race_membership_log (op, "userId", "organizationId", role)
     VALUES ('update', NEW."userId", NEW."organizationId", NEW.role); END`,
  `CREATE TRIGGER race_log_delete AFTER DELETE ON memberships BEGIN
     INSERT INTO race_membership_log (op, "userId", "organizationId", role)
     VALUES ('delete', OLD."userId", OLD."organizationId", OLD.role); END`,
];

const postgres = [
  `CREATE TABLE race_membership_log (seq bigserial PRIMARY KEY, op text NOT NULL,
     "userId" text NOT NULL, "organizationId" integer NOT NULL, role text NOT NULL)`,
  `CREATE FUNCTION race_log() RETURNS trigger LANGUAGE plpgsql AS $body$
   BEGIN
     IF TG_OP = 'DELETE' THEN
       INSERT INTO race_membership_log (op, "userId", "organizationId", role)
       VALUES ('delete', OLD."userId", OLD."organizationId", OLD.role);
       RETURN OLD;
     END IF;
     IF TG_OP = 'UPDATE' AND OLD.role IS NOT DISTINCT FROM NEW.role THEN RETURN NEW; END IF;
     INSERT INTO race_membership_log (op, "userId", "organizationId", role)
     VALUES (lower(TG_OP), NEW."userId", NEW."organizationId", NEW.role);
     RETURN NEW;
   END $body$`,
  `CREATE TRIGGER race_log AFTER INSERT OR UPDATE OR DELETE ON memberships
     FOR EACH ROW EXECUTE FUNCTION race_log()`,
];

export async function installMembershipLog(stack: TestStack, dialect: Dialect): Promise<void> {
  for (const statement of dialect === "postgres" ? postgres : sqlite) await stack.api.sequelize.query(statement);
}

/** The changes after `afterSeq`, oldest first. */
export async function membershipChanges(stack: TestStack, afterSeq = 0): Promise<MembershipChange[]> {
  const rows = await stack.sql.all<MembershipChange>(
    `SELECT seq, op, "userId", "organizationId", role FROM race_membership_log WHERE seq > ? ORDER BY seq`,
    [afterSeq],
  );
  return rows.map((row) => ({ ...row, seq: Number(row.seq), organizationId: Number(row.organizationId) }));
}

export async function lastChangeSeq(stack: TestStack): Promise<number> {
  const [row] = await stack.sql.all<{ seq: number | string | null }>("SELECT MAX(seq) AS seq FROM race_membership_log");
  return Number(row?.seq ?? 0);
}
