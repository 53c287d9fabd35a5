"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/trpc-errors";
import { useDebounced } from "@/lib/use-debounced";
import { contactName, hasName } from "@/components/audience/contact-name";

type Picked = { id: string; label: string };

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`;

/** Find contacts by the start of their email, name or phone and subscribe the chosen ones. */
export function AddMembersDialog({
  listId,
  listName,
  open,
  onClose,
  onAdded,
}: {
  listId: string;
  listName: string;
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}) {
  const trpc = useTRPC();
  const [searchInput, setSearchInput] = useState("");
  const search = useDebounced(searchInput.trim());
  const [picked, setPicked] = useState<Picked[]>([]);
  const [result, setResult] = useState<string | null>(null);
  const contacts = useQuery({
    ...trpc.contacts.list.queryOptions({ search: search || undefined, limit: 20 }),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const add = useMutation(trpc.lists.addMembers.mutationOptions());

  const close = () => {
    onClose();
    setSearchInput("");
    setPicked([]);
    setResult(null);
    add.reset();
  };

  const toggle = (contact: Picked) =>
    setPicked((all) => (all.some((p) => p.id === contact.id) ? all.filter((p) => p.id !== contact.id) : [...all, contact]));

  return (
    <Dialog open={open} onClose={close} title={`Add contacts to ${listName}`} description="Chosen contacts are subscribed; anyone who had left is subscribed again." className="max-w-xl">
      <div className="space-y-4">
        {result && <Alert tone="success">{result}</Alert>}
        {add.error && <Alert tone="error">{errorMessage(add.error)}</Alert>}
        <Input
          type="search"
          value={searchInput}
          onChange={(event) => setSearchInput(event.target.value)}
          placeholder="Search by email, name or +852 phone"
          aria-label="Search contacts"
          autoFocus
        />
        <ul className="h-72 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200" aria-label="Contacts found">
          {contacts.data?.contacts.length === 0 && <li className="px-3 py-6 text-center text-sm text-slate-500">No contacts match.</li>}
          {contacts.data?.contacts.map((contact) => {
            const label = contactName(contact);
            const checked = picked.some((p) => p.id === contact.id);
            const id = `pick-${contact.id}`;
            return (
              <li key={contact.id} className="flex items-center gap-3 px-3 py-2 hover:bg-slate-50">
                <input
                  id={id}
                  type="checkbox"
                  checked={checked}
                  onChange={() => toggle({ id: contact.id, label })}
                  className="size-4 shrink-0 rounded border-slate-300 accent-brand-600"
                />
                <label htmlFor={id} className="min-w-0 flex-1 cursor-pointer text-sm">
                  <span className="block truncate font-medium text-slate-900">{label}</span>
                  {hasName(contact) && <span className="block truncate text-slate-500">{contact.email ?? contact.phone}</span>}
                </label>
              </li>
            );
          })}
        </ul>
        {picked.length > 0 && (
          <p className="text-sm text-slate-600">
            Chosen: {picked.slice(0, 3).map((p) => p.label).join(", ")}
            {picked.length > 3 && ` and ${picked.length - 3} more`}
          </p>
        )}
      </div>
      <DialogActions>
        <Button variant="secondary" onClick={close}>
          {result ? "Done" : "Cancel"}
        </Button>
        <Button
          disabled={picked.length === 0}
          pending={add.isPending}
          onClick={() =>
            add.mutate(
              { listId, contactIds: picked.map((p) => p.id) },
              {
                onSuccess: ({ added, resubscribed, alreadySubscribed }) => {
                  setPicked([]);
                  const summary = [
                    added && `added ${plural(added, "contact")}`,
                    resubscribed && `re-subscribed ${plural(resubscribed, "contact")}`,
                    alreadySubscribed && `${plural(alreadySubscribed, "contact")} already subscribed`,
                  ]
                    .filter(Boolean)
                    .join(", ");
                  setResult(`${summary.charAt(0).toUpperCase()}${summary.slice(1)}.`);
                  onAdded();
                },
              },
            )
          }
        >
          {picked.length ? `Add ${plural(picked.length, "contact")}` : "Add contacts"}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
