import { type ContactListState, initialListState, type SortField, withFilter } from "../../lib/contact-list-state.ts";
import { useCompanies, useTags } from "../../lib/use-pickers.ts";
import { Button } from "../ui/button.tsx";
import { SelectField } from "../ui/field.tsx";
import { SearchBox } from "./SearchBox.tsx";

interface Props {
  organizationId: number;
  state: ContactListState;
  onChange: (state: ContactListState, options?: { replace?: boolean }) => void;
}

const statusValue = (isActive: boolean | undefined) =>
  isActive === undefined ? "any" : isActive ? "active" : "inactive";
const statusOf = (value: string) => (value === "active" ? true : value === "inactive" ? false : undefined);

const sorts: { value: `${SortField}:${"asc" | "desc"}`; label: string }[] = [
  { value: "lastName:asc", label: "Last name, A–Z" },
  { value: "lastName:desc", label: "Last name, Z–A" },
  { value: "firstName:asc", label: "First name, A–Z" },
  { value: "firstName:desc", label: "First name, Z–A" },
  { value: "company:asc", label: "Company, A–Z" },
  { value: "updatedAt:desc", label: "Recently updated" },
  { value: "createdAt:desc", label: "Recently added" },
  { value: "createdAt:asc", label: "Oldest first" },
];

export function ContactFilters({ organizationId, state, onChange }: Props) {
  const companies = useCompanies(organizationId);
  const tags = useTags();
  const filtered =
    state.search !== "" || state.companyId !== undefined || state.isActive !== undefined || state.tag !== undefined;
  const sortValue = `${state.sortBy}:${state.sortDir}`;
  return (
    <search
      aria-label="Filter contacts"
      className="grid grid-cols-2 items-end gap-3 md:grid-cols-3 lg:grid-cols-[minmax(10rem,1fr)_repeat(4,minmax(9.5rem,auto))_auto]"
    >
      <SearchBox
        id="filter-search"
        value={state.search}
        onSearch={(search) => onChange(withFilter(state, { search }), { replace: true })}
      />
      <SelectField
        id="filter-company"
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
      </SelectField>
      <SelectField
        id="filter-status"
        label="Status"
        value={statusValue(state.isActive)}
        onChange={(e) => onChange(withFilter(state, { isActive: statusOf(e.target.value) }))}
      >
        <option value="any">Any status</option>
        <option value="active">Active only</option>
        <option value="inactive">Inactive only</option>
      </SelectField>
      <SelectField
        id="filter-tag"
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
      </SelectField>
      <SelectField
        id="filter-sort"
        label="Sort by"
        value={sorts.some((s) => s.value === sortValue) ? sortValue : ""}
        onChange={(e) => {
          const [sortBy, sortDir] = e.target.value.split(":") as [SortField, "asc" | "desc"];
          onChange({ ...state, sortBy, sortDir, page: 0 });
        }}
      >
        {!sorts.some((s) => s.value === sortValue) && <option value="">Custom</option>}
        {sorts.map((sort) => (
          <option key={sort.value} value={sort.value}>
            {sort.label}
          </option>
        ))}
      </SelectField>
      <Button
        variant="ghost"
        className="justify-self-start"
        disabled={!filtered}
        onClick={() => onChange({ ...initialListState, sortBy: state.sortBy, sortDir: state.sortDir })}
      >
        Clear filters
      </Button>
    </search>
  );
}
