import type { PlanNode } from "../plan.ts";
import { and, balanced, exists, FALSE, isNotTrue, notExists, or, TRUE } from "../sql.ts";
import { asCond, asScalar, compileOperand, constantScalar, isScalarValue, refuse } from "./operands.ts";
import { type Binding, type Collection, type Cond, type Context, type Scalar, withBinding } from "./types.ts";

export interface Lambda {
  readonly body: PlanNode;
  readonly variable: string;
}

/** `(lambda body v)`: the only second operand exists/all/exists_one/filter/map accept. */
export function readLambda(node: PlanNode, lambda: PlanNode | undefined): Lambda {
  if (lambda?.type !== "call" || lambda.operator !== "lambda" || lambda.operands.length !== 2) {
    return refuse(node, "expected a lambda as the second operand");
  }
  const [body, variable] = lambda.operands;
  if (variable?.type !== "variable") return refuse(node, "a lambda without a variable name");
  return { body: body!, variable: variable.name };
}

export function bodyCond(context: Context, lambda: Lambda, element: Binding): Cond {
  const inner = withBinding(context, lambda.variable, element);
  return asCond(inner, lambda.body, compileOperand(inner, lambda.body));
}

export function bodyScalar(context: Context, lambda: Lambda, element: Binding): Scalar {
  const inner = withBinding(context, lambda.variable, element);
  return asScalar(inner, lambda.body, compileOperand(inner, lambda.body));
}

/** An element whose evaluation raised an error: neither true nor false. */
const failed = (cond: Cond): string => and(isNotTrue(cond.t), isNotTrue(cond.f));

/** CEL macros over a to-many association, as correlated subqueries. */
export const collectionMacros = {
  exists(collection: Collection, body: Cond): Cond {
    const { from, where, ok } = collection;
    return {
      t: and(ok, exists(from, and(where, body.t))),
      f: and(ok, notExists(from, and(where, isNotTrue(body.f)))),
    };
  },
  all(collection: Collection, body: Cond): Cond {
    const { from, where, ok } = collection;
    return {
      t: and(ok, notExists(from, and(where, isNotTrue(body.t)))),
      f: and(ok, exists(from, and(where, body.f))),
    };
  },
  /** exists_one folds over every element: any error makes the whole macro an error. */
  exists_one(collection: Collection, body: Cond): Cond {
    const { from, where, ok } = collection;
    const noError = notExists(from, and(where, failed(body)));
    const count = `(SELECT COUNT(*) FROM ${from} WHERE ${and(where, body.t)})`;
    return { t: and(ok, noError, `(${count} = 1)`), f: and(ok, noError, `(${count} <> 1)`) };
  },
};

/** The same macros over a literal list the planner did not unroll: unrolled here, item by item. */
export const literalMacros = {
  exists: (items: readonly Cond[]): Cond => ({ t: or(...items.map((c) => c.t)), f: and(...items.map((c) => c.f)) }),
  all: (items: readonly Cond[]): Cond => ({ t: and(...items.map((c) => c.t)), f: or(...items.map((c) => c.f)) }),
  exists_one(items: readonly Cond[]): Cond {
    if (items.length === 0) return { t: FALSE, f: TRUE };
    const noError = and(...items.map((c) => or(c.t, c.f)));
    const count = balanced(
      "+",
      items.map((c) => `(CASE WHEN ${c.t} THEN 1 ELSE 0 END)`),
    );
    return { t: and(noError, `(${count} = 1)`), f: and(noError, `(${count} <> 1)`) };
  },
};

export function literalItemBinding(context: Context, item: unknown): Binding {
  if (isScalarValue(item)) return { kind: "scalar", scalar: constantScalar(context, item) };
  return { kind: "constant", value: item };
}
