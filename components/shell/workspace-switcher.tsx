"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { cn } from "@/lib/cn";
import { openWorkspace } from "@/lib/workspace-cookie";
import { CheckIcon, ChevronUpDownIcon, PlusIcon } from "./icons";
import { useWorkspace } from "./workspace-context";

/** Where to land after switching: the same section, but never a page about one record of the old workspace. */
const landingPath = (pathname: string) => {
  if (pathname.startsWith("/settings")) return pathname;
  const section = pathname.split("/")[1];
  return section ? `/${section}` : "/contacts";
};

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join("") || "?";

export function WorkspaceAvatar({ name, className }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn("flex size-7 shrink-0 items-center justify-center rounded-md bg-slate-800 text-xs font-semibold text-white", className)}
    >
      {initials(name)}
    </span>
  );
}

/**
 * The workspace menu (WAI-ARIA menu button pattern). Switching stores the choice in a cookie and
 * reloads, so every query, cache and server component starts over in the new workspace.
 */
export function WorkspaceSwitcher() {
  const { workspaces, current } = useWorkspace();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [switchingTo, setSwitchingTo] = useState<string | null>(null);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>("[role^=menuitem]") ?? []);

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    if (event.key === "Escape" || event.key === "Tab") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      all[(index + 1) % all.length]?.focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      all[(index - 1 + all.length) % all.length]?.focus();
    } else if (event.key === "Home") {
      event.preventDefault();
      all[0]?.focus();
    } else if (event.key === "End") {
      event.preventDefault();
      all.at(-1)?.focus();
    }
  };

  const choose = (workspaceId: string) => {
    setOpen(false);
    if (workspaceId === current.id) return;
    setSwitchingTo(workspaceId);
    openWorkspace(workspaceId, landingPath(pathname));
  };

  return (
    <div className="relative min-w-0">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Switch workspace (current: ${current.name})`}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
        className="flex max-w-full min-w-0 items-center gap-2.5 rounded-lg py-1.5 pr-2 pl-1.5 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        <WorkspaceAvatar name={current.name} />
        <span className="min-w-0">
          <span className="block truncate text-sm font-semibold text-slate-900">{current.name}</span>
          <span className="block text-xs text-slate-500 capitalize">{switchingTo ? "Switching…" : current.role}</span>
        </span>
        <ChevronUpDownIcon className="size-4 shrink-0 text-slate-400" />
      </button>

      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Workspaces"
          onKeyDown={onMenuKeyDown}
          className="absolute top-full left-0 z-30 mt-1.5 w-72 rounded-xl border border-slate-200 bg-white p-1.5 shadow-lg"
        >
          <p className="px-2.5 pt-1.5 pb-1 text-[11px] font-semibold tracking-wider text-slate-400 uppercase" aria-hidden="true">
            Workspaces
          </p>
          {workspaces.map((workspace) => {
            const selected = workspace.id === current.id;
            return (
              <button
                key={workspace.id}
                type="button"
                role="menuitemradio"
                aria-checked={selected}
                tabIndex={-1}
                onClick={() => choose(workspace.id)}
                className="flex w-full items-center gap-2.5 rounded-lg px-2 py-1.5 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none"
              >
                <WorkspaceAvatar name={workspace.name} className="size-6 text-[10px]" />
                <span className="min-w-0 flex-1 truncate font-medium text-slate-800">{workspace.name}</span>
                <Badge className="capitalize">{workspace.role}</Badge>
                <CheckIcon className={cn("size-4 text-brand-600", !selected && "invisible")} />
              </button>
            );
          })}
          <div role="separator" className="my-1.5 h-px bg-slate-100" />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => {
              setOpen(false);
              setCreating(true);
            }}
            className="flex w-full items-center gap-2.5 rounded-lg px-2 py-1.5 text-left text-sm font-medium text-slate-700 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none"
          >
            <span className="flex size-6 items-center justify-center rounded-md border border-dashed border-slate-300 text-slate-500">
              <PlusIcon className="size-3.5" />
            </span>
            Create workspace
          </button>
        </div>
      )}

      <Dialog
        open={creating}
        onClose={() => setCreating(false)}
        title="Create a workspace"
        description="Each workspace has its own contacts, templates, campaigns, members and API keys."
      >
        <CreateWorkspaceForm
          secondaryAction={
            <Button variant="secondary" onClick={() => setCreating(false)}>
              Cancel
            </Button>
          }
        />
      </Dialog>
    </div>
  );
}
