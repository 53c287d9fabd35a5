"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "@/server/domain/workspaces/roles";

export type ShellUser = { id: string; name: string; email: string };
export type ShellWorkspace = { id: string; name: string; slug: string; role: Role };
/** `instanceAdmin`: may see the pages that serve every workspace (sending nodes). */
export type ShellState = { user: ShellUser; workspaces: ShellWorkspace[]; current: ShellWorkspace; instanceAdmin: boolean };

const WorkspaceContext = createContext<ShellState | null>(null);

/** The signed-in person, their workspaces and the current one, as resolved by the dashboard layout. */
export function WorkspaceStateProvider({ value, children }: { value: ShellState; children: ReactNode }) {
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export const useWorkspace = () => {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error("useWorkspace must be used inside the dashboard layout");
  return value;
};
