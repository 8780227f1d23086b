import { useSyncExternalStore } from "react";

/** Whether a media query matches now; re-renders when it starts or stops matching. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

/** Tables from 768 px up; below that, lists of cards (a phone held upright is 360–430 px). */
export const wideQuery = "(min-width: 48rem)";
