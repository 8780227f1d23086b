import { type ContactListState, initialListState } from "./contact-list-state.ts";
import { listStateFromParams, listStateToParams } from "./contact-list-url.ts";

/** The app's pages, addressed by the URL hash so any static server (or the API) can serve them. */
export type Route =
  | { name: "signIn" }
  | { name: "contacts"; list: ContactListState }
  | { name: "newContact" }
  | { name: "contact"; id: number }
  | { name: "editContact"; id: number }
  | { name: "organization" }
  | { name: "adminUsers" }
  | { name: "adminOrganizations" }
  | { name: "adminOrganization"; id: number }
  | { name: "adminDecisions"; callId: string }
  | { name: "notFound"; path: string };

export type RouteName = Route["name"];

const withId: [RegExp, "contact" | "editContact" | "adminOrganization"][] = [
  [/^\/contacts\/(\d{1,9})$/, "contact"],
  [/^\/contacts\/(\d{1,9})\/edit$/, "editContact"],
  [/^\/admin\/organizations\/(\d{1,9})$/, "adminOrganization"],
];

const plain: Record<string, Route> = {
  "/sign-in": { name: "signIn" },
  "/contacts/new": { name: "newContact" },
  "/organization": { name: "organization" },
  "/admin": { name: "adminUsers" },
  "/admin/users": { name: "adminUsers" },
  "/admin/organizations": { name: "adminOrganizations" },
};

export function parseHash(hash: string): Route {
  const [rawPath = "", query = ""] = hash.replace(/^#/, "").split("?", 2);
  const path = rawPath || "/";
  if (path === "/" || path === "/contacts") {
    return { name: "contacts", list: listStateFromParams(new URLSearchParams(query)) };
  }
  if (path === "/admin/decisions") {
    return { name: "adminDecisions", callId: new URLSearchParams(query).get("callId")?.trim() ?? "" };
  }
  const known = plain[path];
  if (known) return known;
  for (const [pattern, name] of withId) {
    const match = pattern.exec(path);
    if (match?.[1]) return { name, id: Number(match[1]) };
  }
  return { name: "notFound", path };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case "signIn":
      return "#/sign-in";
    case "contacts": {
      const query = listStateToParams(route.list).toString();
      return query ? `#/contacts?${query}` : "#/contacts";
    }
    case "newContact":
      return "#/contacts/new";
    case "contact":
      return `#/contacts/${route.id}`;
    case "editContact":
      return `#/contacts/${route.id}/edit`;
    case "organization":
      return "#/organization";
    case "adminUsers":
      return "#/admin/users";
    case "adminOrganizations":
      return "#/admin/organizations";
    case "adminOrganization":
      return `#/admin/organizations/${route.id}`;
    case "adminDecisions":
      return route.callId ? `#/admin/decisions?callId=${encodeURIComponent(route.callId)}` : "#/admin/decisions";
    case "notFound":
      return `#${route.path}`;
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}

export const contactsHome: Route = { name: "contacts", list: initialListState };

/** Identifies a page regardless of its query: changing a filter is not navigating to a new page. */
export function pageKey(route: Route): string {
  return "id" in route ? `${route.name}:${route.id}` : route.name;
}
