import { type ReactNode, useEffect } from "react";
import { cx } from "../../lib/cx.ts";
import { takePendingHeadingFocus } from "../../lib/focus.ts";

export const appName = "Contacts directory";

/** Sets the tab's title for the current page: "Nick Smyth · Contacts directory". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title]);
}

interface Props {
  /** The document title; the heading too unless `heading` is given. */
  title: string;
  heading?: ReactNode;
  /** A line under the heading (role, counts). */
  subtitle?: ReactNode;
  /** "← Back to contacts" above the heading. */
  back?: { href: string; label: string };
  actions?: ReactNode;
  width?: "wide" | "narrow";
  children: ReactNode;
}

/**
 * One page: title, heading (focusable, so navigation can move focus to it), actions, content.
 * The heading renders at once, before the page's data, so focus has somewhere to land.
 */
export function Page({ title, heading, subtitle, back, actions, width = "wide", children }: Props) {
  usePageTitle(title);
  return (
    <div
      className={cx(
        "mx-auto flex w-full flex-col gap-4 px-4 py-5 sm:px-6",
        width === "wide" ? "max-w-6xl" : "max-w-2xl",
      )}
    >
      {back && (
        <a href={back.href} className="w-fit text-sm font-medium">
          <span aria-hidden="true">← </span>
          {back.label}
        </a>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <h1 tabIndex={-1} ref={takePendingHeadingFocus} className="text-2xl font-semibold break-words">
            {heading ?? title}
          </h1>
          {subtitle && <div className="mt-1 text-slate-600">{subtitle}</div>}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
