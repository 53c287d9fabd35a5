"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { authClient } from "@/lib/auth-client";
import {
  checkNewPassword,
  describeAuthError,
  NETWORK_ERROR,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type AuthFormError,
} from "@/lib/auth-errors";
import { Form } from "@/components/ui/form";

type ResetErrors = { form?: string; fields: { password?: string; confirm?: string } };

export function ResetPasswordForm({ token }: { token: string }) {
  const [errors, setErrors] = useState<ResetErrors>({ fields: {} });
  const [pending, setPending] = useState(false);
  const [tokenInvalid, setTokenInvalid] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    const fields = {
      password: checkNewPassword(password),
      confirm: password === confirm ? undefined : "The two passwords do not match",
    };
    if (fields.password || fields.confirm) {
      setErrors({ fields });
      return;
    }
    setErrors({ fields: {} });
    setPending(true);
    try {
      const { error } = await authClient.resetPassword({ newPassword: password, token });
      if (error) {
        if (error.code === "INVALID_TOKEN") setTokenInvalid(true);
        const described: AuthFormError = describeAuthError(error);
        setErrors({ form: described.form, fields: { password: described.fields.password } });
        setPending(false);
        return;
      }
      // Resetting signs every session out, this one included, so the next step is signing in.
      window.location.assign("/sign-in?reset=1");
    } catch {
      setErrors({ form: NETWORK_ERROR.form, fields: {} });
      setPending(false);
    }
  };

  return (
    <Form onSubmit={onSubmit} noValidate className="space-y-5">
      {errors.form && (
        <Alert tone="error">
          {errors.form}
          {tokenInvalid && (
            <>
              {" "}
              <Link href="/forgot-password" className="font-medium underline">
                Request a new link
              </Link>
            </>
          )}
        </Alert>
      )}
      <Field label="New password" hint={`At least ${PASSWORD_MIN_LENGTH} characters.`} error={errors.fields.password}>
        {(control) => (
          <Input {...control} name="password" type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} autoFocus />
        )}
      </Field>
      <Field label="Confirm password" error={errors.fields.confirm}>
        {(control) => <Input {...control} name="confirm" type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />}
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        Set new password
      </Button>
    </Form>
  );
}
