import type { ReactNode } from "react";
import { errorMessage } from "@/lib/trpc-errors";
import { Alert } from "./alert";
import { Card } from "./card";
import { TableSkeleton } from "./skeleton";
import { Table, TableBody, TableHead, TableHeaderCell } from "./table";

/** A column heading; `right` aligns numbers; `hidden` keeps it for screen readers only (an actions column). */
export type ListColumn = string | { label: string; right?: boolean; hidden?: boolean };

/**
 * A list's table in each state of its query: a skeleton of the columns while loading, the error,
 * `empty` when there are no rows, else the table, with `children` rendering the rows. On a list page
 * it brings its own card; `embedded` is for a table inside a settings card (no card, a shorter skeleton).
 */
export function ListTable<T>({
  query,
  label,
  columns,
  empty,
  embedded = false,
  children,
}: {
  query: { isLoading: boolean; error: unknown; data: readonly T[] | undefined };
  /** The table's accessible name. */
  label: string;
  columns: readonly ListColumn[];
  empty: ReactNode;
  embedded?: boolean;
  children: (rows: readonly T[]) => ReactNode;
}) {
  if (query.isLoading) {
    const skeleton = <TableSkeleton columns={columns.length} rows={embedded ? 2 : 4} />;
    return embedded ? skeleton : <Card>{skeleton}</Card>;
  }
  if (query.error) {
    const alert = <Alert tone="error">{errorMessage(query.error)}</Alert>;
    return embedded ? <div className="p-5">{alert}</div> : alert;
  }
  if (!query.data?.length) return <>{empty}</>;
  const table = (
    <Table aria-label={label}>
      <TableHead>
        <tr>
          {columns.map((column) => {
            const { label: text, right, hidden } = typeof column === "string" ? { label: column, right: false, hidden: false } : column;
            return (
              <TableHeaderCell key={text} className={right ? "text-right" : undefined}>
                {hidden ? <span className="sr-only">{text}</span> : text}
              </TableHeaderCell>
            );
          })}
        </tr>
      </TableHead>
      <TableBody>{children(query.data)}</TableBody>
    </Table>
  );
  return embedded ? table : <Card className="overflow-hidden">{table}</Card>;
}
