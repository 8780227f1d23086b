import { type ContactListState, type SortField, withSort } from "../../lib/contact-list-state.ts";

interface Props {
  field: SortField;
  label: string;
  state: ContactListState;
  onChange: (state: ContactListState) => void;
}

/** A column header's button that sorts by its field (the column says aria-sort: see `ariaSortOf`). */
export function SortHeader({ field, label, state, onChange }: Props) {
  const sorted = state.sortBy === field;
  const arrow = sorted ? (state.sortDir === "asc" ? "▲" : "▼") : "↕";
  return (
    <button
      type="button"
      className="inline-flex items-center gap-1 rounded font-semibold hover:text-blue-800"
      onClick={() => onChange(withSort(state, field))}
    >
      {label}
      <span aria-hidden="true" className={sorted ? "text-blue-700" : "text-slate-500"}>
        {arrow}
      </span>
    </button>
  );
}

export function ariaSortOf(field: SortField, state: ContactListState): "ascending" | "descending" | "none" {
  if (state.sortBy !== field) return "none";
  return state.sortDir === "asc" ? "ascending" : "descending";
}
