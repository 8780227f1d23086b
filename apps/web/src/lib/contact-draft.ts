import type { FieldWords } from "./form/messages.ts";

/** The contact form's values, in the shape create and update take (lib/schemas.ts validates them). */
export interface ContactDraft {
  firstName: string;
  lastName: string;
  companyId: number | null;
  isActive: boolean;
  marketingOptIn: boolean;
  tags: string[];
}

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
