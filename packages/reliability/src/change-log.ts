import type { Dialect, TestStack } from "@repo/api/testing";

/**
 * Membership changes, bans and contact renames in commit order, written by database triggers
 * (test databases only): the order in which writes were committed is the question a race asks
 * ("was her grant written after her demotion?"), and only the database knows it. On Postgres the
 * writes a race compares wait for each other's row locks (the organization's memberships FOR
 * UPDATE; the caller's own rows FOR SHARE while a user row is updated), so the sequence follows
 * commit order there too; a rolled-back change leaves no entry.
 */
export interface Change {
  seq: number;
  kind: "membership" | "user" | "contact";
  op: "insert" | "update" | "delete";
  /** membership: the member; user: the user; contact: its owner. */
  userId: string;
  /** membership: the organization; contact: the contact; user: 0. */
  subjectId: number;
  /** membership: the role; user: "banned" or "unbanned"; contact: the first name. */
  detail: string;
}

const columns = `(kind, op, "userId", "subjectId", detail)`;

const sqlite = [
  `CREATE TABLE race_change_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, op TEXT NOT NULL,
     "userId" TEXT NOT NULL, "subjectId" INTEGER NOT NULL, detail TEXT NOT NULL)`,
  `CREATE TRIGGER race_membership_insert AFTER INSERT ON memberships BEGIN
     INSERT INTO race_change_log ${columns} VALUES ('membership', 'insert', NEW."userId", NEW."organizationId", NEW.role); END`,
  `CREATE TRIGGER race_membership_update AFTER UPDATE ON memberships WHEN OLD.role IS NOT NEW.role BEGIN
     INSERT INTO race_change_log ${columns} VALUES ('membership', 'update', NEW."userId", NEW."organizationId", NEW.role); END`,
  `CREATE TRIGGER race_membership_delete AFTER DELETE ON memberships BEGIN
     INSERT INTO race_change_log ${columns} VALUES ('membership', 'delete', OLD."userId", OLD."organizationId", OLD.role); END`,
  `CREATE TRIGGER race_user_ban AFTER UPDATE ON users WHEN OLD."isBanned" IS NOT NEW."isBanned" BEGIN
     INSERT INTO race_change_log ${columns}
     VALUES ('user', 'update', NEW.id, 0, CASE WHEN NEW."isBanned" THEN 'banned' ELSE 'unbanned' END); END`,
  `CREATE TRIGGER race_contact_rename AFTER UPDATE ON contacts WHEN OLD."firstName" IS NOT NEW."firstName" BEGIN
     INSERT INTO race_change_log ${columns} VALUES ('contact', 'update', NEW."ownerId", NEW.id, NEW."firstName"); END`,
];

const postgres = [
  `CREATE TABLE race_change_log (seq bigserial PRIMARY KEY, kind text NOT NULL, op text NOT NULL,
     "userId" text NOT NULL, "subjectId" integer NOT NULL, detail text NOT NULL)`,
  `CREATE FUNCTION race_log_membership() RETURNS trigger LANGUAGE plpgsql AS $body$
   BEGIN
     IF TG_OP = 'DELETE' THEN
       INSERT INTO race_change_log ${columns} VALUES ('membership', 'delete', OLD."userId", OLD."organizationId", OLD.role);
       RETURN OLD;
     END IF;
     IF TG_OP = 'UPDATE' AND OLD.role IS NOT DISTINCT FROM NEW.role THEN RETURN NEW; END IF;
     INSERT INTO race_change_log ${columns} VALUES ('membership', lower(TG_OP), NEW."userId", NEW."organizationId", NEW.role);
     RETURN NEW;
   END $body$`,
  `CREATE TRIGGER race_log_membership AFTER INSERT OR UPDATE OR DELETE ON memberships
     FOR EACH ROW EXECUTE FUNCTION race_log_membership()`,
  `CREATE FUNCTION race_log_user() RETURNS trigger LANGUAGE plpgsql AS $body$
   BEGIN
     IF OLD."isBanned" IS DISTINCT FROM NEW."isBanned" THEN
       INSERT INTO race_change_log ${columns}
       VALUES ('user', 'update', NEW.id, 0, CASE WHEN NEW."isBanned" THEN 'banned' ELSE 'unbanned' END);
     END IF;
     RETURN NEW;
   END $body$`,
  `CREATE TRIGGER race_log_user AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION race_log_user()`,
  `CREATE FUNCTION race_log_contact() RETURNS trigger LANGUAGE plpgsql AS $body$
   BEGIN
     IF OLD."firstName" IS DISTINCT FROM NEW."firstName" THEN
       INSERT INTO race_change_log ${columns} VALUES ('contact', 'update', NEW."ownerId", NEW.id, NEW."firstName");
     END IF;
     RETURN NEW;
   END $body$`,
  `CREATE TRIGGER race_log_contact AFTER UPDATE ON contacts FOR EACH ROW EXECUTE FUNCTION race_log_contact()`,
];

export async function installChangeLog(stack: TestStack, dialect: Dialect): Promise<void> {
  for (const statement of dialect === "postgres" ? postgres : sqlite) await stack.api.sequelize.query(statement);
}

/** The changes after `afterSeq`, oldest first. */
export async function changesSince(stack: TestStack, afterSeq = 0): Promise<Change[]> {
  const rows = await stack.sql.all<Change>(
    `SELECT seq, kind, op, "userId", "subjectId", detail FROM race_change_log WHERE seq > ? ORDER BY seq`,
    [afterSeq],
  );
  return rows.map((row) => ({ ...row, seq: Number(row.seq), subjectId: Number(row.subjectId) }));
}

export async function lastChangeSeq(stack: TestStack): Promise<number> {
  const [row] = await stack.sql.all<{ seq: number | string | null }>("SELECT MAX(seq) AS seq FROM race_change_log");
  return Number(row?.seq ?? 0);
}
