import type { Metadata } from "next";
import { connection } from "next/server";
import { CenteredCard, CenteredPage } from "@/components/shell/centered-page";
import { ForgotPasswordForm } from "../_components/forgot-password-form";

export const metadata: Metadata = { title: "Reset your password" };

export default async function ForgotPasswordPage() {
  // Read at request time, not baked in at build time: `npm start` sets it only when it runs the catcher.
  await connection();
  const mailCatcherUrl = process.env.MAIL_CATCHER_URL || null;
  return (
    <CenteredPage>
      <CenteredCard
        title="Reset your password"
        description="Enter the email you signed up with and we will send you a link to choose a new password."
      >
        <ForgotPasswordForm mailCatcherUrl={mailCatcherUrl} />
      </CenteredCard>
    </CenteredPage>
  );
}
