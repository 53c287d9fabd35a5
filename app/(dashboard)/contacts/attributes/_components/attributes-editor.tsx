"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog, Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { errorMessage, formErrors } from "@/lib/trpc-errors";
import { ATTRIBUTE_TYPE_LABELS, ATTRIBUTE_TYPES, type AttributeType } from "@/server/domain/attributes/attribute-rules";

type Definition = { id: string; key: string; label: string; type: AttributeType; createdAt: Date };

const TYPE_HINTS: Record<AttributeType, string> = {
  text: "Any text, such as a plan name",
  number: "Whole or decimal numbers, such as lifetime value",
  boolean: "Yes or no, such as “VIP”",
  date: "A calendar date (or date and time), such as a birthday",
  list: "Several text values, such as interests",
};

/** Suggests a key from a label: "Lifetime value" → lifetime_value. */
const keyFromLabel = (label: string) =>
  label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+/, "")
    .replace(/_+$/, "")
    .slice(0, 63);

function AddAttributeCard({ onCreated }: { onCreated: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.attributes.create.mutationOptions());
  const [label, setLabel] = useState("");
  const [key, setKey] = useState("");
  const [keyEdited, setKeyEdited] = useState(false);
  const [type, setType] = useState<AttributeType>("text");
  const errors = create.error ? formErrors(create.error, ["key", "label", "type"]) : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      { key, label, type },
      {
        onSuccess: () => {
          setLabel("");
          setKey("");
          setKeyEdited(false);
          setType("text");
          onCreated();
        },
      },
    );
  };

  return (
    <Card>
      <Form onSubmit={onSubmit} noValidate>
        <CardHeader>
          <CardTitle>Add an attribute</CardTitle>
          <CardDescription>
            The key is what imports, segments and merge tags use (<code className="font-mono">{"{{ contact.lifetime_value }}"}</code>); it cannot
            change later, the label can.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {errors?.form && <Alert tone="error">{errors.form}</Alert>}
          <div className="grid gap-4 sm:grid-cols-[1fr_1fr_12rem_auto] sm:items-start">
            <Field label="Label" error={errors?.fields.label}>
              {(control) => (
                <Input
                  {...control}
                  value={label}
                  maxLength={80}
                  placeholder="Lifetime value"
                  onChange={(event) => {
                    setLabel(event.target.value);
                    if (!keyEdited) setKey(keyFromLabel(event.target.value));
                  }}
                />
              )}
            </Field>
            <Field label="Key" error={errors?.fields.key}>
              {(control) => (
                <Input
                  {...control}
                  value={key}
                  maxLength={63}
                  placeholder="lifetime_value"
                  className="font-mono"
                  onChange={(event) => {
                    setKey(event.target.value);
                    setKeyEdited(true);
                  }}
                />
              )}
            </Field>
            <Field label="Type" error={errors?.fields.type} hint={TYPE_HINTS[type]}>
              {(control) => (
                <Select {...control} value={type} onChange={(event) => setType(event.target.value as AttributeType)}>
                  {ATTRIBUTE_TYPES.map((option) => (
                    <option key={option} value={option}>
                      {ATTRIBUTE_TYPE_LABELS[option]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Button type="submit" pending={create.isPending} className="sm:mt-6.5">
              Add attribute
            </Button>
          </div>
        </CardContent>
      </Form>
    </Card>
  );
}

function RenameDialog({ definition, onClose, onSaved }: { definition: Definition | null; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const update = useMutation(trpc.attributes.update.mutationOptions());
  const errors = update.error ? formErrors(update.error, ["label"]) : null;
  const close = () => {
    onClose();
    update.reset();
  };
  return (
    <Dialog open={definition !== null} onClose={close} title="Rename attribute" description={definition ? <>Key <code className="font-mono">{definition.key}</code> stays the same.</> : null}>
      {definition && (
        <Form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const label = String(new FormData(event.currentTarget).get("label") ?? "");
            update.mutate(
              { attributeId: definition.id, label },
              {
                onSuccess: () => {
                  update.reset();
                  onSaved();
                },
              },
            );
          }}
        >
          <div className="space-y-4">
            {errors?.form && <Alert tone="error">{errors.form}</Alert>}
            <Field label="Label" error={errors?.fields.label}>
              {(control) => <Input {...control} name="label" defaultValue={definition.label} maxLength={80} autoFocus />}
            </Field>
          </div>
          <DialogActions>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" pending={update.isPending}>
              Save
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}

export function AttributesEditor({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const definitions = useQuery(trpc.attributes.list.queryOptions());
  const remove = useMutation(trpc.attributes.delete.mutationOptions());
  const [renaming, setRenaming] = useState<Definition | null>(null);
  const [deleting, setDeleting] = useState<Definition | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.attributes.list.queryKey() });

  return (
    <div className="space-y-6">
      <PageHeader
        title="Attributes"
        description="Custom fields every contact can carry, besides email, phone, name, time zone and locale. Values are checked against their type wherever they come from: the app, the API or an import."
      />

      {canEdit && <AddAttributeCard onCreated={refresh} />}

      <Card className="overflow-hidden">
        {definitions.isLoading ? (
          <TableSkeleton columns={4} />
        ) : definitions.error ? (
          <div className="p-5">
            <Alert tone="error">{errorMessage(definitions.error)}</Alert>
          </div>
        ) : !definitions.data?.length ? (
          <p className="px-5 py-10 text-center text-sm text-slate-500">
            No custom attributes yet.{canEdit ? " Add one above, such as a plan, a birthday or a lifetime value." : ""}
          </p>
        ) : (
          <Table aria-label="Attributes">
            <TableHead>
              <tr>
                <TableHeaderCell>Label</TableHeaderCell>
                <TableHeaderCell>Key</TableHeaderCell>
                <TableHeaderCell>Type</TableHeaderCell>
                <TableHeaderCell>Added</TableHeaderCell>
                {canEdit && (
                  <TableHeaderCell>
                    <span className="sr-only">Actions</span>
                  </TableHeaderCell>
                )}
              </tr>
            </TableHead>
            <TableBody>
              {definitions.data.map((definition) => (
                <TableRow key={definition.id}>
                  <TableCell className="font-medium text-slate-900">{definition.label}</TableCell>
                  <TableCell>
                    <code className="font-mono text-[13px] text-slate-700">{definition.key}</code>
                  </TableCell>
                  <TableCell>
                    <Badge>{ATTRIBUTE_TYPE_LABELS[definition.type]}</Badge>
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-slate-500">{formatDate(definition.createdAt)}</TableCell>
                  {canEdit && (
                    <TableCell className="text-right whitespace-nowrap">
                      <Button variant="ghost" size="sm" onClick={() => setRenaming(definition)}>
                        Rename
                      </Button>
                      <Button variant="danger-ghost" size="sm" onClick={() => setDeleting(definition)}>
                        Delete
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>

      <RenameDialog definition={renaming} onClose={() => setRenaming(null)} onSaved={() => {
          setRenaming(null);
          void refresh();
        }} />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        title={`Delete “${deleting?.label ?? ""}”?`}
        description={
          <>
            Every contact’s <code className="font-mono">{deleting?.key}</code> value is removed too, and segments or templates that use it
            will no longer find it. This cannot be undone.
          </>
        }
        confirmLabel="Delete attribute"
        pending={remove.isPending}
        error={remove.error ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
        onConfirm={() =>
          deleting &&
          remove.mutate(
            { attributeId: deleting.id },
            {
              onSuccess: () => {
                setDeleting(null);
                void refresh();
              },
            },
          )
        }
      />
    </div>
  );
}
