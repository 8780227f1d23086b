import pino, { type Logger } from "pino";

export type { Logger };

export function createLogger(level = "info"): Logger {
  return pino({ level, base: { service: "api" }, redact: ["req.headers.authorization", "password", "*.password"] });
}
