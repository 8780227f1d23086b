import { type ComponentProps, forwardRef } from "react";
import { cx } from "../../lib/cx.ts";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md";

const base =
  "inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-lg border font-medium no-underline " +
  "transition-[color,background-color,border-color] disabled:cursor-not-allowed disabled:opacity-60";
const variants: Record<ButtonVariant, string> = {
  primary: "border-blue-700 bg-blue-700 text-white hover:bg-blue-800",
  secondary: "border-slate-300 bg-white text-slate-900 hover:bg-slate-100",
  danger: "border-red-700 bg-white text-red-800 hover:bg-red-50",
  ghost: "border-transparent bg-transparent text-slate-800 hover:bg-slate-100",
};
const sizes: Record<ButtonSize, string> = {
  sm: "min-h-8 px-2.5 text-sm",
  md: "min-h-10 px-4",
};

export interface ButtonStyle {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

export function buttonClass({ variant = "secondary", size = "md" }: ButtonStyle, className?: string): string {
  return cx(base, variants[variant], sizes[size], className);
}

type ButtonProps = ComponentProps<"button"> & ButtonStyle;

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant, size, className, type = "button", ...props },
  ref,
) {
  return <button ref={ref} type={type} className={buttonClass({ variant, size }, className)} {...props} />;
});

type LinkProps = ComponentProps<"a"> & ButtonStyle;

/** A link that looks like a button: navigation stays a link (new tab, copy address, history). */
export function ButtonLink({ variant, size, className, ...props }: LinkProps) {
  return <a className={buttonClass({ variant, size }, className)} {...props} />;
}
