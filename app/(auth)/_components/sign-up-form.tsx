"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { authClient } from "@/lib/auth-client";
import {
  checkEmail,
  checkNewPassword,
  describeAuthError,
  NETWORK_ERROR,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type AuthFormError,
} from "@/lib/auth-errors";
import { safeNextPath, withNext } from "@/lib/safe-next";
import { Form } from "@/components/ui/form";

export function SignUpForm({ next }: { next?: string }) {
  const [errors, setErrors] = useState<AuthFormError>({ fields: {} });
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const fields = {
      name: name ? undefined : "Enter your name",
      email: checkEmail(email),
      password: checkNewPassword(password),
    };
    if (fields.name || fields.email || fields.password) {
      setErrors({ fields });
      return;
    }
    setErrors({ fields: {} });
    setPending(true);
    try {
      const { error } = await authClient.signUp.email({ name, email, password });
      if (error) {
        setErrors(describeAuthError(error));
        setPending(false);
        return;
      }
      // Signed in already; a new account has no workspace, so the dashboard sends it to onboarding.
      window.location.assign(safeNextPath(next));
    } catch {
      setErrors(NETWORK_ERROR);
      setPending(false);
    }
  };

  const emailTaken = errors.fields.email === "An account with this email already exists";
  return (
    <Form onSubmit={onSubmit} noValidate className="space-y-5">
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <Field label="Name" error={errors.fields.name}>
        {(control) => <Input {...control} name="name" autoComplete="name" autoFocus maxLength={120} />}
      </Field>
      <Field label="Email" error={errors.fields.email}>
        {(control) => <Input {...control} name="email" type="email" autoComplete="email" />}
      </Field>
      {emailTaken && (
        <p className="-mt-3 text-sm text-slate-600">
          <Link href={withNext("/sign-in", next)} className="font-medium text-brand-600 hover:text-brand-700">
            Sign in instead
          </Link>{" "}
          or{" "}
          <Link href="/forgot-password" className="font-medium text-brand-600 hover:text-brand-700">
            reset your password
          </Link>
          .
        </p>
      )}
      <Field label="Password" hint={`At least ${PASSWORD_MIN_LENGTH} characters.`} error={errors.fields.password}>
        {(control) => (
          <Input {...control} name="password" type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />
        )}
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        Create account
      </Button>
    </Form>
  );
}
