"use client";

import Link from "next/link";
import type { ListRule } from "@/server/domain/segments/segment-rules";
import { useBuilder } from "./builder-context";
import { RowSelect } from "./value-inputs";

export function ListRuleEditor({
  rule,
  onChange,
  invalid,
}: {
  rule: ListRule;
  onChange: (rule: ListRule) => void;
  invalid: (part: string) => boolean;
}) {
  const { options, readOnly } = useBuilder();
  const known = options.lists.some((list) => list.id === rule.listId);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <RowSelect
        aria-label="Membership"
        value={rule.operator}
        disabled={readOnly}
        onChange={(operator) => onChange({ ...rule, operator: operator as ListRule["operator"] })}
      >
        <option value="in">is a member of</option>
        <option value="not_in">is not a member of</option>
      </RowSelect>
      {options.lists.length === 0 ? (
        <span className="text-sm text-slate-500">
          This workspace has no lists yet.{" "}
          <Link href="/lists" className="font-medium text-brand-600 hover:underline">
            Create one
          </Link>
        </span>
      ) : (
        <RowSelect
          aria-label="List"
          value={rule.listId}
          disabled={readOnly}
          aria-invalid={invalid("listId") || undefined}
          className="max-w-64"
          onChange={(listId) => onChange({ ...rule, listId })}
        >
          {!known && <option value={rule.listId}>{rule.listId ? "A list that no longer exists" : "Choose a list"}</option>}
          {options.lists.map((list) => (
            <option key={list.id} value={list.id}>
              {list.name}
            </option>
          ))}
        </RowSelect>
      )}
      <RowSelect
        aria-label="Membership status"
        value={rule.status}
        disabled={readOnly}
        onChange={(status) => onChange({ ...rule, status: status as ListRule["status"] })}
      >
        <option value="subscribed">as a subscriber</option>
        <option value="any">with any status</option>
      </RowSelect>
    </div>
  );
}
