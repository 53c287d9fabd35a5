"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { authClient } from "@/lib/auth-client";
import { checkEmail, describeAuthError, NETWORK_ERROR, type AuthFormError } from "@/lib/auth-errors";
import { safeNextPath } from "@/lib/safe-next";
import { Form } from "@/components/ui/form";

export function SignInForm({ next }: { next?: string }) {
  const [errors, setErrors] = useState<AuthFormError>({ fields: {} });
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const fields = { email: checkEmail(email), password: password ? undefined : "Enter your password" };
    if (fields.email || fields.password) {
      setErrors({ fields });
      return;
    }
    setErrors({ fields: {} });
    setPending(true);
    try {
      const { error } = await authClient.signIn.email({ email, password });
      if (error) {
        setErrors(describeAuthError(error));
        setPending(false);
        return;
      }
      // A full load, so the server renders the dashboard with the new session cookie.
      window.location.assign(safeNextPath(next));
    } catch {
      setErrors(NETWORK_ERROR);
      setPending(false);
    }
  };

  return (
    <Form onSubmit={onSubmit} noValidate className="space-y-5">
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <Field label="Email" error={errors.fields.email}>
        {(control) => <Input {...control} name="email" type="email" autoComplete="email" autoFocus />}
      </Field>
      <Field
        label="Password"
        error={errors.fields.password}
        labelAside={
          <Link href="/forgot-password" className="text-sm font-medium text-brand-600 hover:text-brand-700">
            Forgot your password?
          </Link>
        }
      >
        {(control) => <Input {...control} name="password" type="password" autoComplete="current-password" />}
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        Sign in
      </Button>
    </Form>
  );
}
