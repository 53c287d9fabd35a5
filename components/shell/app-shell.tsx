"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { setWorkspaceCookie } from "@/lib/workspace-cookie";
import { CreditsLink } from "./credits-link";
import { CloseIcon, Logo, MenuIcon } from "./icons";
import { SidebarNav } from "./sidebar-nav";
import { SignOutButton } from "./sign-out-button";
import { WorkspaceStateProvider, type ShellState } from "./workspace-context";
import { WorkspaceSwitcher } from "./workspace-switcher";

/**
 * Sidebar, top bar and page frame. On small screens the sidebar becomes a drawer that is only
 * rendered while open, so there is one "Main" navigation in the accessibility tree at a time.
 */
export function AppShell({ state, cookieIsStale, children }: { state: ShellState; cookieIsStale: boolean; children: ReactNode }) {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const pathname = usePathname();
  const { user, current } = state;

  // The cookie named no workspace of this person (or none): remember the one the layout fell back to.
  useEffect(() => {
    if (cookieIsStale) setWorkspaceCookie(current.id);
  }, [cookieIsStale, current.id]);

  useEffect(() => setDrawerOpen(false), [pathname]);

  useEffect(() => {
    if (!drawerOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") setDrawerOpen(false);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [drawerOpen]);

  return (
    <WorkspaceStateProvider value={state}>
      <div className="min-h-full">
        <aside className="fixed inset-y-0 left-0 z-20 hidden w-60 flex-col border-r border-slate-200 bg-white lg:flex">
          <div className="flex h-16 shrink-0 items-center px-5">
            <Logo />
          </div>
          <SidebarNav />
        </aside>

        {drawerOpen && (
          <div className="fixed inset-0 z-40 lg:hidden">
            <div className="absolute inset-0 bg-slate-900/40" onClick={() => setDrawerOpen(false)} aria-hidden="true" />
            <aside className="relative flex h-full w-64 flex-col bg-white shadow-xl">
              <div className="flex h-16 shrink-0 items-center justify-between px-5">
                <Logo />
                <button
                  type="button"
                  onClick={() => setDrawerOpen(false)}
                  className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100"
                  aria-label="Close navigation"
                >
                  <CloseIcon className="size-5" />
                </button>
              </div>
              <SidebarNav onNavigate={() => setDrawerOpen(false)} />
            </aside>
          </div>
        )}

        <div className="lg:pl-60">
          <header className="sticky top-0 z-10 flex h-16 items-center gap-3 border-b border-slate-200 bg-white/90 px-4 backdrop-blur sm:px-6 lg:px-8">
            <button
              type="button"
              onClick={() => setDrawerOpen(true)}
              className="-ml-1 rounded-md p-1.5 text-slate-600 hover:bg-slate-100 lg:hidden"
              aria-label="Open navigation"
            >
              <MenuIcon className="size-5" />
            </button>
            <WorkspaceSwitcher />
            <div className="ml-auto flex items-center gap-3">
              <CreditsLink />
              <div className="hidden text-right sm:block">
                <p className="max-w-56 truncate text-sm font-medium text-slate-900">
                  <span className="sr-only">Signed in as </span>
                  {user.name}
                </p>
                <p className="max-w-56 truncate text-xs text-slate-500">{user.email}</p>
              </div>
              <span
                aria-hidden="true"
                className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700"
              >
                {(user.name || user.email).charAt(0).toUpperCase()}
              </span>
              <SignOutButton />
            </div>
          </header>
          <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 lg:px-8">{children}</main>
        </div>
      </div>
    </WorkspaceStateProvider>
  );
}
