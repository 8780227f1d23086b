import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

/** Billing details as organizations.billing returns them; shown only when the API hands them out. */
export function BillingPanel({ organizationId }: { organizationId: number }) {
  const trpc = useTRPC();
  const billing = useQuery(trpc.organizations.billing.queryOptions({ organizationId }));
  if (billing.isPending) return null;
  if (billing.error) return <ErrorMessage error={billing.error} />;
  return (
    <section className="card" aria-labelledby="billing-heading">
      <h2 id="billing-heading">Billing details</h2>
      <dl>
        <dt>Billing address</dt>
        <dd data-testid="billing-address">{billing.data.billingAddress}</dd>
      </dl>
    </section>
  );
}
