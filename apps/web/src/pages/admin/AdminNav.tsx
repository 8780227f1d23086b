import { cx } from "../../lib/cx.ts";

const tabs = [
  { href: "#/admin/users", label: "Users", key: "users" },
  { href: "#/admin/organizations", label: "Organizations", key: "organizations" },
  { href: "#/admin/decisions", label: "Decisions", key: "decisions" },
] as const;

/** The admin console's sections. */
export function AdminNav({ current }: { current: (typeof tabs)[number]["key"] }) {
  return (
    <nav aria-label="Admin console" className="border-b border-slate-200">
      <ul className="-mb-px flex gap-1">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <a
              href={tab.href}
              aria-current={tab.key === current ? "page" : undefined}
              className={cx(
                "block border-b-2 px-3 py-2 font-medium no-underline",
                tab.key === current
                  ? "border-blue-700 text-blue-800"
                  : "border-transparent text-slate-700 hover:border-slate-300",
              )}
            >
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
