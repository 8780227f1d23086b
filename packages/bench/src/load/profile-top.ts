/**
 * The top self-time entries of a V8 CPU profile (node --cpu-prof; see load/endpoint-main.ts),
 * by function and by package:
 *   npx -y pnpm@10.34.9 --filter @repo/bench exec tsx src/load/profile-top.ts FILE.cpuprofile [N]
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
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

const byFunction = new Map<string, number>();
const byOrigin = new Map<string, number>();
let total = 0;
for (const [id, ms] of selfMs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  if (functionName === "(idle)") continue; // waiting, not CPU
  const where =
    url === ""
      ? ""
      : ` ${url.replace(/^.*node_modules\//, "").replace(/^.*\/(apps|packages)\//, "$1/")}:${lineNumber + 1}`;
  const name = `${functionName || "(anonymous)"}${where}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  byOrigin.set(origin(url), (byOrigin.get(origin(url)) ?? 0) + ms);
  total += ms;
}
const top = (map: Map<string, number>, n: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `| ${((ms / total) * 100).toFixed(1)}% | ${ms.toFixed(0)} | \`${name}\` |`)
    .join("\n");
process.stdout.write(
  `total sampled ${total.toFixed(0)} ms\n\n| self | ms | function |\n|---|---|---|\n${top(byFunction, Number(count))}\n\n`,
);
process.stdout.write(`| self | ms | origin |\n|---|---|---|\n${top(byOrigin, 20)}\n`);
