import { useId } from "react";
import { contactsHome } from "../../lib/route.ts";
import { selectOrganization } from "../../lib/session.ts";
import { useCurrentOrganization } from "../../lib/use-organization.ts";
import { navigate, useRoute } from "../../lib/use-route.ts";

/** A select of the user's organizations; just the name when they belong to one. */
export function OrganizationSwitcher({ className }: { className?: string }) {
  const id = useId();
  const route = useRoute();
  const { organizations, current } = useCurrentOrganization();
  if (!current) return null;
  if (organizations.length === 1) {
    // In the phone menu (a className is given) the name needs its label; in the header bar it reads alone.
    return className ? (
      <div className={className}>
        <span className="text-sm font-medium text-slate-700">Organization</span>
        <span className="font-medium">{current.name}</span>
      </div>
    ) : (
      <span className="truncate font-medium text-slate-700">{current.name}</span>
    );
  }
  const change = (organizationId: number) => {
    selectOrganization(organizationId);
    // A company filter of the previous organization means nothing in the next one.
    if (route.name === "contacts") navigate(contactsHome, { replace: true });
  };
  return (
    <div className={className ?? "flex items-center gap-2"}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        Organization
      </label>
      <select
        id={id}
        className="input w-auto min-h-9 py-1"
        value={current.id}
        onChange={(e) => change(Number(e.target.value))}
      >
        {organizations.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
    </div>
  );
}
