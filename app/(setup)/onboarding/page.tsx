import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TrpcProvider } from "@/components/providers/trpc";
import { CenteredCard, CenteredPage } from "@/components/shell/centered-page";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { getRequestSession } from "@/lib/server-session";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Create your workspace" };

export default async function OnboardingPage() {
  const session = await getRequestSession();
  if (!session) redirect("/sign-in?next=%2Fonboarding");
  // Only for people without a workspace; everyone else creates more from the workspace switcher.
  const workspaces = await (await serverCaller()).workspaces.list();
  if (workspaces.length > 0) redirect("/contacts");

  return (
    <CenteredPage
      footer={
        <div className="flex flex-wrap items-center justify-center gap-x-2">
          <span>
            Signed in as <strong className="font-medium text-slate-800">{session.user.email}</strong>
          </span>
          <SignOutButton />
        </div>
      }
    >
      <CenteredCard
        title="Create your first workspace"
        description="A workspace holds your contacts, templates, campaigns and team. You will be its owner."
      >
        <TrpcProvider workspaceId={null}>
          <CreateWorkspaceForm />
        </TrpcProvider>
        <p className="mt-6 border-t border-slate-100 pt-5 text-sm text-slate-500">
          Joining a team instead? Open the invitation link from your email to join their workspace.
        </p>
      </CenteredCard>
    </CenteredPage>
  );
}
