/**
 * The planner orders and nests and/or operands differently from call to call. Recordings are
 * written canonically (nested and/or flattened, operands sorted by their JSON, map fields by key) so that a re-recording, and
 * the golden SQL built from it, changes only when a plan really changes.
 */
type Node = { operator: string; operands: Node[] } | { name: string } | { value: unknown };

function isCall(node: Node): node is { operator: string; operands: Node[] } {
  return "operator" in node;
}

export function canonicalNode(node: Node): Node {
  if (!isCall(node)) return node;
  const { operator } = node;
  if (operator === "struct") {
    // A map's fields arrive in Go's random map order: sort them by key.
    const fields = node.operands.map(canonicalNode);
    fields.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    return { operator, operands: fields };
  }
  if (operator !== "and" && operator !== "or") return { operator, operands: node.operands.map(canonicalNode) };
  // and/or are associative and commutative in CEL (errors included): flatten, then sort.
  const flat = (n: Node): Node[] =>
    isCall(n) && n.operator === operator ? n.operands.flatMap(flat) : [canonicalNode(n)];
  const operands = node.operands.flatMap(flat);
  operands.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { operator, operands };
}

/** The S-expression Cerbos shows as `metadata.conditionString`, rendered from a (canonical) node. */
export function conditionString(node: Node): string {
  if (isCall(node)) return `(${[node.operator, ...node.operands.map(conditionString)].join(" ")})`;
  if ("name" in node) return node.name;
  return JSON.stringify(node.value);
}

/** A planResources response with its condition (if any) canonical, and its conditionString to match. */
export function canonicalPlan<T extends { condition?: unknown; metadata?: { conditionString?: string } }>(
  response: T,
): T {
  if (response.condition === undefined) return response;
  const condition = canonicalNode(response.condition as Node);
  const metadata =
    response.metadata === undefined ? undefined : { ...response.metadata, conditionString: conditionString(condition) };
  return { ...response, condition, ...(metadata === undefined ? {} : { metadata }) };
}
