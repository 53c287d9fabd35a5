"use client";

// Same name as WORKSPACE_COOKIE in server/trpc/context.ts; duplicated because that module is server-only.
const WORKSPACE_COOKIE = "herald_workspace";
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/**
 * Remembers the workspace chosen in the switcher. It is only a preference: the server checks
 * membership on every request, and the dashboard falls back to the first workspace otherwise.
 */
export const setWorkspaceCookie = (workspaceId: string) => {
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${WORKSPACE_COOKIE}=${encodeURIComponent(workspaceId)}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure}`;
};

export const clearWorkspaceCookie = () => {
  document.cookie = `${WORKSPACE_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
};

/** A full load rather than a client navigation, so no query cached for the old workspace survives. */
export const openWorkspace = (workspaceId: string, path = "/contacts") => {
  setWorkspaceCookie(workspaceId);
  window.location.assign(path);
};
