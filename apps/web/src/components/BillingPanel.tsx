import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorState } from "./ErrorState.tsx";
import { Card } from "./ui/card.tsx";
import { Skeleton } from "./ui/skeleton.tsx";

/** Billing details as organizations.billing returns them; shown only when the API hands them out. */
export function BillingPanel({ organizationId }: { organizationId: number }) {
  const trpc = useTRPC();
  const billing = useQuery(trpc.organizations.billing.queryOptions({ organizationId }));
  return (
    <Card aria-labelledby="billing-heading">
      <h2 id="billing-heading" className="mb-2 text-lg font-semibold">
        Billing details
      </h2>
      {billing.error && <ErrorState error={billing.error} onRetry={() => billing.refetch()} />}
      {billing.isPending && <Skeleton className="h-5 w-64" />}
      {billing.data && (
        <dl className="flex flex-col gap-0.5">
          <dt className="text-sm text-slate-600">Billing address</dt>
          <dd data-testid="billing-address">{billing.data.billingAddress}</dd>
        </dl>
      )}
    </Card>
  );
}
