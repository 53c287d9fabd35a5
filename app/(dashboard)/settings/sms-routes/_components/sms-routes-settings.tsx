"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { PlusIcon, SmsIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ListTable } from "@/components/ui/list-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { errorMessage } from "@/lib/trpc-errors";
import type { SmsRoute } from "@/server/domain/content/sms/list-sms-routes";
import { CHARSET_SHORT, formatCredits, type CharsetOption, type MarketOption } from "./route-options";
import { SendTestSmsDialog } from "./send-test-sms-dialog";
import { SmsRouteFormDialog } from "./sms-route-form-dialog";

/**
 * The workspace's SMS routes. Everyone sees them (composers pick one and see its price); only admins
 * add, change or delete them, since the price is what the workspace pays.
 */
export function SmsRoutesSettings({ canManage, markets, charsets }: { canManage: boolean; markets: MarketOption[]; charsets: CharsetOption[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const routes = useQuery(trpc.smsRoutes.list.queryOptions());
  const remove = useMutation(trpc.smsRoutes.delete.mutationOptions());
  const [editing, setEditing] = useState<SmsRoute | "new" | null>(null);
  const [deleting, setDeleting] = useState<SmsRoute | null>(null);
  const [testing, setTesting] = useState<SmsRoute | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.smsRoutes.list.queryKey() });
  const marketLabel = Object.fromEntries(markets.map((market) => [market.code, market.label]));

  const addButton = canManage && (
    <Button onClick={() => setEditing("new")}>
      <PlusIcon className="size-4" />
      Add route
    </Button>
  );

  return (
    <>
      <Card className="overflow-hidden">
        <CardHeader className="flex flex-col gap-3 space-y-0 sm:flex-row sm:items-center sm:justify-between">
          <div className="space-y-1">
            <CardTitle>SMS routes</CardTitle>
            <CardDescription>
              Where text messages go out for each market, what a segment costs and which characters the route carries.
              {!canManage && " Only admins can change them."}
            </CardDescription>
          </div>
          {!!routes.data?.length && addButton}
        </CardHeader>
        <ListTable
          embedded
          query={routes}
          label="SMS routes"
          columns={["Route", "Markets", "Provider", "Characters", { label: "Per segment", right: true }, { label: "Templates", right: true }, ...(canManage ? [{ label: "Actions", hidden: true }] : [])]}
          empty={
            <EmptyState
              className="m-5 border-slate-200 sm:m-6"
              icon={<SmsIcon />}
              title="No SMS routes yet"
              description={
                canManage
                  ? "Add a route for each market you text, with its price per segment, so the composer can show what a message costs."
                  : "An admin adds routes for each market with their price per segment; then the composer shows what a message costs."
              }
              action={addButton}
            />
          }
        >
          {(rows) =>
            rows.map((route) => (
              <TableRow key={route.id}>
                <TableCell className="font-medium text-slate-900">{route.name}</TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">
                    {route.markets.map((market) => (
                      <Badge key={market} tone="brand" title={marketLabel[market]} className="font-mono">
                        {market}
                      </Badge>
                    ))}
                  </div>
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  {route.provider ? (
                    <span title={route.throttlePerSecond ? `At most ${route.throttlePerSecond} per second` : undefined}>
                      <Badge tone="green">{route.provider.kind === "smpp" ? "SMPP" : "HTTP"}</Badge>{" "}
                      <span className="text-slate-600">{route.provider.kind === "smpp" ? `${route.provider.host}:${route.provider.port}` : new URL(route.provider.url).host}</span>
                    </span>
                  ) : (
                    <Badge>Prices only</Badge>
                  )}
                </TableCell>
                <TableCell className="whitespace-nowrap">{CHARSET_SHORT[route.charset]}</TableCell>
                <TableCell className="text-right whitespace-nowrap tabular-nums">{formatCredits(route.pricePerSegment)} credits</TableCell>
                <TableCell className="text-right tabular-nums">{route.templateCount.toLocaleString()}</TableCell>
                {canManage && (
                  <TableCell className="text-right whitespace-nowrap">
                    {route.provider && (
                      <Button variant="ghost" size="sm" aria-label={`Send a test SMS through ${route.name}`} onClick={() => setTesting(route)}>
                        Send test
                      </Button>
                    )}
                    <Button variant="ghost" size="sm" aria-label={`Edit ${route.name}`} onClick={() => setEditing(route)}>
                      Edit
                    </Button>
                    <Button variant="danger-ghost" size="sm" aria-label={`Delete ${route.name}`} onClick={() => setDeleting(route)}>
                      Delete
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))
          }
        </ListTable>
      </Card>

      {canManage && (
        <>
          <SmsRouteFormDialog
            // A fresh form per route, so its default values are that route's.
            key={editing === null ? "closed" : editing === "new" ? "new" : editing.id}
            open={editing !== null}
            route={editing === "new" || editing === null ? undefined : editing}
            markets={markets}
            charsets={charsets}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              void refresh();
            }}
          />
          <SendTestSmsDialog key={testing?.id ?? "closed"} route={testing} onClose={() => setTesting(null)} />
          <ConfirmDialog
            open={deleting !== null}
            onClose={() => {
              setDeleting(null);
              remove.reset();
            }}
            title={`Delete “${deleting?.name}”?`}
            description={
              deleting?.templateCount
                ? `${deleting.templateCount.toLocaleString()} template${deleting.templateCount === 1 ? " uses" : "s use"} this route; they keep their text and will need another route.`
                : "No template uses this route."
            }
            confirmLabel="Delete route"
            pending={remove.isPending}
            error={remove.error ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
            onConfirm={() =>
              deleting &&
              remove.mutate(
                { routeId: deleting.id },
                {
                  onSuccess: async () => {
                    setDeleting(null);
                    await refresh();
                  },
                },
              )
            }
          />
        </>
      )}
    </>
  );
}
