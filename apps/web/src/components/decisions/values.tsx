import type { ReactNode } from "react";
import { Badge } from "../ui/badge.tsx";

/** An attribute value as text: strings as they are, everything else as JSON. */
export function valueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Attributes as a definition list (principal or resource). */
export function Attributes({ attr }: { attr: Record<string, unknown> }) {
  const entries = Object.entries(attr);
  if (entries.length === 0) return <p className="text-sm text-slate-600">No attributes.</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {entries.map(([key, value]) => (
        <Pair key={key} label={key}>
          <code className="break-all">{valueText(value)}</code>
        </Pair>
      ))}
    </dl>
  );
}

export function Pair({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

export function EffectBadge({ effect }: { effect: string }) {
  return effect === "EFFECT_ALLOW" ? <Badge tone="green">Allowed</Badge> : <Badge tone="red">Denied</Badge>;
}
