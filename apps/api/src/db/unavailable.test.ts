import { ConnectionRefusedError, DatabaseError, UniqueConstraintError } from "sequelize";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable.ts";

const driverError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
const wrapped = (original: Error) => new DatabaseError(Object.assign(original, { sql: "SELECT 1" }));

describe("isDatabaseUnavailable", () => {
  it("is true for a database that is down, restarting or unreachable", () => {
    expect(isDatabaseUnavailable(new ConnectionRefusedError(driverError("connect ECONNREFUSED", "ECONNREFUSED")))).toBe(
      true,
    );
    // Postgres fast shutdown terminates sessions (57P01), then refuses while starting (57P03).
    expect(
      isDatabaseUnavailable(wrapped(driverError("terminating connection due to administrator command", "57P01"))),
    ).toBe(true);
    expect(isDatabaseUnavailable(wrapped(driverError("the database system is starting up", "57P03")))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(driverError("Connection terminated unexpectedly")))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(driverError("socket closed", "ER_SOCKET_UNEXPECTED_CLOSE")))).toBe(true);
  });

  it("is false for errors of the query or the data, which stay 500s or their own codes", () => {
    expect(isDatabaseUnavailable(wrapped(driverError('relation "nope" does not exist', "42P01")))).toBe(false);
    expect(isDatabaseUnavailable(new UniqueConstraintError({ message: "duplicate" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("something else"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
