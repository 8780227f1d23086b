import type { RouterOutputs } from "@repo/client";
import { Badge } from "../ui/badge.tsx";
import { Card } from "../ui/card.tsx";
import { Attributes, EffectBadge, Pair, valueText } from "./values.tsx";

type Decision = RouterOutputs["decisions"]["lookup"];
type CheckDecision = Extract<Decision, { type: "check" }>;
type PlanDecision = Extract<Decision, { type: "plan" }>;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

const planKinds: Record<string, string> = {
  KIND_ALWAYS_ALLOWED: "Always allowed: every row",
  KIND_ALWAYS_DENIED: "Always denied: no row",
  KIND_CONDITIONAL: "Conditional: the rows matching the condition",
};

/** One decision as the PDP's audit trail has it: who asked, about what, and what was decided by which rule. */
export function DecisionView({ decision }: { decision: Decision }) {
  const policy = (id: string) => (decision.policySources[id] ? `${id} (${decision.policySources[id]})` : id);
  return (
    <div className="flex flex-col gap-4" data-testid="decision">
      <Card aria-labelledby="decision-heading">
        <h2 id="decision-heading" className="mb-3 text-lg font-semibold">
          {decision.type === "check" ? "CheckResources decision" : "PlanResources decision (a list's filter)"}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <Pair label="Call id">
            <code className="break-all">{decision.callId}</code>
          </Pair>
          <Pair label="Time">{dateTime.format(new Date(decision.timestamp))}</Pair>
          <Pair label="PDP">
            <code className="break-all">{decision.pdp}</code>
          </Pair>
          {decision.error && <Pair label="PDP error">{decision.error}</Pair>}
        </dl>
      </Card>
      <Card aria-labelledby="principal-heading">
        <h2 id="principal-heading" className="mb-3 text-lg font-semibold">
          Principal <code>{decision.principal.id}</code>{" "}
          {decision.principal.roles.map((role) => (
            <Badge key={role}>{role}</Badge>
          ))}
        </h2>
        <Attributes attr={decision.principal.attr} />
      </Card>
      {decision.type === "check" ? (
        <CheckResources decision={decision} policy={policy} />
      ) : (
        <Plan decision={decision} policy={policy} />
      )}
    </div>
  );
}

function CheckResources({ decision, policy }: { decision: CheckDecision; policy: (id: string) => string }) {
  return (
    <>
      {decision.resources.map((resource, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one call may check the same resource twice (an update as it is and as it will be)
        <Card key={`${resource.kind}:${resource.id}:${index}`} aria-labelledby={`resource-${index}`}>
          <h2 id={`resource-${index}`} className="mb-3 text-lg font-semibold">
            Resource <code>{resource.kind}</code> <code>{resource.id}</code>
          </h2>
          <Attributes attr={resource.attr} />
          <ul className="mt-3 flex flex-col gap-3">
            {Object.entries(resource.actions).map(([action, decided]) => (
              <li key={action} className="rounded-lg border border-slate-200 p-3" data-action={action}>
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{action}</span> <EffectBadge effect={decided.effect} />
                </p>
                <p className="text-sm text-slate-700">
                  Policy: <code className="break-all">{policy(decided.policy)}</code>
                  {decided.scope ? ` · scope ${decided.scope}` : ""}
                </p>
                {decided.rules.length > 0 && (
                  <ul className="mt-1 list-disc pl-5 text-sm">
                    {decided.rules.map((rule) => (
                      <li key={`${rule.rule}:${valueText(rule.output)}`}>
                        Rule <code>{rule.rule}</code>: {valueText(rule.output)}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </>
  );
}

function Plan({ decision, policy }: { decision: PlanDecision; policy: (id: string) => string }) {
  return (
    <Card aria-labelledby="plan-heading">
      <h2 id="plan-heading" className="mb-3 text-lg font-semibold">
        Plan for <code>{decision.action}</code> on <code>{decision.resource.kind}</code>
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <Pair label="Result">{planKinds[decision.filter.kind] ?? decision.filter.kind}</Pair>
        {decision.filter.conditionString && (
          <Pair label="Condition">
            <code className="break-all">{decision.filter.conditionString}</code>
          </Pair>
        )}
        <Pair label="Policies">{Object.keys(decision.policySources).map(policy).join(", ") || "—"}</Pair>
      </dl>
    </Card>
  );
}
