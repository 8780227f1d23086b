// The leak oracle: rows read with plain SQL (never through the API's models or mappers), turned
// into Cerbos principals and resources as policies/_schemas define them, and decided by the PDP
// with CheckResources, row by row. Used by the API's list tests and the reliability suite.
export { type ContactRow, contactResource, readContacts } from "./contacts.ts";
export { createOracle, type Oracle } from "./decide.ts";
export { readNotes } from "./notes.ts";
export { readPrincipal } from "./principal.ts";
export { readCompanies, readOrganizations } from "./tenancy.ts";
export type {
  CheckClient,
  JsonValue,
  OraclePrincipal,
  OracleResource,
  PrincipalInput,
  ResourceInput,
  SqlReader,
} from "./types.ts";
export { time } from "./values.ts";
