"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { errorMessage, formErrors } from "@/lib/trpc-errors";
import { clearWorkspaceCookie } from "@/lib/workspace-cookie";
import type { Role } from "@/server/domain/workspaces/roles";
import { Form } from "@/components/ui/form";
import { PostalAddressCard } from "./postal-address-card";

type Workspace = { id: string; name: string; slug: string; role: Role };

export function GeneralSettings({
  workspace,
  canRename,
  hasOtherWorkspaces,
}: {
  workspace: Workspace;
  canRename: boolean;
  hasOtherWorkspaces: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const rename = useMutation(trpc.workspaces.rename.mutationOptions());
  const leave = useMutation(trpc.workspaces.leave.mutationOptions());
  const [nameError, setNameError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const renameErrors = rename.error ? formErrors(rename.error, ["name"]) : null;

  const onRename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    setSaved(false);
    if (name.length < 2) {
      setNameError("Workspace name must be at least 2 characters");
      return;
    }
    setNameError(null);
    rename.mutate(
      { name },
      {
        onSuccess: () => {
          setSaved(true);
          // The switcher's name comes from the server layout.
          router.refresh();
        },
      },
    );
  };

  return (
    <div className="space-y-8">
      <Card>
        <Form onSubmit={onRename} noValidate>
          <CardHeader>
            <CardTitle>Workspace</CardTitle>
            <CardDescription>
              {canRename ? "The name everyone in this workspace sees." : "Only admins and owners can rename the workspace."}
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            {renameErrors?.form && <Alert tone="error">{renameErrors.form}</Alert>}
            {saved && <Alert tone="success">Workspace renamed.</Alert>}
            <Field label="Workspace name" error={nameError ?? renameErrors?.fields.name} className="max-w-md">
              {(control) => (
                <Input
                  {...control}
                  name="name"
                  defaultValue={workspace.name}
                  maxLength={80}
                  disabled={!canRename}
                  onChange={() => setSaved(false)}
                />
              )}
            </Field>
            <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
              <dt className="text-slate-500">Your role</dt>
              <dd className="text-slate-900 capitalize">{workspace.role}</dd>
              <dt className="text-slate-500">Workspace ID</dt>
              <dd className="font-mono text-xs leading-5 break-all text-slate-700">{workspace.id}</dd>
            </dl>
          </CardContent>
          {canRename && (
            <CardFooter>
              <Button type="submit" pending={rename.isPending}>
                Save
              </Button>
            </CardFooter>
          )}
        </Form>
      </Card>
      <PostalAddressCard canEdit={canRename} />

      <Card className="border-red-200">
        <CardContent className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
          <div className="space-y-1">
            <CardTitle>Leave workspace</CardTitle>
            <CardDescription>
              You will lose access to {workspace.name} until someone invites you again.
              {workspace.role === "owner" && " If you are its only owner, make someone else an owner first."}
            </CardDescription>
          </div>
          <Button variant="danger" onClick={() => setConfirmLeave(true)}>
            Leave workspace
          </Button>
        </CardContent>
      </Card>

      <ConfirmDialog
        open={confirmLeave}
        onClose={() => {
          setConfirmLeave(false);
          leave.reset();
        }}
        title={`Leave ${workspace.name}?`}
        description={
          hasOtherWorkspaces
            ? "You will be taken to another of your workspaces."
            : "This is your only workspace; you will be asked to create a new one."
        }
        confirmLabel="Leave"
        pending={leave.isPending}
        error={leave.error ? <Alert tone="error">{errorMessage(leave.error)}</Alert> : null}
        onConfirm={() =>
          leave.mutate(
            { workspaceId: workspace.id },
            {
              onSuccess: () => {
                clearWorkspaceCookie();
                window.location.assign("/");
              },
            },
          )
        }
      />
    </div>
  );
}
