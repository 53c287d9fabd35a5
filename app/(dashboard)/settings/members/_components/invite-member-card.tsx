"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { checkEmail } from "@/lib/auth-errors";
import { formErrors } from "@/lib/trpc-errors";
import type { Role } from "@/server/domain/workspaces/roles";
import type { RoleRules } from "./members-settings";
import { Form } from "@/components/ui/form";

const roleLabel = (role: Role) => role.charAt(0).toUpperCase() + role.slice(1);

export function InviteMemberCard({ actorRole, assignableRoles, roleDescriptions }: RoleRules) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invite = useMutation(trpc.invitations.create.mutationOptions());
  const [role, setRole] = useState<Role>(assignableRoles.includes("editor") ? "editor" : assignableRoles[0]!);
  const [emailError, setEmailError] = useState<string | null>(null);
  const [sent, setSent] = useState<{ email: string; role: Role; url: string } | null>(null);
  const errors = invite.error ? formErrors(invite.error, ["email", "role"]) : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const email = String(new FormData(form).get("email") ?? "").trim();
    const problem = checkEmail(email);
    setEmailError(problem ?? null);
    if (problem) return;
    setSent(null);
    invite.mutate(
      { email, role },
      {
        onSuccess: ({ invitation, url }) => {
          setSent({ email: invitation.email, role: invitation.role, url });
          form.reset();
          void queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey() });
        },
      },
    );
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Invite a member</CardTitle>
        <CardDescription>
          They get an email with a link to join; it works for 7 days.
          {actorRole === "owner" && " As an owner you can also appoint other owners to delegate administration."}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        <Form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-[minmax(0,1fr)_12rem_auto] md:items-start">
          <Field label="Email address" error={emailError ?? errors?.fields.email}>
            {(control) => (
              <Input {...control} name="email" type="email" autoComplete="off" placeholder="colleague@example.com" />
            )}
          </Field>
          <Field label="Invite as" error={errors?.fields.role} hint={roleDescriptions[role]}>
            {(control) => (
              <Select {...control} name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
                {assignableRoles.map((option) => (
                  <option key={option} value={option}>
                    {roleLabel(option)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Button type="submit" pending={invite.isPending} className="md:mt-[1.625rem]">
            Send invitation
          </Button>
        </Form>

        {errors?.form && <Alert tone="error">{errors.form}</Alert>}

        {sent && (
          <Alert tone="success" title={`Invitation email sent to ${sent.email}`}>
            <p>
              They will join as {sent.role === "admin" ? "an" : "a"} {sent.role}. You can also share this link with them
              directly; it only works when they sign in as {sent.email}.
            </p>
            <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
              <code
                data-testid="invitation-link"
                className="block min-w-0 flex-1 truncate rounded-md border border-emerald-200 bg-white px-2.5 py-1.5 font-mono text-xs text-slate-800"
                title={sent.url}
              >
                {sent.url}
              </code>
              <CopyButton value={sent.url} label="Copy link" />
            </div>
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
