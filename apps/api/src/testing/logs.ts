import pino, { type Logger } from "pino";

/** A logger for `startTestStack({ logger })` that keeps every entry it is given, parsed, in `entries`. */
export function recordingLogger(level = "info"): { logger: Logger; entries: Record<string, unknown>[] } {
  const entries: Record<string, unknown>[] = [];
  const logger = pino({ level }, { write: (line: string) => void entries.push(JSON.parse(line)) });
  return { logger, entries };
}
