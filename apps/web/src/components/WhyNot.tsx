import type { RouterInputs } from "@repo/client";
import { useQueries } from "@tanstack/react-query";
import { useId, useState } from "react";
import { describeError } from "../lib/errors.ts";
import { useTRPC } from "../lib/trpc.ts";
import { Reference } from "./Reference.tsx";
import { Button } from "./ui/button.tsx";

type Explain = RouterInputs["decisions"]["explain"];

interface Props {
  kind: Explain["kind"];
  id: number;
  /** The actions to explain, each with the words for it ("edit it", "delete it"). */
  actions: { action: string; label: string }[];
}

/**
 * "Why?" next to an action the policy does not allow: asks the API to check that row again
 * (`decisions.explain`, one CheckResources per action) and shows the policy's reasons, with the
 * call id as a small reference.
 */
export function WhyNot({ kind, id, actions }: Props) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const answers = useQueries({
    queries: actions.map(({ action }) => ({
      ...trpc.decisions.explain.queryOptions({ kind, id, action }),
      enabled: open,
    })),
  });
  return (
    <div className="flex flex-col items-start gap-2">
      <Button size="sm" variant="ghost" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {open ? "Hide why" : "Why?"}
      </Button>
      <div id={panelId} aria-live="polite" className="w-full" data-testid="why-not">
        {open && (
          <ul className="flex flex-col gap-2">
            {actions.map(({ action, label }, index) => {
              const answer = answers[index];
              const reasons = answer?.data
                ? answer.data.allowed
                  ? ["It is allowed now: reload the page."]
                  : answer.data.reasons.length > 0
                    ? answer.data.reasons
                    : ["The access policy gives no reason for this."]
                : answer?.error
                  ? [describeError(answer.error).detail]
                  : ["Asking the access policy…"];
              return (
                <li key={action}>
                  <p className="font-medium">You may not {label}:</p>
                  <ul className="list-disc pl-5">
                    {reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                  {answer?.data && <Reference callId={answer.data.cerbosCallId} />}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
