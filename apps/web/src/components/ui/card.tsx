import type { ComponentProps } from "react";
import { cx } from "../../lib/cx.ts";

export function Card({ className, ...props }: ComponentProps<"section">) {
  return (
    <section className={cx("rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5", className)} {...props} />
  );
}
