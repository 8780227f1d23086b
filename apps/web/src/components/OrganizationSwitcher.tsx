import { useId } from "react";
import { selectOrganization } from "../lib/session.ts";
import { useCurrentOrganization } from "../lib/use-organization.ts";

/** A select of the user's organizations; just the name when they belong to one. */
export function OrganizationSwitcher() {
  const id = useId();
  const { organizations, current } = useCurrentOrganization();
  if (!current) return null;
  if (organizations.length === 1) return <span className="org-name">{current.name}</span>;
  return (
    <div className="inline">
      <label htmlFor={id}>Organization</label>
      <select id={id} value={current.id} onChange={(event) => selectOrganization(Number(event.target.value))}>
        {organizations.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
    </div>
  );
}
