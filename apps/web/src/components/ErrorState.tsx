import { contactsHome, hrefFor } from "../lib/route.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Button, ButtonLink } from "./ui/button.tsx";

interface Props {
  error: unknown;
  /** Asks again (a query's refetch); absent when trying again cannot help. */
  onRetry?: () => void;
  retrying?: boolean;
}

/** A page that failed to load: what happened, and two ways on: try again, or go back. */
export function ErrorState({ error, onRetry, retrying }: Props) {
  const canGoBack = window.history.length > 1;
  return (
    <div className="flex flex-col gap-3" data-testid="error-state">
      <ErrorMessage error={error} />
      <div className="flex flex-wrap gap-2">
        {onRetry && (
          <Button variant="primary" onClick={onRetry} disabled={retrying}>
            {retrying ? "Trying again…" : "Try again"}
          </Button>
        )}
        {canGoBack ? (
          <Button onClick={() => window.history.back()}>Go back</Button>
        ) : (
          <ButtonLink href={hrefFor(contactsHome)}>Go to contacts</ButtonLink>
        )}
      </div>
    </div>
  );
}
