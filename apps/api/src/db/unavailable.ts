import { ConnectionError, DatabaseError } from "sequelize";

// A database that is down, restarting or unreachable is a clean, retryable refusal
// (SERVICE_UNAVAILABLE), never a 500: a Postgres fast restart terminates every session
// (57P01) and refuses new ones while it starts (57P03); the pool then reconnects by itself.

/** Postgres SQLSTATE classes 08 (connection exception) and 57P (operator intervention). */
const postgresStates = /^(08\d{3}|57P0[1-3])$/;
/** Socket and driver codes of node-postgres, the mariadb driver and Node's net module. */
const socketCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ER_SOCKET_UNEXPECTED_CLOSE",
  "ER_CONNECTION_ALREADY_CLOSED",
  "ER_GET_CONNECTION_TIMEOUT",
  "ER_CLOSING_POOL",
]);
/** What node-postgres says when the server closes a connection under a query (or a COMMIT). */
const droppedMessages =
  /Connection terminated|terminating connection|not queryable|the database system is (starting up|shutting down)/i;

function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** True when `error` (a Sequelize error or a driver error) says the database cannot be reached now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof ConnectionError) return true;
  const original = error instanceof DatabaseError ? error.original : error;
  const code = codeOf(original);
  if (code !== undefined && (postgresStates.test(code) || socketCodes.has(code))) return true;
  return original instanceof Error && droppedMessages.test(original.message);
}
