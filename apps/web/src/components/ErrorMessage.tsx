import { describeError } from "../lib/errors.ts";

/** An error in words, announced to screen readers; shows the Cerbos call id of a denial. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { title, detail, reference } = describeError(error);
  return (
    <div className="alert" role="alert">
      <strong>{title}</strong>
      <p>{detail}</p>
      {reference && (
        <p className="muted">
          Decision reference (Cerbos call id): <code>{reference}</code>
        </p>
      )}
    </div>
  );
}
