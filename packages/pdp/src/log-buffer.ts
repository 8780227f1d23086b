/** Keeps the last `capacity` lines a process printed, for error messages. */
export class LogBuffer {
  private readonly lines: string[] = [];
  private partial = "";

  constructor(private readonly capacity = 200) {}

  push(chunk: Buffer | string): void {
    const text = this.partial + chunk.toString();
    const parts = text.split("\n");
    this.partial = parts.pop() ?? "";
    for (const line of parts) {
      if (line.trim() === "") continue;
      this.lines.push(line);
      if (this.lines.length > this.capacity) this.lines.shift();
    }
  }

  tail(count = 30): string[] {
    const all = this.partial === "" ? this.lines : [...this.lines, this.partial];
    return all.slice(-count);
  }
}
