import type { ReactNode } from "react";
import { TrpcProvider } from "@/components/providers/trpc";
import { AppShell } from "@/components/shell/app-shell";
import { loadDashboardState } from "./_lib/current-workspace";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { user, workspaces, current, instanceAdmin, cookieIsStale } = await loadDashboardState();
  return (
    // Keyed by workspace so switching never reuses a query cache filled for another workspace.
    <TrpcProvider key={current.id} workspaceId={current.id}>
      <AppShell state={{ user, workspaces, current, instanceAdmin }} cookieIsStale={cookieIsStale}>
        {children}
      </AppShell>
    </TrpcProvider>
  );
}
