import type { Resource } from "@cerbos/core";
import type { CompanyModel, ContactModel, OrganizationModel } from "../db/models/index.ts";
import { toCerbosResource } from "./adapter.ts";
import { companyMapper, contactMapper, organizationMapper, resourceKinds } from "./mappers.ts";

// Every single-resource check goes through the same mapper as the list filter.
export const contactResource = (contact: ContactModel): Resource =>
  toCerbosResource(contact, { kind: resourceKinds.contact, mapper: contactMapper });

export const companyResource = (company: CompanyModel): Resource =>
  toCerbosResource(company, { kind: resourceKinds.company, mapper: companyMapper });

export const organizationResource = (organization: OrganizationModel): Resource =>
  toCerbosResource(organization, { kind: resourceKinds.organization, mapper: organizationMapper });
