import { type ContactListState, withFilter } from "../lib/contact-list-state.ts";
import { useCompanies, useTags } from "../lib/use-pickers.ts";
import { LabelledSelect } from "./LabelledSelect.tsx";

interface Props {
  organizationId: number;
  state: ContactListState;
  onChange: (state: ContactListState) => void;
}

const activeOptions = { any: undefined, active: true, inactive: false } as const;
type ActiveOption = keyof typeof activeOptions;

function activeOptionOf(isActive: boolean | undefined): ActiveOption {
  if (isActive === undefined) return "any";
  return isActive ? "active" : "inactive";
}

export function ContactFilters({ organizationId, state, onChange }: Props) {
  const companies = useCompanies(organizationId);
  const tags = useTags();
  return (
    <search className="filters" aria-label="Filter contacts">
      <label>
        Search
        <input
          type="search"
          placeholder="First or last name"
          value={state.search}
          onChange={(e) => onChange(withFilter(state, { search: e.target.value }))}
        />
      </label>
      <LabelledSelect
        label="Company"
        value={state.companyId ?? ""}
        onChange={(e) =>
          onChange(withFilter(state, { companyId: e.target.value ? Number(e.target.value) : undefined }))
        }
      >
        <option value="">All companies</option>
        {companies.map((company) => (
          <option key={company.id} value={company.id}>
            {company.name}
          </option>
        ))}
      </LabelledSelect>
      <LabelledSelect
        label="Status"
        value={activeOptionOf(state.isActive)}
        onChange={(e) => onChange(withFilter(state, { isActive: activeOptions[e.target.value as ActiveOption] }))}
      >
        <option value="any">Active and inactive</option>
        <option value="active">Active only</option>
        <option value="inactive">Inactive only</option>
      </LabelledSelect>
      <LabelledSelect
        label="Tag"
        value={state.tag ?? ""}
        onChange={(e) => onChange(withFilter(state, { tag: e.target.value || undefined }))}
      >
        <option value="">Any tag</option>
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </LabelledSelect>
    </search>
  );
}
