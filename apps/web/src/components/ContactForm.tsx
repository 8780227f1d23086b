import { fieldErrorsOf } from "@repo/client";
import { type FormEvent, useState } from "react";
import type { ContactDraft } from "../lib/contact-draft.ts";
import { useCompanies } from "../lib/use-pickers.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { FieldError } from "./FieldError.tsx";
import { LabelledSelect } from "./LabelledSelect.tsx";
import { TagPicker } from "./TagPicker.tsx";

interface Props {
  organizationId: number;
  initial: ContactDraft;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (draft: ContactDraft) => void;
}

/** Create and edit share this form; validation is the API's (its zod issues show next to fields). */
export function ContactForm({ organizationId, initial, submitLabel, pending, error, onSubmit }: Props) {
  const [draft, setDraft] = useState(initial);
  const companies = useCompanies(organizationId);
  const fieldErrors = fieldErrorsOf(error);
  const set = (change: Partial<ContactDraft>) => setDraft((current) => ({ ...current, ...change }));
  const describedBy = (field: string) => (fieldErrors[field] ? `${field}-error` : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-label="Contact">
      <label>
        First name
        <input
          name="firstName"
          value={draft.firstName}
          aria-invalid={fieldErrors.firstName ? true : undefined}
          aria-describedby={describedBy("firstName")}
          onChange={(e) => set({ firstName: e.target.value })}
        />
        <FieldError id="firstName-error" message={fieldErrors.firstName} />
      </label>
      <label>
        Last name
        <input
          name="lastName"
          value={draft.lastName}
          aria-invalid={fieldErrors.lastName ? true : undefined}
          aria-describedby={describedBy("lastName")}
          onChange={(e) => set({ lastName: e.target.value })}
        />
        <FieldError id="lastName-error" message={fieldErrors.lastName} />
      </label>
      <LabelledSelect
        label="Company"
        name="companyId"
        value={draft.companyId ?? ""}
        aria-describedby={describedBy("companyId")}
        onChange={(e) => set({ companyId: e.target.value ? Number(e.target.value) : null })}
      >
        <option value="">No company</option>
        {companies.map((company) => (
          <option key={company.id} value={company.id}>
            {company.name}
          </option>
        ))}
      </LabelledSelect>
      <FieldError id="companyId-error" message={fieldErrors.companyId} />
      <label className="check">
        <input type="checkbox" checked={draft.isActive} onChange={(e) => set({ isActive: e.target.checked })} />
        Active
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.marketingOptIn}
          onChange={(e) => set({ marketingOptIn: e.target.checked })}
        />
        Opted in to marketing
      </label>
      <TagPicker selected={draft.tags} onChange={(tags) => set({ tags })} error={fieldErrors.tags} />
      {error !== null && error !== undefined && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        <a href="#/contacts" className="button">
          Cancel
        </a>
      </div>
    </form>
  );
}
