import { cx } from "../../lib/cx.ts";
import { hrefFor } from "../../lib/route.ts";
import type { SessionUser } from "../../lib/session.ts";
import { lastContactsList, useRoute } from "../../lib/use-route.ts";
import { Button } from "../ui/button.tsx";
import { MobileMenu } from "./MobileMenu.tsx";
import { navItems } from "./nav-items.ts";
import { OrganizationSwitcher } from "./OrganizationSwitcher.tsx";
import { useSignOut } from "./use-sign-out.ts";

/**
 * One line at every width: from 1024 px the navigation, organization, user and sign-out sit in
 * the bar; below that they move into a menu behind one button.
 */
export function AppHeader({ user }: { user: SessionUser }) {
  const route = useRoute();
  const { signOut, pending } = useSignOut();
  const items = navItems(user, hrefFor(lastContactsList()));
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4 sm:px-6">
        <a href={items[0]?.href} className="shrink-0 text-lg font-bold text-slate-900 no-underline">
          Contacts<span className="text-blue-700">.</span>
        </a>
        <nav aria-label="Main" className="hidden lg:block">
          <ul className="flex items-center gap-1">
            {items.map((item) => {
              const current = item.routes.includes(route.name);
              return (
                <li key={item.label}>
                  <a
                    href={item.href}
                    aria-current={current ? "page" : undefined}
                    className={cx(
                      "rounded-md px-3 py-2 font-medium no-underline",
                      current ? "bg-blue-50 text-blue-800" : "text-slate-700 hover:bg-slate-100",
                    )}
                  >
                    {item.label}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="ml-auto hidden min-w-0 items-center gap-4 lg:flex">
          <OrganizationSwitcher />
          <span className="truncate text-sm text-slate-600" data-testid="signed-in-user">
            Signed in as <strong className="text-slate-900">{user.name}</strong>
          </span>
          <Button size="sm" onClick={signOut} disabled={pending}>
            Sign out
          </Button>
        </div>
        <div className="ml-auto lg:hidden">
          <MobileMenu user={user} items={items} currentRoute={route.name} onSignOut={signOut} />
        </div>
      </div>
    </header>
  );
}
