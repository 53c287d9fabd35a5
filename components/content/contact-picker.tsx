"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useDebounced } from "@/lib/use-debounced";

export type PickedContact = { id: string; label: string };

const labelOf = (contact: { firstName: string | null; lastName: string | null; email: string | null; phone: string | null }) =>
  [contact.firstName, contact.lastName].filter(Boolean).join(" ") || contact.email || contact.phone || "Unnamed contact";

/** Finds a contact to preview with by name, email or phone; the sample person until one is chosen. */
export function ContactPicker({ contact, onChange }: { contact: PickedContact | null; onChange: (contact: PickedContact | null) => void }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const term = useDebounced(search.trim());
  const results = useQuery({ ...trpc.contacts.list.queryOptions({ search: term, limit: 6 }), enabled: term.length > 0 });

  if (contact) {
    return (
      <div className="flex items-center justify-between gap-2 text-sm">
        <span className="min-w-0 truncate">
          Previewing for <strong className="font-medium text-slate-900">{contact.label}</strong>
        </span>
        <Button variant="ghost" size="sm" onClick={() => onChange(null)}>
          Use sample person
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <Input
        type="search"
        aria-label="Preview for contact"
        placeholder="Preview for a contact: search name, email or phone"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {term && results.data && (
        <ul aria-label="Matching contacts" className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {results.data.contacts.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">No contact matches “{term}”</li>}
          {results.data.contacts.map((match) => (
            <li key={match.id}>
              <button
                type="button"
                className="block w-full px-3 py-2 text-left text-sm hover:bg-slate-50"
                onClick={() => {
                  onChange({ id: match.id, label: labelOf(match) });
                  setSearch("");
                }}
              >
                <span className="font-medium text-slate-900">{labelOf(match)}</span>
                {match.email && <span className="ml-2 text-slate-500">{match.email}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
