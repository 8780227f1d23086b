import { type ContactListState, pageCount, pageSize } from "../lib/contact-list-state.ts";

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
    <nav className="pagination" aria-label="Pagination">
      <button type="button" onClick={() => goTo(state.page - 1)} disabled={state.page === 0}>
        Previous page
      </button>
      <span>
        {first}–{last} of {total} · page {state.page + 1} of {pages}
      </span>
      <button type="button" onClick={() => goTo(state.page + 1)} disabled={state.page + 1 >= pages}>
        Next page
      </button>
    </nav>
  );
}
