import type { z } from "zod";
import type { FieldWords } from "./form/messages.ts";
import type { contactFormSchema } from "./schemas.ts";

/** The contact form's values, in the shape create and update take. */
export type ContactDraft = z.input<typeof contactFormSchema>;

export const emptyDraft: ContactDraft = {
  firstName: "",
  lastName: "",
  companyId: null,
  isActive: true,
  marketingOptIn: false,
  tags: [],
};

export const contactFields: Record<keyof ContactDraft, FieldWords> = {
  firstName: { label: "First name", missing: "Enter a first name." },
  lastName: { label: "Last name", missing: "Enter a last name." },
  companyId: { label: "Company" },
  isActive: { label: "Active" },
  marketingOptIn: { label: "Marketing" },
  tags: { label: "Tags" },
};

export function toggleTag(tags: string[], tag: string, on: boolean): string[] {
  const rest = tags.filter((t) => t !== tag);
  return on ? [...rest, tag] : rest;
}
