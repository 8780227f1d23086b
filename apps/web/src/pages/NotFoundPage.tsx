import { ButtonLink } from "../components/ui/button.tsx";
import { Card } from "../components/ui/card.tsx";
import { Page } from "../components/ui/page.tsx";
import { contactsHome, hrefFor } from "../lib/route.ts";

export function NotFoundPage({ path }: { path: string }) {
  return (
    <Page title="Page not found" width="narrow">
      <Card>
        <p>
          Nothing lives at <code className="break-all">{path}</code>.
        </p>
        <div className="mt-4 flex flex-wrap gap-2">
          <ButtonLink variant="primary" href={hrefFor(contactsHome)}>
            Go to contacts
          </ButtonLink>
          <button
            type="button"
            className="px-2 font-medium text-blue-700 underline"
            onClick={() => window.history.back()}
          >
            Go back
          </button>
        </div>
      </Card>
    </Page>
  );
}
