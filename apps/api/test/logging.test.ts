import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, type TestStack } from "../src/testing/index.ts";
import { dialects, stackOn } from "./support/stack.ts";

describe.each(dialects)("request logs (%s)", (dialect) => {
  let app: TestStack;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
    app = await stackOn(dialect, { logger });
  });
  afterAll(() => app?.stop());

  it("one structured line per call: request id, user id, procedure, duration and the Cerbos call ids", async () => {
    const john = await app.as("john");
    const denied = await errorOf(john.contacts.get.query({ id: 4 }));
    const line = lines.find((entry) => entry.procedure === "contacts.get");
    expect(line).toMatchObject({
      level: 30,
      msg: "procedure refused",
      code: "FORBIDDEN",
      userId: "john",
      type: "query",
      cerbosCallIds: [denied.cerbosCallId],
    });
    expect(typeof line?.requestId).toBe("string");
    expect(typeof line?.durationMs).toBe("number");
    // The password never reaches the log.
    expect(JSON.stringify(lines)).not.toContain("password123");
  });
});
