import type { ReactNode } from "react";
import { cx } from "../../lib/cx.ts";
import { useMediaQuery, wideQuery } from "../../lib/use-media-query.ts";

export interface Column<T> {
  key: string;
  /** The column's name: the table header, and the label of the value on a phone's card. */
  label: string;
  /** A header to render instead of the label (a sort button). */
  header?: ReactNode;
  cell: (row: T) => ReactNode;
  /** On a card: the title line, a labelled value (default), or left out. */
  card?: "title" | "field" | "hidden";
  /** For a sortable column: how the rows are sorted by it now. */
  ariaSort?: "ascending" | "descending" | "none";
  className?: string;
}

interface Props<T> {
  caption: string;
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  /** data-* attributes for each row or card (tests and styling hooks). */
  rowData?: (row: T) => Record<`data-${string}`, string>;
  actions?: (row: T) => ReactNode;
  highlighted?: (row: T) => boolean;
  empty: ReactNode;
}

/**
 * A table from 768 px up (scrolling inside its own box if a column is long), and a list of cards
 * below: the page itself never scrolls sideways.
 */
export function DataTable<T>(props: Props<T>) {
  const wide = useMediaQuery(wideQuery);
  if (props.rows.length === 0) return <>{props.empty}</>;
  return wide ? <Table {...props} /> : <Cards {...props} />;
}

function Table<T>({ caption, rows, columns, rowKey, rowData, actions, highlighted }: Props<T>) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-sm text-slate-700">
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={column.ariaSort}
                className={cx("px-3 py-2.5 font-semibold", column.className)}
              >
                {column.header ?? column.label}
              </th>
            ))}
            {actions && (
              <th scope="col" className="px-3 py-2.5 text-right font-semibold">
                Actions
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              {...rowData?.(row)}
              data-highlighted={highlighted?.(row) ? "true" : undefined}
              className={cx("border-t border-slate-200 hover:bg-slate-50", highlighted?.(row) && "highlight")}
            >
              {columns.map((column) => (
                <td key={column.key} className={cx("px-3 py-2.5 align-middle", column.className)}>
                  {column.cell(row)}
                </td>
              ))}
              {actions && (
                <td className="px-3 py-2 text-right align-middle">
                  <div className="flex justify-end gap-2">{actions(row)}</div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cards<T>({ caption, rows, columns, rowKey, rowData, actions, highlighted }: Props<T>) {
  const title = columns.find((column) => column.card === "title");
  const fields = columns.filter((column) => (column.card ?? "field") === "field");
  return (
    <ul aria-label={caption} className="flex flex-col gap-3">
      {rows.map((row) => (
        <li
          key={rowKey(row)}
          {...rowData?.(row)}
          data-highlighted={highlighted?.(row) ? "true" : undefined}
          className={cx("rounded-xl border border-slate-200 bg-white p-4 shadow-sm", highlighted?.(row) && "highlight")}
        >
          {title && <div className="mb-2 text-base font-semibold">{title.cell(row)}</div>}
          <dl className="grid grid-cols-[minmax(5rem,auto)_1fr] gap-x-3 gap-y-1 text-sm">
            {fields.map((column) => (
              <div key={column.key} className="contents">
                <dt className="text-slate-600">{column.label}</dt>
                <dd className="min-w-0 break-words">{column.cell(row)}</dd>
              </div>
            ))}
          </dl>
          {actions && <div className="mt-3 flex flex-wrap gap-2">{actions(row)}</div>}
        </li>
      ))}
    </ul>
  );
}
