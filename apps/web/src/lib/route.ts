/** The app's pages, addressed by the URL hash so any static server (or the API) can serve them. */
export type Route =
  | { name: "signIn" }
  | { name: "contacts" }
  | { name: "newContact" }
  | { name: "editContact"; id: number }
  | { name: "organization" }
  | { name: "notFound"; path: string };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  if (path === "/" || path === "/contacts") return { name: "contacts" };
  if (path === "/sign-in") return { name: "signIn" };
  if (path === "/contacts/new") return { name: "newContact" };
  if (path === "/organization") return { name: "organization" };
  const edit = /^\/contacts\/(\d+)\/edit$/.exec(path);
  if (edit?.[1]) return { name: "editContact", id: Number(edit[1]) };
  return { name: "notFound", path };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case "signIn":
      return "#/sign-in";
    case "contacts":
      return "#/contacts";
    case "newContact":
      return "#/contacts/new";
    case "editContact":
      return `#/contacts/${route.id}/edit`;
    case "organization":
      return "#/organization";
    case "notFound":
      return `#${route.path}`;
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}
