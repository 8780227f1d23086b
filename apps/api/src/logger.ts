import pino, { type Logger } from "pino";

export type { Logger };

/** `json` (production, tests, log shippers) or `pretty` (one readable line per entry, for the dev console). */
export type LogFormat = "json" | "pretty";

export function createLogger(level = "info", format: LogFormat = "json"): Logger {
  const options = { level, base: { service: "api" }, redact: ["req.headers.authorization", "password", "*.password"] };
  return format === "pretty" ? pino(options, prettyStream(process.stdout)) : pino(options);
}

const levels: Record<number, [name: string, color: number]> = {
  10: ["TRACE", 90],
  20: ["DEBUG", 36],
  30: ["INFO ", 32],
  40: ["WARN ", 33],
  50: ["ERROR", 31],
  60: ["FATAL", 35],
};
// Shown in the message's place or left out: every line has them, they carry no news.
const hidden = new Set(["level", "time", "msg", "service", "pid", "hostname", "err"]);

/** `21:04:05.123 INFO  procedure ok  procedure=contacts.list userId=john durationMs=4.2 …` (colored on a terminal). */
export function prettyLine(json: string, color: boolean): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json);
  } catch {
    return `${json}\n`;
  }
  const [name, code] = levels[Number(entry.level)] ?? ["LOG  ", 0];
  const paint = (text: string, ansi: number) => (color ? `\u001b[${ansi}m${text}\u001b[0m` : text);
  const time = new Date(Number(entry.time)).toISOString().slice(11, 23);
  const fields = Object.entries(entry)
    .filter(([key]) => !hidden.has(key))
    .map(([key, value]) => `${paint(key, 90)}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  const stack = (entry.err as { stack?: unknown } | undefined)?.stack;
  const trace = typeof stack === "string" ? `\n${paint(stack, 90)}` : "";
  return `${paint(time, 90)} ${paint(name, code)} ${String(entry.msg ?? "")}${fields.length ? `  ${fields.join(" ")}` : ""}${trace}\n`;
}

/** Writes each entry as it comes (stdout is synchronous on Linux): the last line before an exit is not lost. */
function prettyStream(out: NodeJS.WriteStream): { write(line: string): void } {
  const color = out.isTTY === true || process.env.FORCE_COLOR !== undefined;
  return { write: (line) => void out.write(prettyLine(line.trimEnd(), color)) };
}
