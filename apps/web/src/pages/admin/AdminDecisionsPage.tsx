import { useQuery } from "@tanstack/react-query";
import { DecisionView } from "../../components/decisions/DecisionView.tsx";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Button } from "../../components/ui/button.tsx";
import { Card } from "../../components/ui/card.tsx";
import { TextField } from "../../components/ui/field.tsx";
import { Page } from "../../components/ui/page.tsx";
import { SkeletonDetail } from "../../components/ui/skeleton.tsx";
import { useForm } from "../../lib/form/use-form.ts";
import { decisionLookupSchema } from "../../lib/schemas.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { isRetryable } from "../../lib/use-retry.ts";
import { navigate } from "../../lib/use-route.ts";
import { AdminNav } from "./AdminNav.tsx";

const fields = { callId: { label: "Cerbos call id", missing: "Enter a call id." } };

/**
 * Admins look a decision up by its Cerbos call id (the "reference for support" of a denial): the
 * API reads it from the PDPs' own audit trail. The call id is in the URL.
 */
export function AdminDecisionsPage({ callId }: { callId: string }) {
  const trpc = useTRPC();
  const form = useForm({ id: "decision", schema: decisionLookupSchema, fields, initial: { callId } });
  const decision = useQuery({ ...trpc.decisions.lookup.queryOptions({ callId }), enabled: callId !== "" });
  return (
    <Page title="Decisions" subtitle="Admin console: a decision of the access policy, looked up by its call id.">
      <AdminNav current="decisions" />
      <Card aria-label="Look up a decision">
        <form
          className="flex flex-wrap items-end gap-3"
          noValidate
          onSubmit={form.submit((input) => navigate({ name: "adminDecisions", callId: input.callId }))}
        >
          <TextField
            id={form.fieldId("callId")}
            name="callId"
            label={fields.callId.label}
            required
            className="min-w-0 flex-1 basis-72"
            hint="The reference a denial shows, e.g. 01M8SW7HJ2QZPX6ZBSXYZZ8ZX6."
            value={form.values.callId}
            error={form.error("callId")}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => form.set("callId", event.target.value)}
            onBlur={() => form.blur("callId")}
          />
          <Button type="submit" variant="primary">
            Look up
          </Button>
        </form>
      </Card>
      {callId === "" ? null : decision.data ? (
        <DecisionView decision={decision.data} />
      ) : decision.error ? (
        <ErrorState
          error={decision.error}
          onRetry={isRetryable(decision.error) ? () => decision.refetch() : undefined}
          retrying={decision.isFetching}
        />
      ) : (
        <SkeletonDetail label="Looking the decision up…" />
      )}
    </Page>
  );
}
