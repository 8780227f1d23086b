import type { Resource } from "@cerbos/core";
import type { CompanyModel, ContactModel, OrganizationModel, UserModel } from "../db/models/index.ts";
import { type CerbosResource, toCerbosResource } from "./adapter.ts";
import { companyMapper, contactMapper, organizationMapper, resourceKinds, userMapper } from "./mappers.ts";

// @repo/authz types attribute values as unknown; they are the JSON values Cerbos accepts.
const asResource = (resource: CerbosResource): Resource => resource as Resource;

// Every single-resource check goes through the same mapper as the list filter.
export const contactResource = (contact: ContactModel): Resource =>
  asResource(toCerbosResource(contact, { kind: resourceKinds.contact, mapper: contactMapper }));

export const companyResource = (company: CompanyModel): Resource =>
  asResource(toCerbosResource(company, { kind: resourceKinds.company, mapper: companyMapper }));

export const organizationResource = (organization: OrganizationModel): Resource =>
  asResource(toCerbosResource(organization, { kind: resourceKinds.organization, mapper: organizationMapper }));

export const userResource = (user: UserModel): Resource =>
  asResource(toCerbosResource(user, { kind: resourceKinds.user, mapper: userMapper }));
