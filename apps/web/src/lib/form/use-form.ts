import { type FormEvent, useCallback, useMemo, useState } from "react";
import type { z } from "zod";
import { type FieldWords, fieldMessages, serverIssuesOf } from "./messages.ts";

export type FieldErrors<V> = Partial<Record<keyof V & string, string>>;

interface Options<V extends object, Out> {
  /** Prefix of the fields' element ids: `${id}-${field}`. */
  id: string;
  /** Any zod schema that accepts the form's values (the API's own input schemas fit). */
  schema: z.ZodType<Out>;
  fields: Record<keyof V & string, FieldWords>;
  initial: V;
}

export interface Form<V extends object, Out> {
  values: V;
  set: <K extends keyof V & string>(field: K, value: V[K]) => void;
  /** Marks a field as visited: its error shows from then on (after it was changed). */
  blur: (field: keyof V & string) => void;
  error: (field: keyof V & string) => string | undefined;
  fieldId: (field: keyof V & string) => string;
  /** The submit handler: shows every error and focuses the first invalid field, or calls onValid. */
  submit: (onValid: (data: Out) => void) => (event: FormEvent) => void;
  /** Back to the initial values (or the given ones) with no error showing: after a successful add. */
  reset: (values?: V) => void;
  /** Puts a BAD_REQUEST's zod issues next to their fields; true when at least one matched. */
  showServerErrors: (err: unknown) => boolean;
}

/**
 * Client-side validation with the same schema the API applies. Errors appear after the first
 * submit (or once a changed field loses focus), and clear as soon as the value becomes valid;
 * an error the server sent for a field clears when that field is edited.
 */
export function useForm<V extends object, Out>({ id, schema, fields, initial }: Options<V, Out>): Form<V, Out> {
  type F = keyof V & string;
  const [values, setValues] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [visited, setVisited] = useState<ReadonlySet<F>>(new Set());
  const [dirty, setDirty] = useState<ReadonlySet<F>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldErrors<V>>({});

  const parsed = useMemo(() => schema.safeParse(values), [schema, values]);
  const clientErrors: FieldErrors<V> = parsed.success ? {} : fieldMessages(parsed.error.issues, fields);
  const fieldId = useCallback((field: F) => `${id}-${field}`, [id]);
  // Stable, so a page can call it from an effect whenever a new server error arrives.
  const showServerErrors = useCallback(
    (err: unknown) => {
      const messages = fieldMessages(serverIssuesOf(err), fields);
      setServerErrors(messages);
      const first = (Object.keys(fields) as F[]).find((field) => messages[field]);
      if (first) document.getElementById(fieldId(first))?.focus();
      return first !== undefined;
    },
    [fields, fieldId],
  );

  return {
    values,
    fieldId,
    set: (field, value) => {
      setValues((current) => ({ ...current, [field]: value }));
      setDirty((current) => new Set(current).add(field));
      setServerErrors((current) => ({ ...current, [field]: undefined }));
    },
    blur: (field) => setVisited((current) => new Set(current).add(field)),
    error: (field) =>
      serverErrors[field] ?? (submitted || (visited.has(field) && dirty.has(field)) ? clientErrors[field] : undefined),
    submit: (onValid) => (event) => {
      event.preventDefault();
      setSubmitted(true);
      if (parsed.success) {
        onValid(parsed.data);
        return;
      }
      const first = (Object.keys(fields) as F[]).find((field) => clientErrors[field]);
      if (first) document.getElementById(fieldId(first))?.focus();
    },
    showServerErrors,
    reset: (next) => {
      setValues(next ?? initial);
      setSubmitted(false);
      setVisited(new Set());
      setDirty(new Set());
      setServerErrors({});
    },
  };
}
