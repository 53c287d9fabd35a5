import type { ReactNode } from "react";
import { errorMessage } from "@/lib/trpc-errors";
import { Alert } from "./alert";
import { Card } from "./card";
import { TableSkeleton } from "./skeleton";
import { Table, TableBody, TableHead, TableHeaderCell } from "./table";

/** A column heading; `right` aligns numbers. */
export type ListColumn = string | { label: string; right?: boolean };

/**
 * A list page's table in each state of its query: a skeleton of the columns while loading, the error,
 * `empty` when there are no rows, else a card holding the table, with `children` rendering the rows.
 */
export function ListTable<T>({
  query,
  label,
  columns,
  empty,
  children,
}: {
  query: { isLoading: boolean; error: unknown; data: readonly T[] | undefined };
  /** The table's accessible name. */
  label: string;
  columns: readonly ListColumn[];
  empty: ReactNode;
  children: (rows: readonly T[]) => ReactNode;
}) {
  if (query.isLoading)
    return (
      <Card>
        <TableSkeleton columns={columns.length} />
      </Card>
    );
  if (query.error) return <Alert tone="error">{errorMessage(query.error)}</Alert>;
  if (!query.data?.length) return <>{empty}</>;
  return (
    <Card className="overflow-hidden">
      <Table aria-label={label}>
        <TableHead>
          <tr>
            {columns.map((column) => {
              const { label: text, right } = typeof column === "string" ? { label: column, right: false } : column;
              return (
                <TableHeaderCell key={text} className={right ? "text-right" : undefined}>
                  {text}
                </TableHeaderCell>
              );
            })}
          </tr>
        </TableHead>
        <TableBody>{children(query.data)}</TableBody>
      </Table>
    </Card>
  );
}
