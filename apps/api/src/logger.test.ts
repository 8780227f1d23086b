import { describe, expect, it } from "vitest";
import { prettyLine } from "./logger.ts";

describe("the dev console's log lines (LOG_FORMAT=pretty)", () => {
  const entry = {
    level: 30,
    time: Date.parse("2026-11-25T21:04:05.123Z"),
    service: "api",
    requestId: "r-1",
    procedure: "contacts.list",
    userId: "john",
    durationMs: 4.2,
    cerbosCallIds: ["01A", "01B"],
    msg: "procedure ok",
  };

  it("are one line: time, level, message, then the fields that vary", () => {
    expect(prettyLine(JSON.stringify(entry), false)).toBe(
      '21:04:05.123 INFO  procedure ok  requestId=r-1 procedure=contacts.list userId=john durationMs=4.2 cerbosCallIds=["01A","01B"]\n',
    );
  });

  it("put an error's stack under its line, and pass anything that is not JSON through", () => {
    const failed = {
      ...entry,
      level: 50,
      msg: "boom",
      err: { type: "Error", message: "x", stack: "Error: x\n    at f" },
    };
    expect(prettyLine(JSON.stringify(failed), false)).toMatch(/ERROR boom {2}requestId=r-1 .*\nError: x\n {4}at f\n$/);
    expect(prettyLine("plain text", false)).toBe("plain text\n");
  });
});
