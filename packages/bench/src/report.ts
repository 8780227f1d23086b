import type { Summary } from "./stats.ts";

type Row = { kind: "pending" } | { kind: "done"; cells: string[] } | { kind: "error"; message: string };

/** One table of the report: rows are declared up front, so a step that never ran shows as missing. */
export class Section {
  private readonly rows = new Map<string, { label: string[]; row: Row }>();
  private readonly notes: string[] = [];

  constructor(
    readonly title: string,
    readonly labelColumns: readonly string[],
    readonly valueColumns: readonly string[],
    readonly intro: string,
  ) {}

  expect(label: readonly string[]): string {
    const key = label.join(" · ");
    if (!this.rows.has(key)) this.rows.set(key, { label: [...label], row: { kind: "pending" } });
    return key;
  }

  set(label: readonly string[], cells: readonly string[]): void {
    if (cells.length !== this.valueColumns.length) {
      throw new Error(`${this.title}: ${cells.length} cells for ${this.valueColumns.length} columns`);
    }
    this.rows.set(this.expect(label), { label: [...label], row: { kind: "done", cells: [...cells] } });
  }

  fail(label: readonly string[], error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.rows.set(this.expect(label), { label: [...label], row: { kind: "error", message } });
  }

  note(text: string): void {
    this.notes.push(text);
  }

  problems(): string[] {
    const found: string[] = [];
    for (const [key, { row }] of this.rows) {
      if (row.kind === "pending") found.push(`${this.title}: row "${key}" is missing`);
      if (row.kind === "error") found.push(`${this.title}: row "${key}" errored: ${row.message}`);
    }
    return found;
  }

  markdown(): string {
    const header = [...this.labelColumns, ...this.valueColumns];
    const lines = [
      `## ${this.title}`,
      "",
      this.intro,
      "",
      `| ${header.join(" | ")} |`,
      `|${header.map(() => "---").join("|")}|`,
    ];
    for (const { label, row } of this.rows.values()) {
      const cells =
        row.kind === "done"
          ? row.cells
          : [
              row.kind === "pending"
                ? "**MISSING**"
                : `**ERROR** ${row.message.replaceAll("|", "/").replaceAll("\n", " ")}`,
            ];
      while (cells.length < this.valueColumns.length) cells.push("");
      lines.push(`| ${[...label, ...cells].join(" | ")} |`);
    }
    if (this.notes.length > 0) lines.push("", ...this.notes.flatMap((note) => [note, ""]));
    return lines.join("\n").trimEnd();
  }
}

export class Report {
  readonly sections: Section[] = [];

  section(title: string, labelColumns: readonly string[], valueColumns: readonly string[], intro: string): Section {
    const section = new Section(title, labelColumns, valueColumns, intro);
    this.sections.push(section);
    return section;
  }

  problems(): string[] {
    return this.sections.flatMap((section) => section.problems());
  }

  markdown(): string {
    return this.sections.map((section) => section.markdown()).join("\n\n");
  }
}

/** `median [min–max]` with a precision that fits the magnitude. */
export function figure(summary: Summary, unit = ""): string {
  const suffix = unit ? ` ${unit}` : "";
  return `${round(summary.median)}${suffix} [${round(summary.min)}–${round(summary.max)}]`;
}

export function round(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString("en-US");
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return value.toFixed(3);
}
