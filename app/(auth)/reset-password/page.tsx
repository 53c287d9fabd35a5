import type { Metadata } from "next";
import Link from "next/link";
import { CenteredCard, CenteredPage } from "@/components/shell/centered-page";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { readParam } from "../_components/session";
import { ResetPasswordForm } from "../_components/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const token = await readParam(searchParams, "token");
  const error = await readParam(searchParams, "error");
  // better-auth redirects here with ?error=INVALID_TOKEN when the emailed link is unknown or expired.
  const usable = token && !error;
  return (
    <CenteredPage>
      <CenteredCard title="Choose a new password" description={usable ? "Signing in again will be needed on every device." : undefined}>
        {usable ? (
          <ResetPasswordForm token={token} />
        ) : (
          <div className="space-y-5">
            <Alert tone="error" title="This reset link cannot be used">
              {error === "INVALID_TOKEN"
                ? "It has expired or was already used. Reset links work once, for one hour."
                : "The link is incomplete. Open it again from the email, or ask for a new one."}
            </Alert>
            <Link href="/forgot-password" className={buttonClasses({ className: "w-full" })}>
              Request a new link
            </Link>
          </div>
        )}
      </CenteredCard>
    </CenteredPage>
  );
}
