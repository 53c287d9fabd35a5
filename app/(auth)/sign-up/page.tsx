import type { Metadata } from "next";
import Link from "next/link";
import { CenteredCard, CenteredPage } from "@/components/shell/centered-page";
import { withNext } from "@/lib/safe-next";
import { readParam, redirectIfSignedIn } from "../_components/session";
import { SignUpForm } from "../_components/sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = await readParam(searchParams, "next");
  await redirectIfSignedIn(next);
  return (
    <CenteredPage
      footer={
        <>
          Already have an account?{" "}
          <Link href={withNext("/sign-in", next)} className="font-medium text-brand-600 hover:text-brand-700">
            Sign in
          </Link>
        </>
      }
    >
      <CenteredCard title="Create your Herald account" description="Email and SMS marketing you host yourself.">
        <SignUpForm next={next} />
      </CenteredCard>
    </CenteredPage>
  );
}
