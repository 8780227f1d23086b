import { useEffect } from "react";
import { useForm } from "../../lib/form/use-form.ts";
import { maxLengthOf, noteFormSchema } from "../../lib/schemas.ts";
import { ErrorMessage } from "../ErrorMessage.tsx";
import { Button } from "../ui/button.tsx";
import { SelectField, TextAreaField } from "../ui/field.tsx";
import { type NoteVisibility, visibilities, visibilityWords } from "./visibility.ts";

export interface NoteValues {
  body: string;
  visibility: NoteVisibility;
}

interface Props {
  id: string;
  initial: NoteValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: NoteValues) => void;
  onCancel?: () => void;
  /** Bumped by the parent after a successful add, to empty the form. */
  resetKey?: number;
}

const fields = {
  body: { label: "Note", missing: "Write something first." },
  visibility: { label: "Who can read it" },
};
const bodyMax = maxLengthOf(noteFormSchema.shape.body);

/** Body and visibility of a note, for adding one and for editing one. */
export function NoteForm({ id, initial, submitLabel, pending, error, onSubmit, onCancel, resetKey }: Props) {
  const form = useForm({ id, schema: noteFormSchema, fields, initial });
  const { showServerErrors, reset } = form;
  useEffect(() => {
    if (error) showServerErrors(error);
  }, [error, showServerErrors]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the parent asks for a reset
  useEffect(() => {
    if (resetKey) reset();
  }, [resetKey]);
  return (
    <form noValidate aria-label={submitLabel} className="flex flex-col gap-3" onSubmit={form.submit(onSubmit)}>
      <TextAreaField
        id={form.fieldId("body")}
        label={fields.body.label}
        required
        maxLength={bodyMax}
        value={form.values.body}
        error={form.error("body")}
        onChange={(e) => form.set("body", e.target.value)}
        onBlur={() => form.blur("body")}
      />
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          id={form.fieldId("visibility")}
          label={fields.visibility.label}
          className="w-full sm:w-72"
          value={form.values.visibility}
          onChange={(e) => form.set("visibility", e.target.value as NoteVisibility)}
        >
          {visibilities.map((v) => (
            <option key={v} value={v}>
              {visibilityWords[v].label}: {visibilityWords[v].who.toLowerCase()}
            </option>
          ))}
        </SelectField>
        <div className="flex gap-2">
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Saving…" : submitLabel}
          </Button>
          {onCancel && <Button onClick={onCancel}>Cancel</Button>}
        </div>
      </div>
      {error !== null && error !== undefined && !form.error("body") && <ErrorMessage error={error} />}
    </form>
  );
}
