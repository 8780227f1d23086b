import type { RouteName } from "../../lib/route.ts";
import type { SessionUser } from "../../lib/session.ts";

export interface NavItem {
  href: string;
  label: string;
  /** The routes under this item (the item is marked current on them). */
  routes: RouteName[];
}

/** The main navigation; the admin console only for admins (the API decides what they may do in it). */
export function navItems(user: SessionUser, contactsHref: string): NavItem[] {
  const items: NavItem[] = [
    { href: contactsHref, label: "Contacts", routes: ["contacts", "contact", "editContact", "newContact"] },
    { href: "#/organization", label: "Organization", routes: ["organization"] },
  ];
  if (user.role === "admin") {
    items.push({
      href: "#/admin/users",
      label: "Admin",
      routes: ["adminUsers", "adminOrganizations", "adminOrganization", "adminDecisions"],
    });
  }
  return items;
}
