import { describeError, type ErrorDescription } from "../lib/errors.ts";
import { Alert } from "./ui/alert.tsx";

/** An error in words, announced to screen readers; a denial's Cerbos call id is a small reference. */
export function ErrorMessage({ error, description }: { error: unknown; description?: ErrorDescription }) {
  const { title, detail, reference } = description ?? describeError(error);
  return (
    <Alert tone="error" title={title}>
      <p>{detail}</p>
      {reference && (
        <p className="text-xs text-red-900">
          Reference for support (Cerbos call id): <code className="break-all">{reference}</code>
        </p>
      )}
    </Alert>
  );
}
