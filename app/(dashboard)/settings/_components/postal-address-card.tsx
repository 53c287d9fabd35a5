"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { formErrors } from "@/lib/trpc-errors";

/** The physical address in every footer ({{ workspace.postal_address }}); anti-spam laws require one. */
export function PostalAddressCard({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const save = useMutation(trpc.workspaces.setPostalAddress.mutationOptions());
  const [saved, setSaved] = useState(false);
  const errors = save.error ? formErrors(save.error, ["postalAddress"]) : null;
  if (!current.data) return null;
  return (
    <Card>
      <Form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const postalAddress = String(new FormData(event.currentTarget).get("postalAddress") ?? "");
          setSaved(false);
          save.mutate(
            { postalAddress },
            {
              onSuccess: () => {
                setSaved(true);
                void queryClient.invalidateQueries({ queryKey: trpc.workspaces.current.queryKey() });
              },
            },
          );
        }}
      >
        <CardHeader>
          <CardTitle>Postal address</CardTitle>
          <CardDescription>Shown in the footer of every marketing email, as CAN-SPAM and similar laws require.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {errors?.form && <Alert tone="error">{errors.form}</Alert>}
          {saved && <Alert tone="success">Address saved.</Alert>}
          <Field label="Address" error={errors?.fields.postalAddress} className="max-w-xl">
            {(control) => (
              <Input
                {...control}
                name="postalAddress"
                defaultValue={current.data.postalAddress ?? ""}
                placeholder="1 Queen's Road Central, Hong Kong"
                maxLength={300}
                disabled={!canEdit}
              />
            )}
          </Field>
        </CardContent>
        {canEdit && (
          <CardFooter>
            <Button type="submit" pending={save.isPending}>
              Save address
            </Button>
          </CardFooter>
        )}
      </Form>
    </Card>
  );
}
