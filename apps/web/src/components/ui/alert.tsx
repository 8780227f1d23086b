import type { ReactNode } from "react";
import { cx } from "../../lib/cx.ts";

export type AlertTone = "error" | "warning" | "info" | "success";

const tones: Record<AlertTone, string> = {
  error: "border-red-300 bg-red-50 text-red-950",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
  info: "border-blue-200 bg-blue-50 text-blue-950",
  success: "border-green-300 bg-green-50 text-green-950",
};

interface Props {
  tone?: AlertTone;
  title: ReactNode;
  children?: ReactNode;
  /** Errors interrupt (role=alert); the rest are announced politely (role=status). */
  live?: boolean;
  className?: string;
  testId?: string;
}

export function Alert({ tone = "info", title, children, live = true, className, testId }: Props) {
  const role = live ? (tone === "error" ? "alert" : "status") : undefined;
  return (
    <div role={role} data-testid={testId} className={cx("rounded-lg border px-4 py-3", tones[tone], className)}>
      <p className="font-semibold">{title}</p>
      {children && <div className="mt-1 text-sm [&_p+p]:mt-1">{children}</div>}
    </div>
  );
}
