import * as Dialog from "@radix-ui/react-dialog";
import { useRef, useState } from "react";
import { cx } from "../../lib/cx.ts";
import type { RouteName } from "../../lib/route.ts";
import type { SessionUser } from "../../lib/session.ts";
import { Button } from "../ui/button.tsx";
import type { NavItem } from "./nav-items.ts";
import { OrganizationSwitcher } from "./OrganizationSwitcher.tsx";

interface Props {
  user: SessionUser;
  items: NavItem[];
  currentRoute: RouteName;
  onSignOut: () => void;
}

/** The header's contents on a phone: a panel from the right with navigation, organization and user. */
export function MobileMenu({ user, items, currentRoute, onSignOut }: Props) {
  const [open, setOpen] = useState(false);
  // After following a link, focus belongs to the new page's heading, not back on the menu button.
  const followedLink = useRef(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button size="sm" aria-label="Open menu">
          <span aria-hidden="true" className="text-lg leading-none">
            ☰
          </span>
          Menu
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            if (followedLink.current) event.preventDefault();
            followedLink.current = false;
          }}
          className="fixed inset-y-0 right-0 z-50 flex w-[min(20rem,85vw)] flex-col gap-5 overflow-y-auto bg-white p-5 shadow-xl"
        >
          <div className="flex items-center justify-between">
            <Dialog.Title className="text-lg font-semibold">Menu</Dialog.Title>
            <Dialog.Close asChild>
              <Button size="sm" variant="ghost" aria-label="Close menu">
                ✕
              </Button>
            </Dialog.Close>
          </div>
          <nav aria-label="Main">
            <ul className="flex flex-col gap-1">
              {items.map((item) => {
                const current = item.routes.includes(currentRoute);
                return (
                  <li key={item.label}>
                    <a
                      href={item.href}
                      aria-current={current ? "page" : undefined}
                      onClick={() => {
                        followedLink.current = true;
                        setOpen(false);
                      }}
                      className={cx(
                        "block rounded-md px-3 py-2.5 font-medium no-underline",
                        current ? "bg-blue-50 text-blue-800" : "text-slate-800 hover:bg-slate-100",
                      )}
                    >
                      {item.label}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
          <OrganizationSwitcher className="flex flex-col gap-1" />
          <div className="mt-auto flex flex-col gap-3 border-t border-slate-200 pt-4">
            <p className="text-sm text-slate-600">
              Signed in as <strong className="text-slate-900">{user.name}</strong>
            </p>
            <Button onClick={onSignOut}>Sign out</Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
