"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { errorMessage, formErrors } from "@/lib/trpc-errors";

/** The From addresses templates can use. Domain verification and DKIM come with the delivery engine. */
export function SendersSettings({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const senders = useQuery(trpc.sendingIdentities.list.queryOptions());
  const domains = useQuery(trpc.sendingDomains.list.queryOptions());
  // The address's domain or a parent (a key for acme.com signs news.acme.com), as findSigningKeyForAddress picks.
  const verifiedDomain = (email: string) => {
    const labels = email.slice(email.lastIndexOf("@") + 1).toLowerCase().split(".");
    const verified = new Set(domains.data?.filter((d) => d.status === "verified").map((d) => d.domain));
    return labels.slice(0, -1).some((_, i) => verified.has(labels.slice(i).join(".")));
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sendingIdentities.list.queryKey() });
  const create = useMutation(trpc.sendingIdentities.create.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.sendingIdentities.delete.mutationOptions({ onSuccess: refresh }));
  const errors = create.error ? formErrors(create.error, ["fromName", "fromEmail", "replyTo"]) : null;

  return (
    <div className="space-y-8">
      <Card>
        <CardHeader>
          <CardTitle>Senders</CardTitle>
          <CardDescription>Who your emails come from. Each template picks one.</CardDescription>
        </CardHeader>
        <CardContent>
          {remove.error && <Alert tone="error">{errorMessage(remove.error)}</Alert>}
          {senders.data?.length === 0 ? (
            <p className="text-sm text-slate-500">No senders yet.</p>
          ) : (
            <Table aria-label="Senders">
              <TableHead>
                <tr>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell>From</TableHeaderCell>
                  <TableHeaderCell>Reply-to</TableHeaderCell>
                  {canEdit && <TableHeaderCell className="text-right">Actions</TableHeaderCell>}
                </tr>
              </TableHead>
              <TableBody>
                {senders.data?.map((sender) => (
                  <TableRow key={sender.id}>
                    <TableCell className="font-medium text-slate-900">{sender.fromName}</TableCell>
                    <TableCell>
                      <span className="mr-2">{sender.fromEmail}</span>
                      {domains.data &&
                        (verifiedDomain(sender.fromEmail) ? (
                          <Badge tone="green">Domain verified</Badge>
                        ) : (
                          <Badge tone="amber" title="Mail from this address goes out without a DKIM signature until its domain is verified under Domains">
                            Domain not verified
                          </Badge>
                        ))}
                    </TableCell>
                    <TableCell className="text-slate-500">{sender.replyTo ?? "—"}</TableCell>
                    {canEdit && (
                      <TableCell className="text-right">
                        <Button variant="ghost" size="sm" onClick={() => remove.mutate({ identityId: sender.id })}>
                          Remove
                        </Button>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {canEdit && (
        <Card>
          <Form
            noValidate
            className="space-y-4 p-6"
            onSubmit={(event) => {
              event.preventDefault();
              const form = event.currentTarget;
              const data = new FormData(form);
              create.mutate(
                { fromName: String(data.get("fromName") ?? ""), fromEmail: String(data.get("fromEmail") ?? ""), replyTo: String(data.get("replyTo") ?? "").trim() || null },
                { onSuccess: () => form.reset() },
              );
            }}
          >
            <h2 className="text-base font-semibold text-slate-900">Add a sender</h2>
            {errors?.form && <Alert tone="error">{errors.form}</Alert>}
            <div className="grid gap-4 md:grid-cols-3">
              <Field label="Name" error={errors?.fields.fromName}>
                {(control) => <Input {...control} name="fromName" placeholder="Acme News" maxLength={100} />}
              </Field>
              <Field label="From address" error={errors?.fields.fromEmail}>
                {(control) => <Input {...control} name="fromEmail" type="email" placeholder="news@acme.example" />}
              </Field>
              <Field label="Reply-to (optional)" error={errors?.fields.replyTo}>
                {(control) => <Input {...control} name="replyTo" type="email" placeholder="help@acme.example" />}
              </Field>
            </div>
            <Button type="submit" pending={create.isPending}>
              Add sender
            </Button>
          </Form>
        </Card>
      )}
    </div>
  );
}
