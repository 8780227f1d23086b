import { type ContactListState, type SortField, withSort } from "../lib/contact-list-state.ts";

interface Props {
  field: SortField;
  label: string;
  state: ContactListState;
  onChange: (state: ContactListState) => void;
}

/** A column header that sorts by its field; aria-sort tells assistive technology the order. */
export function SortHeader({ field, label, state, onChange }: Props) {
  const sorted = state.sortBy === field;
  const direction = state.sortDir === "asc" ? "ascending" : "descending";
  return (
    <th scope="col" aria-sort={sorted ? direction : "none"}>
      <button type="button" className="sort" onClick={() => onChange(withSort(state, field))}>
        {label}
        <span aria-hidden="true">{sorted ? (state.sortDir === "asc" ? " ▲" : " ▼") : " ↕"}</span>
      </button>
    </th>
  );
}
