import type { Metadata } from "next";
import Link from "next/link";
import { CenteredCard, CenteredPage } from "@/components/shell/centered-page";
import { Alert } from "@/components/ui/alert";
import { withNext } from "@/lib/safe-next";
import { readParam, redirectIfSignedIn } from "../_components/session";
import { SignInForm } from "../_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = await readParam(searchParams, "next");
  const passwordReset = (await readParam(searchParams, "reset")) === "1";
  await redirectIfSignedIn(next);
  return (
    <CenteredPage
      footer={
        <>
          New to Herald?{" "}
          <Link href={withNext("/sign-up", next)} className="font-medium text-brand-600 hover:text-brand-700">
            Create an account
          </Link>
        </>
      }
    >
      <CenteredCard title="Sign in to Herald" description="Welcome back. Enter your email and password.">
        {passwordReset && (
          <Alert tone="success" className="mb-5">
            Your password was changed. Sign in with the new one.
          </Alert>
        )}
        <SignInForm next={next} />
      </CenteredCard>
    </CenteredPage>
  );
}
