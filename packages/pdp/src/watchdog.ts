import { spawn } from "node:child_process";

/**
 * Starts a tiny detached shell that ends `childPid` once `parentPid` is gone. Exit hooks do not
 * run when the parent is SIGKILLed, so without this a killed test run would leave a PDP behind.
 * The watchdog exits by itself as soon as either process is gone.
 */
export function watchChild(parentPid: number, childPid: number): void {
  const script = [
    `while kill -0 ${parentPid} 2>/dev/null && kill -0 ${childPid} 2>/dev/null; do sleep 0.5; done`,
    `kill -TERM ${childPid} 2>/dev/null`,
    "sleep 3",
    `kill -KILL ${childPid} 2>/dev/null`,
    "exit 0",
  ].join("; ");
  const watchdog = spawn("/bin/sh", ["-c", script], { detached: true, stdio: "ignore" });
  watchdog.unref();
}
