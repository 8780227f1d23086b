/**
 * The top entries of a V8 CPU profile (node --cpu-prof; see load/endpoint-main.ts): self time by
 * function and by package, and inclusive time of the functions matching PROFILE_INCLUSIVE (regex):
 *   npx -y pnpm@10.34.9 --filter @repo/bench exec tsx src/load/profile-top.ts FILE.cpuprofile [N]
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, count = "25"] = process.argv.slice(2);
if (!file) throw new Error("usage: profile-top.ts FILE.cpuprofile [N]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const selfMs = new Map<number, number>();
profile.samples.forEach((id, index) => {
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
});

/** Where a frame comes from: a node_modules package, node itself, our workspace, or V8. */
const origin = (url: string) => {
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith("node:")) return "node";
  const workspace = /\/(apps|packages)\/([^/]+)\//.exec(url);
  return workspace ? `${workspace[1]}/${workspace[2]}` : url === "" ? "(v8/native)" : url;
};

function nameOf({ callFrame: { functionName, url, lineNumber } }: ProfileNode): string {
  const file = url.replace(/^.*node_modules\//, "").replace(/^.*\/(apps|packages)\//, "$1/");
  return `${functionName || "(anonymous)"}${url === "" ? "" : ` ${file}:${lineNumber + 1}`}`;
}

const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
const byFunction = new Map<string, number>();
const byOrigin = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
for (const [id, ms] of selfMs) {
  const node = byId.get(id)!;
  if (node.callFrame.functionName === "(idle)") continue; // waiting, not CPU
  add(byFunction, nameOf(node), ms);
  add(byOrigin, origin(node.callFrame.url), ms);
  total += ms;
  // Inclusive: a sample counts once for every distinct function on its stack.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) seen.add(nameOf(byId.get(at)!));
  for (const name of seen) add(inclusive, name, ms);
}

const table = (title: string, map: Map<string, number>, n: number) =>
  `| ${title} | ms | share |\n|---|---|---|\n${[...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `| \`${name}\` | ${ms.toFixed(0)} | ${((ms / total) * 100).toFixed(1)}% |`)
    .join("\n")}\n\n`;
const pattern = new RegExp(process.env.PROFILE_INCLUSIVE ?? "apps/|packages/|resolveResponse|stringify");
const matching = new Map([...inclusive].filter(([name]) => pattern.test(name)));
process.stdout.write(`CPU sampled (idle left out): ${total.toFixed(0)} ms\n\n`);
process.stdout.write(table("self time: function", byFunction, Number(count)));
process.stdout.write(table("self time: package", byOrigin, 20));
process.stdout.write(table(`inclusive time: function matching /${pattern.source}/`, matching, Number(count)));
