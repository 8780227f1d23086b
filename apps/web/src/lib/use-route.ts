import { useSyncExternalStore } from "react";
import { contactsHome, hrefFor, parseHash, type Route } from "./route.ts";

const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener("hashchange", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("hashchange", onChange);
  };
}

const currentHash = () => window.location.hash;

/** The current page; re-renders on every hash change (links, back/forward, navigate()). */
export function useRoute(): Route {
  return parseHash(useSyncExternalStore(subscribe, currentHash));
}

/**
 * Goes to a page. `replace` rewrites the current history entry instead of adding one: typing in
 * the search box should not leave one entry per keystroke for the back button.
 */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = hrefFor(route);
  if (href === window.location.hash) return;
  if (options.replace) {
    window.history.replaceState(window.history.state, "", href);
    for (const listener of listeners) listener();
  } else {
    window.location.hash = href;
  }
}

// The contacts list the user last looked at, with its filters: where "Back to contacts" returns.
let lastList: Route = contactsHome;

export function rememberContactsList(route: Route): void {
  if (route.name === "contacts") lastList = route;
}

export function lastContactsList(): Route {
  return lastList;
}
