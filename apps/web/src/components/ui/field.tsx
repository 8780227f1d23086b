import type { ComponentProps, ReactNode } from "react";
import { cx } from "../../lib/cx.ts";

/** What a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  required: boolean | undefined;
}

interface FieldProps {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** Label (with a required marker), the control, a hint and the error, tied together by ids. */
export function Field({ id, label, required, hint, error, className, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("flex min-w-0 flex-col gap-1", className)}>
      <label htmlFor={id} className="font-medium">
        {label}
        {required && (
          <span aria-hidden="true" className="ml-0.5 text-red-700">
            *
          </span>
        )}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, required })}
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

export function FieldError({ id, message }: { id: string | undefined; message: string | undefined }) {
  if (!message || !id) return null;
  return (
    <p id={id} className="flex items-start gap-1 text-sm font-medium text-red-800">
      <span aria-hidden="true">⚠</span>
      {message}
    </p>
  );
}

type InputProps = Omit<ComponentProps<"input">, "id"> & Omit<FieldProps, "children">;

export function TextField({ id, label, required, hint, error, className, ...input }: InputProps) {
  return (
    <Field id={id} label={label} required={required} hint={hint} error={error} className={className}>
      {(control) => <input className="input" {...input} {...control} />}
    </Field>
  );
}

type TextAreaProps = Omit<ComponentProps<"textarea">, "id"> & Omit<FieldProps, "children">;

export function TextAreaField({ id, label, required, hint, error, className, ...textarea }: TextAreaProps) {
  return (
    <Field id={id} label={label} required={required} hint={hint} error={error} className={className}>
      {(control) => <textarea className="input min-h-24 resize-y" {...textarea} {...control} />}
    </Field>
  );
}

type SelectProps = Omit<ComponentProps<"select">, "id"> & Omit<FieldProps, "children">;

export function SelectField({ id, label, required, hint, error, className, children, ...select }: SelectProps) {
  return (
    <Field id={id} label={label} required={required} hint={hint} error={error} className={className}>
      {(control) => (
        <select className="input" {...select} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}

type CheckboxProps = Omit<ComponentProps<"input">, "type" | "children"> & { label: ReactNode };

export function Checkbox({ label, className, ...input }: CheckboxProps) {
  return (
    <label className={cx("inline-flex min-h-8 cursor-pointer items-center gap-2", className)}>
      <input type="checkbox" className="size-4 accent-blue-700" {...input} />
      <span>{label}</span>
    </label>
  );
}

/** The line every form with required fields starts with. */
export function RequiredNote() {
  return (
    <p className="text-sm text-slate-600">
      Fields marked <span className="text-red-700">*</span> are required.
    </p>
  );
}
