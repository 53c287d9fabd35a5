"use client";

import { CloseIcon, PlusIcon } from "@/components/shell/icons";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { cn } from "@/lib/cn";
import type { SegmentGroup, SegmentNode } from "@/server/domain/segments/segment-rules";
import {
  appendNode,
  MAX_DEPTH,
  newAttributeRule,
  newEventRule,
  newGroup,
  newListRule,
  problemsOfGroup,
  problemsOfRule,
  removeNode,
  replaceNode,
  rulePath,
  setCombinator,
  type NodePath,
} from "../_lib/segment-draft";
import { AttributeRuleEditor } from "./attribute-rule-editor";
import { useBuilder } from "./builder-context";
import { EventRuleEditor } from "./event-rule-editor";
import { ListRuleEditor } from "./list-rule-editor";

const KIND_LABEL: Record<SegmentNode["type"], string> = {
  attribute: "Contact",
  list: "List",
  event: "Event",
  engagement: "Engagement",
  group: "Group",
};

/** "value[1]" → "Value 2: …", "where[0].path" → "Property filter 1: …"; a rule's own fields need no label. */
const describeProblem = (part: string, message: string) => {
  const filter = /^where\[(\d+)\]/.exec(part);
  if (filter) return `Property filter ${Number(filter[1]) + 1}: ${message}`;
  const item = /^value\[(\d+)\]$/.exec(part);
  if (item) return `Value ${Number(item[1]) + 1}: ${message}`;
  if (part === "value.from") return `First value: ${message}`;
  if (part === "value.to") return `Second value: ${message}`;
  return message;
};

function CombinatorSwitch({ group, path }: { group: SegmentGroup; path: NodePath }) {
  const { edit, readOnly } = useBuilder();
  return (
    <div role="radiogroup" aria-label="Match" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm shadow-xs">
      {(["and", "or"] as const).map((combinator) => (
        <button
          key={combinator}
          type="button"
          role="radio"
          aria-checked={group.combinator === combinator}
          disabled={readOnly}
          onClick={() => edit((definition) => setCombinator(definition, path, combinator))}
          className={cn(
            "rounded px-2.5 py-1 font-medium transition-colors",
            group.combinator === combinator ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100",
          )}
        >
          {combinator === "and" ? "all" : "any"}
        </button>
      ))}
    </div>
  );
}

function AddButtons({ path, depth }: { path: NodePath; depth: number }) {
  const { edit, options } = useBuilder();
  const add = (node: SegmentNode) => edit((definition) => appendNode(definition, path, node));
  const firstCustom = options.fields.find((field) => !field.builtIn) ?? options.fields[0];
  return (
    <div className="flex flex-wrap gap-1.5">
      <Button variant="secondary" size="sm" onClick={() => add(newAttributeRule(firstCustom))}>
        <PlusIcon className="size-3.5" />
        Contact field
      </Button>
      <Button variant="secondary" size="sm" onClick={() => add(newListRule(options.lists[0]?.id))}>
        <PlusIcon className="size-3.5" />
        List membership
      </Button>
      <Button variant="secondary" size="sm" onClick={() => add(newEventRule(options.eventNames[0]))}>
        <PlusIcon className="size-3.5" />
        Event
      </Button>
      <Button
        variant="ghost"
        size="sm"
        disabled={depth >= MAX_DEPTH}
        title={depth >= MAX_DEPTH ? `Groups nest at most ${MAX_DEPTH} deep` : "A group of rules with its own all/any"}
        onClick={() => add(newGroup(newAttributeRule(firstCustom)))}
      >
        <PlusIcon className="size-3.5" />
        Group
      </Button>
    </div>
  );
}

function RuleRow({ node, path }: { node: Exclude<SegmentNode, SegmentGroup>; path: NodePath }) {
  const { edit, problems, readOnly } = useBuilder();
  const own = problemsOfRule(problems, path);
  const invalid = (part: string) => own.some((problem) => problem.part === part || problem.part.startsWith(`${part}.`) || problem.part.startsWith(`${part}[`));
  const change = (next: SegmentNode) => edit((definition) => replaceNode(definition, path, next));
  return (
    <div
      data-rule-path={rulePath(path)}
      className={cn("rounded-lg border bg-white px-3 py-2.5", own.length ? "border-red-300 bg-red-50/30" : "border-slate-200")}
    >
      <div className="flex items-start gap-3">
        <span className="mt-2 w-16 shrink-0 text-xs font-medium tracking-wide text-slate-400 uppercase">{KIND_LABEL[node.type]}</span>
        <div className="min-w-0 flex-1">
          {node.type === "attribute" ? (
            <AttributeRuleEditor rule={node} onChange={change} invalid={invalid} />
          ) : node.type === "list" ? (
            <ListRuleEditor rule={node} onChange={change} invalid={invalid} />
          ) : node.type === "event" ? (
            <EventRuleEditor rule={node} onChange={change} invalid={invalid} />
          ) : (
            <p className="py-2 text-sm text-slate-600">
              {node.channel === "email" ? "Email" : "SMS"} {node.action} {node.campaignId ? "a campaign" : "any campaign"}
              {node.withinDays ? ` in the last ${node.withinDays} days` : ""}
            </p>
          )}
        </div>
        {!readOnly && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => edit((definition) => removeNode(definition, path))}
            aria-label="Remove rule"
            className="mt-0.5 px-1.5 text-slate-400 hover:text-slate-700"
          >
            <CloseIcon className="size-4" />
          </Button>
        )}
      </div>
      {own.map((problem) => (
        <FieldError key={problem.part}>{describeProblem(problem.part, problem.message)}</FieldError>
      ))}
    </div>
  );
}

export function GroupEditor({ group, path, depth }: { group: SegmentGroup; path: NodePath; depth: number }) {
  const { edit, problems, readOnly } = useBuilder();
  const own = problemsOfGroup(problems, path);
  const nested = path.length > 0;
  return (
    <div
      data-rule-path={rulePath(path)}
      className={cn("space-y-3", nested && "rounded-lg border border-dashed border-slate-300 bg-slate-50/70 p-3", own.length > 0 && "border-red-300")}
    >
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <span>{nested ? "Any contact matching" : "Contacts matching"}</span>
        <CombinatorSwitch group={group} path={path} />
        <span>of these rules</span>
        {nested && !readOnly && (
          <Button
            variant="ghost"
            size="sm"
            className="ml-auto text-slate-500"
            onClick={() => edit((definition) => removeNode(definition, path))}
            aria-label="Remove group"
          >
            <CloseIcon className="size-4" />
            Remove group
          </Button>
        )}
      </div>
      {own.map((message) => (
        <FieldError key={message}>{message}</FieldError>
      ))}
      {group.rules.length === 0 && !nested && (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">
          No rules yet: this segment is every contact in the workspace. Add a rule to narrow it down.
        </p>
      )}
      {group.rules.length > 0 && (
        <ol className="space-y-2">
          {group.rules.map((node, index) => (
            <li key={index}>
              {index > 0 && (
                <div className="mb-2 ml-3 text-xs font-semibold tracking-wide text-brand-700 uppercase">{group.combinator === "and" ? "and" : "or"}</div>
              )}
              {node.type === "group" ? (
                <GroupEditor group={node} path={[...path, index]} depth={depth + 1} />
              ) : (
                <RuleRow node={node} path={[...path, index]} />
              )}
            </li>
          ))}
        </ol>
      )}
      {!readOnly && <AddButtons path={path} depth={depth + 1} />}
    </div>
  );
}
