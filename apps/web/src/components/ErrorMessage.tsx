import { describeError, type ErrorDescription } from "../lib/errors.ts";
import { Reference } from "./Reference.tsx";
import { Alert } from "./ui/alert.tsx";

/**
 * An error in words, announced to screen readers. A denial lists the access policy's reasons
 * and keeps its Cerbos call id as a small reference.
 */
export function ErrorMessage({ error, description }: { error: unknown; description?: ErrorDescription }) {
  const { title, detail, reasons, reference } = description ?? describeError(error);
  return (
    <Alert tone="error" title={title}>
      {reasons && reasons.length > 1 ? (
        <ul className="list-disc pl-5" data-testid="denial-reasons">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : (
        <p data-testid={reasons ? "denial-reasons" : undefined}>{detail}</p>
      )}
      {reference && <Reference callId={reference} className="text-xs text-red-900" />}
    </Alert>
  );
}
