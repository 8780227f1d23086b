import { type ContactListState, pageCount, pageSize } from "../../lib/contact-list-state.ts";
import { Button } from "../ui/button.tsx";

interface Props {
  total: number;
  state: ContactListState;
  onChange: (state: ContactListState) => void;
}

export function Pagination({ total, state, onChange }: Props) {
  const pages = pageCount(total);
  const first = total === 0 ? 0 : state.page * pageSize + 1;
  const last = Math.min(total, (state.page + 1) * pageSize);
  const goTo = (page: number) => onChange({ ...state, page });
  return (
    <nav className="flex items-center justify-between gap-2" aria-label="Pagination">
      <Button size="sm" onClick={() => goTo(state.page - 1)} disabled={state.page === 0} aria-label="Previous page">
        <span aria-hidden="true">←</span> Previous
      </Button>
      <span className="text-center text-sm text-slate-700">
        {first}–{last} of {total} · page {state.page + 1} of {pages}
      </span>
      <Button size="sm" onClick={() => goTo(state.page + 1)} disabled={state.page + 1 >= pages} aria-label="Next page">
        Next <span aria-hidden="true">→</span>
      </Button>
    </nav>
  );
}
