export {
  findPostgresBinDir,
  PostgresUnavailableError,
  postgresRequired,
  startPostgres,
  type ThrowawayPostgres,
} from "./postgres.ts";
