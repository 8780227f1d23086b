import { useSyncExternalStore } from "react";
import { hrefFor, parseHash, type Route } from "./route.ts";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

const currentHash = () => window.location.hash;

/** The current page; re-renders on every hash change. */
export function useRoute(): Route {
  return parseHash(useSyncExternalStore(subscribe, currentHash));
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}
