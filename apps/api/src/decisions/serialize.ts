import {
  type CheckInput,
  type CheckOutput,
  type DecisionLogEntry,
  decisionLogEntryMethodIsCheckResources,
  Effect,
  type PlanKind,
  type Value,
} from "@cerbos/core";

// A decision log entry of the PDP as the admin console shows it (apps/web: #/admin/decisions).

export interface DecidedAction {
  effect: "EFFECT_ALLOW" | "EFFECT_DENY";
  /** The policy that decided, e.g. `resource.contact.vdefault`. */
  policy: string;
  scope?: string;
  /** Denied: the rules whose outputs name this action, with the output (policies/README.md). */
  rules: { rule: string; output: Value }[];
}

interface Common {
  callId: string;
  /** ISO 8601. */
  timestamp: string;
  /** The PDP that made the decision. */
  pdp: string;
  principal: { id: string; roles: string[]; attr: Record<string, Value> };
  /** Policy id → the file it came from (`contact.yaml`). */
  policySources: Record<string, string>;
  /** The PDP's own error for the call, if it had one. */
  error?: string;
}

export interface CheckDecision extends Common {
  type: "check";
  resources: { kind: string; id: string; attr: Record<string, Value>; actions: Record<string, DecidedAction> }[];
}

export interface PlanDecision extends Common {
  type: "plan";
  resource: { kind: string; attr: Record<string, Value> };
  action: string;
  filter: { kind: PlanKind; condition?: Value; conditionString?: string };
}

export type DecisionDto = CheckDecision | PlanDecision;

export function serializeDecision(pdp: string, entry: DecisionLogEntry): DecisionDto {
  const common = {
    callId: entry.callId,
    timestamp: entry.timestamp.toISOString(),
    pdp,
    policySources: policySources(entry),
  };
  const method = entry.method;
  if (decisionLogEntryMethodIsCheckResources(method)) {
    const first = method.inputs[0];
    return {
      ...common,
      type: "check",
      principal: principalOf(first),
      ...(method.error ? { error: method.error } : {}),
      resources: method.inputs.map((input, index) => {
        const output = method.outputs[index]?.resourceId === input.resource.id ? method.outputs[index] : undefined;
        return {
          kind: input.resource.kind,
          id: input.resource.id,
          attr: input.resource.attr,
          actions: actionsOf(input, output ?? method.outputs.find((o) => o.resourceId === input.resource.id)),
        };
      }),
    };
  }
  const output = method.output;
  return {
    ...common,
    type: "plan",
    principal: principalOf(method.input),
    ...(method.error ? { error: method.error } : {}),
    resource: { kind: method.input.resource.kind, attr: method.input.resource.attr },
    action: method.input.action,
    filter: output
      ? {
          kind: output.kind,
          ...("condition" in output
            ? {
                condition: JSON.parse(JSON.stringify(output.condition)) as Value,
                conditionString: output.conditionString,
              }
            : {}),
        }
      : { kind: "KIND_ALWAYS_DENIED" as PlanKind },
  };
}

function principalOf(input: Pick<CheckInput, "principal"> | undefined): Common["principal"] {
  return { id: input?.principal.id ?? "", roles: input?.principal.roles ?? [], attr: input?.principal.attr ?? {} };
}

function actionsOf(input: CheckInput, output: CheckOutput | undefined): Record<string, DecidedAction> {
  const actions: Record<string, DecidedAction> = {};
  for (const action of input.actions) {
    const decided = output?.actions[action];
    const denied = decided?.effect !== Effect.ALLOW;
    actions[action] = {
      effect: denied ? "EFFECT_DENY" : "EFFECT_ALLOW",
      policy: decided?.policy ?? "",
      ...(decided?.scope ? { scope: decided.scope } : {}),
      rules: denied
        ? (output?.outputs ?? [])
            .filter((result) => result.action === action)
            .map((result) => ({ rule: result.source.split("#")[1] ?? result.source, output: result.value ?? null }))
        : [],
    };
  }
  return actions;
}

function policySources(entry: DecisionLogEntry): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entry.auditTrail?.effectivePolicies ?? {}).map(([policy, attributes]) => [
      policy,
      typeof attributes.source === "string" ? attributes.source : "",
    ]),
  );
}
