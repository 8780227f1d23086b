import { mariadbSuiteRuns, openMariadb, openPostgres, openSqlite, postgresSuiteRuns } from "./databases.ts";
import { describeDifferentialSuite } from "./differential-suite.ts";

describeDifferentialSuite([
  { label: "SQLite", open: openSqlite, runs: true },
  { label: "PostgreSQL", open: openPostgres, runs: postgresSuiteRuns() },
  { label: "MariaDB", open: openMariadb, runs: mariadbSuiteRuns() },
]);
