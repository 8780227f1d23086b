import { type ChildProcess, spawn } from "node:child_process";
import { progress } from "./progress.ts";

/**
 * `--lock-between-sizes=FILE`: on a shared machine the run holds flock(1)'s exclusive lock on
 * FILE only while it measures one size, and releases it between sizes (the PDP idles and the
 * temp files stay), so others' jobs run between the pieces and never during a measurement.
 */
export class SizeLock {
  private holder: ChildProcess | undefined;

  constructor(private readonly file: string | undefined) {}

  async acquire(what: string): Promise<void> {
    if (this.file === undefined) return;
    progress(`waiting for the lock on ${this.file} (${what})`);
    const holder = spawn("flock", [this.file, "sh", "-c", "echo held; cat > /dev/null"], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      holder.once("error", reject);
      holder.once("exit", (code) => reject(new Error(`flock exited with code ${code}`)));
      holder.stdout?.once("data", () => resolve());
    });
    this.holder = holder;
  }

  async release(): Promise<void> {
    const holder = this.holder;
    if (holder === undefined) return;
    this.holder = undefined;
    holder.removeAllListeners("exit");
    await new Promise<void>((resolve) => {
      holder.once("exit", () => resolve());
      holder.stdin?.end();
    });
  }
}
