"use client";

import { CloseIcon, PlusIcon } from "@/components/shell/icons";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import type { NodeConfig } from "@/server/domain/journeys/journey-definition";
import { problemAt, withConfig, type NodeFormProps } from "./form-kit";

type Branch = NodeConfig<"split_random">["branches"][number];

const KEYS = "abcdefghij".split("");

/** Shares 100% as evenly as whole numbers allow (34/33/33). */
const evenly = (branches: Branch[]): Branch[] =>
  branches.map((branch, index) => ({ ...branch, percent: Math.floor(100 / branches.length) + (index < 100 % branches.length ? 1 : 0) }));

export function SplitRandomForm({ node, problems, onChange }: NodeFormProps<"split_random">) {
  const { branches } = node.config;
  const total = branches.reduce((sum, branch) => sum + branch.percent, 0);
  const set = (next: Branch[]) => onChange(withConfig(node, { branches: next }));
  const add = () => {
    const key = KEYS.find((k) => !branches.some((b) => b.key === k)) ?? `b${branches.length + 1}`;
    set(evenly([...branches, { key, label: key.toUpperCase(), percent: 0 }]));
  };
  return (
    <div className="space-y-3">
      <ul className="space-y-2" aria-label="Branches">
        {branches.map((branch, index) => (
          <li key={branch.key} className="flex items-center gap-2">
            <Input
              aria-label={`Branch ${index + 1} name`}
              className="flex-1"
              value={branch.label}
              maxLength={60}
              onChange={(event) => set(branches.map((b, i) => (i === index ? { ...b, label: event.target.value } : b)))}
            />
            <div className="relative w-24">
              <Input
                aria-label={`Branch ${index + 1} percent`}
                type="number"
                min={0}
                max={100}
                className="pr-7"
                value={String(branch.percent)}
                onChange={(event) => {
                  const percent = Number(event.target.value);
                  if (event.target.value !== "" && percent >= 0 && percent <= 100) set(branches.map((b, i) => (i === index ? { ...b, percent } : b)));
                }}
              />
              <span className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-slate-400">%</span>
            </div>
            <Button
              variant="ghost"
              size="sm"
              className="px-1.5 text-slate-400"
              aria-label={`Remove branch ${index + 1}`}
              disabled={branches.length <= 2}
              onClick={() => set(branches.filter((_, i) => i !== index))}
            >
              <CloseIcon className="size-4" />
            </Button>
          </li>
        ))}
      </ul>
      <p className={total === 100 ? "text-sm text-slate-500" : "text-sm font-medium text-red-600"} data-testid="split-total">
        Total: {Math.round(total * 100) / 100}%
      </p>
      <FieldError>{problemAt(problems, "config.branches")}</FieldError>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" onClick={add} disabled={branches.length >= 10}>
          <PlusIcon className="size-3.5" />
          Branch
        </Button>
        <Button variant="ghost" size="sm" onClick={() => set(evenly(branches))}>
          Split evenly
        </Button>
      </div>
    </div>
  );
}
