import { useEffect, useRef, useState } from "react";
import { useDebounced } from "../../lib/use-debounced.ts";

interface Props {
  id: string;
  /** The search in the URL. */
  value: string;
  /** Called once typing pauses, with the new search. */
  onSearch: (value: string) => void;
}

/** The search field: typing is local; the URL (and so the request) follows once typing pauses. */
export function SearchBox({ id, value, onSearch }: Props) {
  const [draft, setDraft] = useState(value);
  const settled = useDebounced(draft, 300);
  const written = useRef(value);

  // Back/forward changed the URL's search: show it.
  useEffect(() => {
    if (value !== written.current) {
      written.current = value;
      setDraft(value);
    }
  }, [value]);

  useEffect(() => {
    if (settled !== written.current) {
      written.current = settled;
      onSearch(settled);
    }
  }, [settled, onSearch]);

  return (
    <div className="col-span-2 flex min-w-0 flex-col gap-1 md:col-span-3 lg:col-span-1">
      <label htmlFor={id} className="font-medium">
        Search
      </label>
      <input
        id={id}
        type="search"
        className="input"
        placeholder="First or last name"
        maxLength={100}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
    </div>
  );
}
