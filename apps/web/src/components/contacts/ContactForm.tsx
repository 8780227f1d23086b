import { errorCode } from "@repo/client";
import { type ChangeEvent, useEffect } from "react";
import type { z } from "zod";
import { type ContactDraft, contactFields } from "../../lib/contact-draft.ts";
import { useForm } from "../../lib/form/use-form.ts";
import { contactFormSchema, maxLengthOf } from "../../lib/schemas.ts";
import { useCompanies } from "../../lib/use-pickers.ts";
import { ErrorMessage } from "../ErrorMessage.tsx";
import { Button, ButtonLink } from "../ui/button.tsx";
import { Card } from "../ui/card.tsx";
import { Checkbox, RequiredNote, SelectField, TextField } from "../ui/field.tsx";
import { TagPicker } from "./TagPicker.tsx";

type Output = z.output<typeof contactFormSchema>;

interface Props {
  organizationId: number;
  initial: ContactDraft;
  submitLabel: string;
  cancelHref: string;
  pending: boolean;
  /** The last save's error: field issues go next to their fields, the rest above the buttons. */
  error: unknown;
  onSubmit: (contact: Output) => void;
}

const nameMax = maxLengthOf(contactFormSchema.shape.firstName);

/** Create and edit share this form; it validates with the API's schema before sending anything. */
export function ContactForm({ organizationId, initial, submitLabel, cancelHref, pending, error, onSubmit }: Props) {
  const companies = useCompanies(organizationId);
  const form = useForm({ id: "contact", schema: contactFormSchema, fields: contactFields, initial });
  const { showServerErrors } = form;
  useEffect(() => {
    if (error) showServerErrors(error);
  }, [error, showServerErrors]);
  const text = (field: "firstName" | "lastName") => ({
    id: form.fieldId(field),
    name: field,
    label: contactFields[field].label,
    required: true,
    maxLength: nameMax,
    autoComplete: field === "firstName" ? "given-name" : "family-name",
    value: form.values[field],
    error: form.error(field),
    onChange: (e: ChangeEvent<HTMLInputElement>) => form.set(field, e.target.value),
    onBlur: () => form.blur(field),
  });
  // Field problems are shown at the fields; the alert is for everything else (denied, conflict, …).
  const showAlert =
    error !== null && error !== undefined && !(errorCode(error) === "BAD_REQUEST" && hasFieldIssue(form));

  return (
    <Card aria-label="Contact details">
      <form className="flex flex-col gap-5" onSubmit={form.submit(onSubmit)} noValidate>
        <RequiredNote />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...text("firstName")} />
          <TextField {...text("lastName")} />
        </div>
        <SelectField
          id={form.fieldId("companyId")}
          label="Company"
          hint="Only the companies of this organization that you may see."
          value={form.values.companyId ?? ""}
          error={form.error("companyId")}
          onChange={(e) => form.set("companyId", e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">No company</option>
          {companies.map((company) => (
            <option key={company.id} value={company.id}>
              {company.name}
            </option>
          ))}
        </SelectField>
        <div className="flex flex-col gap-1">
          <Checkbox
            label="Active"
            checked={form.values.isActive}
            onChange={(e) => form.set("isActive", e.target.checked)}
          />
          <Checkbox
            label="Opted in to marketing"
            checked={form.values.marketingOptIn}
            onChange={(e) => form.set("marketingOptIn", e.target.checked)}
          />
        </div>
        <TagPicker
          id={form.fieldId("tags")}
          selected={form.values.tags}
          onChange={(tags) => form.set("tags", tags)}
          error={form.error("tags")}
        />
        {showAlert && <ErrorMessage error={error} />}
        <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4">
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Saving…" : submitLabel}
          </Button>
          <ButtonLink href={cancelHref}>Cancel</ButtonLink>
        </div>
      </form>
    </Card>
  );
}

function hasFieldIssue(form: { error: (field: keyof ContactDraft) => string | undefined }): boolean {
  return (Object.keys(contactFields) as (keyof ContactDraft)[]).some((field) => form.error(field));
}
