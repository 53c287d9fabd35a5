"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { authClient } from "@/lib/auth-client";
import { checkEmail, describeAuthError, NETWORK_ERROR, type AuthFormError } from "@/lib/auth-errors";
import { Form } from "@/components/ui/form";

export function ForgotPasswordForm({ mailCatcherUrl }: { mailCatcherUrl: string | null }) {
  const [errors, setErrors] = useState<AuthFormError>({ fields: {} });
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    const emailError = checkEmail(email);
    if (emailError) {
      setErrors({ fields: { email: emailError } });
      return;
    }
    setErrors({ fields: {} });
    setPending(true);
    try {
      const { error } = await authClient.requestPasswordReset({ email, redirectTo: "/reset-password" });
      if (error) setErrors(describeAuthError(error));
      else setSentTo(email);
    } catch {
      setErrors(NETWORK_ERROR);
    } finally {
      setPending(false);
    }
  };

  if (sentTo) {
    return (
      <div className="space-y-5">
        <Alert tone="success" title="Check your email">
          If an account exists for <strong>{sentTo}</strong>, we sent it a link to choose a new password. The link works
          for one hour.
        </Alert>
        {mailCatcherUrl && (
          <Alert tone="info" title="This Herald runs a local mail catcher">
            Nothing leaves this machine: the email is in the local mail catcher at{" "}
            <a href={mailCatcherUrl} target="_blank" rel="noreferrer" className="font-medium underline">
              {mailCatcherUrl}
            </a>
            .
          </Alert>
        )}
        <Button variant="secondary" className="w-full" onClick={() => setSentTo(null)}>
          Use a different email
        </Button>
      </div>
    );
  }

  return (
    <Form onSubmit={onSubmit} noValidate className="space-y-5">
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <Field label="Email" error={errors.fields.email}>
        {(control) => <Input {...control} name="email" type="email" autoComplete="email" autoFocus />}
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        Send reset link
      </Button>
      <p className="text-center text-sm text-slate-600">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-medium text-brand-600 hover:text-brand-700">
          Back to sign in
        </Link>
      </p>
    </Form>
  );
}
