import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { TrpcProvider } from "@/components/providers/trpc";
import { CenteredCard, CenteredPage } from "@/components/shell/centered-page";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { getRequestSession } from "@/lib/server-session";
import { ROLE_DESCRIPTIONS } from "@/server/domain/workspaces/roles";
import { serverCaller } from "@/server/trpc/server-caller";
import { AcceptInvitationButton } from "./_components/accept-invitation-button";

export const metadata: Metadata = { title: "Accept invitation" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 py-2.5 sm:flex-row sm:gap-4">
      <dt className="w-32 shrink-0 text-sm text-slate-500">{label}</dt>
      <dd className="min-w-0 text-sm font-medium break-words text-slate-900">{children}</dd>
    </div>
  );
}

export default async function AcceptInvitationPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;
  const next = encodeURIComponent(here);

  if (!token) {
    return (
      <CenteredPage>
        <CenteredCard title="Invitation link incomplete">
          <Alert tone="error">This link has no invitation in it. Open it again from the email, or ask for a new invitation.</Alert>
        </CenteredCard>
      </CenteredPage>
    );
  }

  const session = await getRequestSession();
  if (!session) {
    // Without a session the invitation cannot be previewed (the link alone should reveal nothing).
    return (
      <CenteredPage>
        <CenteredCard
          title="You have been invited to Herald"
          description="Sign in, or create an account with the address the invitation was sent to, to see and accept it."
        >
          <div className="space-y-3">
            <Link href={`/sign-up?next=${next}`} className={buttonClasses({ className: "w-full" })}>
              Create an account
            </Link>
            <Link href={`/sign-in?next=${next}`} className={buttonClasses({ variant: "secondary", className: "w-full" })}>
              Sign in
            </Link>
          </div>
        </CenteredCard>
      </CenteredPage>
    );
  }

  let preview: Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["invitations"]["preview"]>> | null = null;
  let failure: string | null = null;
  try {
    preview = await (await serverCaller()).invitations.preview({ token });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    failure = error.message;
  }

  const signedInAs = (
    <div className="flex flex-wrap items-center justify-center gap-x-2">
      <span>
        Signed in as <strong className="font-medium text-slate-800">{session.user.email}</strong>
      </span>
      <SignOutButton to={`/sign-in?next=${next}`} label="Use another account" />
    </div>
  );

  if (!preview) {
    return (
      <CenteredPage footer={signedInAs}>
        <CenteredCard title="This invitation cannot be used">
          <Alert tone="error">{failure ?? "This invitation link is not valid"}</Alert>
          <Link href="/" className={buttonClasses({ variant: "secondary", className: "mt-5 w-full" })}>
            Go to Herald
          </Link>
        </CenteredCard>
      </CenteredPage>
    );
  }

  const wrongAccount = preview.email !== session.user.email.toLowerCase();
  const problem =
    preview.problem ??
    (wrongAccount
      ? `This invitation was sent to ${preview.email}, but you are signed in as ${session.user.email}. Sign in with ${preview.email} to accept it.`
      : null);

  return (
    <CenteredPage footer={signedInAs}>
      <CenteredCard title={`Join ${preview.workspaceName}`} description="You have been invited to a workspace on Herald.">
        <dl className="mb-6 divide-y divide-slate-100 rounded-lg border border-slate-200 px-4">
          <Detail label="Workspace">{preview.workspaceName}</Detail>
          <Detail label="Role">
            <span className="capitalize">{preview.role}</span>
            <span className="mt-0.5 block text-xs font-normal text-slate-500">{ROLE_DESCRIPTIONS[preview.role]}</span>
          </Detail>
          <Detail label="Invited address">{preview.email}</Detail>
          {!preview.problem && <Detail label="Valid until">{dateFormat.format(preview.expiresAt)}</Detail>}
        </dl>
        {problem ? (
          <div className="space-y-4">
            <Alert tone="error">{problem}</Alert>
            {wrongAccount && !preview.problem ? (
              <SignOutButton
                to={`/sign-in?next=${next}`}
                label={`Sign in as ${preview.email}`}
                variant="primary"
                size="md"
                className="w-full"
              />
            ) : (
              <Link href="/" className={buttonClasses({ variant: "secondary", className: "w-full" })}>
                Go to Herald
              </Link>
            )}
          </div>
        ) : (
          <TrpcProvider workspaceId={null}>
            <AcceptInvitationButton token={token} workspaceName={preview.workspaceName} />
          </TrpcProvider>
        )}
      </CenteredCard>
    </CenteredPage>
  );
}
