/** The contact form's values, in the shape create and update take. */
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

export function toggleTag(tags: string[], tag: string, on: boolean): string[] {
  const rest = tags.filter((t) => t !== tag);
  return on ? [...rest, tag] : rest;
}
