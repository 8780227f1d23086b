import { companyKind } from "./companies/kind.ts";
import { contactKind } from "./contacts/kind.ts";
import { noteKind } from "./notes/kind.ts";
import { organizationKind } from "./organizations/kind.ts";
import { companiesRouter } from "./routers/companies.ts";
import { contactsRouter } from "./routers/contacts.ts";
import { notesRouter } from "./routers/notes.ts";
import { organizationsRouter } from "./routers/organizations.ts";
import { usersRouter } from "./routers/users.ts";
import { userKind } from "./users/kind.ts";

// THE registry: every resource kind of the API and the router that serves it. The models
// (db/models/index.ts), the Cerbos resource kind names, the start-up probe (authz/probe.ts) and
// the app router (router.ts) are all derived from these two lists. Adding a kind: README.md,
// "Add a resource kind".

/** Each kind: its Cerbos name, model, mapper, per-row flags, probe attributes (`<concept>/kind.ts`). */
export const kinds = {
  contact: contactKind,
  company: companyKind,
  organization: organizationKind,
  user: userKind,
  note: noteKind,
};

/** The procedures of the kinds, mounted under these names (`contacts.list`, …). */
export const kindRouters = {
  contacts: contactsRouter,
  companies: companiesRouter,
  organizations: organizationsRouter,
  users: usersRouter,
  notes: notesRouter,
};

/** The Cerbos resource kinds the API asks about (each needs policies/<name>.yaml). */
export const resourceKindNames = Object.values(kinds).map((kind) => kind.name);
