"use client";

import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { authClient } from "@/lib/auth-client";
import { SignOutIcon } from "./icons";

/** Ends the session and reloads on `to`, so nothing of the previous person stays in memory. */
export function SignOutButton({ to = "/sign-in", label = "Sign out", ...props }: { to?: string; label?: string } & ButtonProps) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      {...props}
      pending={pending}
      onClick={async () => {
        setPending(true);
        try {
          await authClient.signOut();
        } finally {
          window.location.assign(to);
        }
      }}
    >
      {!pending && <SignOutIcon className="size-4" />}
      {label}
    </Button>
  );
}
