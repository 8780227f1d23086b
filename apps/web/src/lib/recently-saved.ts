import { useEffect, useState } from "react";

// The contact the user just saved or created: its row is highlighted when the list shows it.
let saved: { id: number; at: number } | null = null;
const highlightMs = 5000;

export function markSaved(id: number): void {
  saved = { id, at: Date.now() };
}

/** The id of the contact saved in the last few seconds, or null (re-renders when that runs out). */
export function useRecentlySaved(): number | null {
  const fresh = saved && Date.now() - saved.at < highlightMs ? saved : null;
  const [, expire] = useState(0);
  useEffect(() => {
    if (!fresh) return;
    const timer = setTimeout(() => expire((n) => n + 1), highlightMs - (Date.now() - fresh.at));
    return () => clearTimeout(timer);
  }, [fresh]);
  return fresh?.id ?? null;
}
