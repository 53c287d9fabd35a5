"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { JourneyDefinition, JourneyNode, JourneyNodeOf } from "@/server/domain/journeys/journey-definition";
import type { JourneyProblem } from "@/server/domain/journeys/journey-graph";
import { useEditor } from "../editor-context";
import { NODE_CATALOG } from "../node-catalog";
import { AlertIcon } from "../node-icons";
import { ApiTriggerForm } from "./api-trigger-form";
import { BranchSegmentForm } from "./branch-segment-form";
import { DateTriggerForm } from "./date-trigger-form";
import { EventTriggerForm } from "./event-trigger-form";
import { ExitForm } from "./exit-form";
import { ListForm } from "./list-form";
import { OutputsForm } from "./outputs-form";
import { SegmentTriggerForm } from "./segment-trigger-form";
import { SendEmailForm } from "./send-email-form";
import { SendSmsForm } from "./send-sms-form";
import { SplitRandomForm } from "./split-random-form";
import { UpdateAttributeForm } from "./update-attribute-form";
import { WaitDurationForm } from "./wait-duration-form";
import { WaitForEventForm } from "./wait-for-event-form";
import { WaitUntilForm } from "./wait-until-form";
import { WebhookForm } from "./webhook-form";

const formFor = (node: JourneyNode, problems: JourneyProblem[], onChange: (node: JourneyNode) => void, journeyId: string): ReactNode => {
  // Each case narrows `node`; the form hands back a node of the same type.
  const props = <T extends JourneyNode>(n: T) => ({ node: n as JourneyNodeOf<T["type"]>, problems, onChange: onChange as (node: JourneyNodeOf<T["type"]>) => void });
  switch (node.type) {
    case "trigger_list_joined":
    case "add_to_list":
    case "remove_from_list":
      return <ListForm {...props(node)} />;
    case "trigger_segment_entered":
      return <SegmentTriggerForm {...props(node)} />;
    case "trigger_event":
      return <EventTriggerForm {...props(node)} />;
    case "trigger_date":
      return <DateTriggerForm {...props(node)} />;
    case "trigger_api":
      return <ApiTriggerForm journeyId={journeyId} />;
    case "send_email":
      return <SendEmailForm {...props(node)} />;
    case "send_sms":
      return <SendSmsForm {...props(node)} />;
    case "webhook":
      return <WebhookForm {...props(node)} />;
    case "update_attribute":
      return <UpdateAttributeForm {...props(node)} />;
    case "wait_duration":
      return <WaitDurationForm {...props(node)} />;
    case "wait_until":
      return <WaitUntilForm {...props(node)} />;
    case "wait_for_event":
      return <WaitForEventForm {...props(node)} />;
    case "branch_segment":
      return <BranchSegmentForm {...props(node)} />;
    case "split_random":
      return <SplitRandomForm {...props(node)} />;
    case "exit":
      return <ExitForm {...props(node)} />;
  }
};

/** The side panel for one selected step: what it is, its settings, the problems pinned on it. */
export function NodeForm({
  node,
  definition,
  problems,
  journeyId,
  onDelete,
}: {
  node: JourneyNode;
  definition: JourneyDefinition;
  problems: JourneyProblem[];
  journeyId: string;
  onDelete: () => void;
}) {
  const { updateNode, connectOutput, readOnly } = useEditor();
  const { label, description, Icon } = NODE_CATALOG[node.type];
  // Problems with a setting are shown beside that setting; the rest (connections, reachability) up here.
  const general = problems.filter((problem) => !problem.field?.startsWith("config."));
  return (
    <section aria-label={`${label} settings`} className="space-y-4">
      <header className="flex items-start gap-2.5">
        <Icon className="mt-0.5 size-5 shrink-0 text-slate-500" />
        <div className="min-w-0 flex-1">
          <h2 className="text-base font-semibold text-slate-900">{label}</h2>
          <p className="text-xs text-slate-500">{description}</p>
        </div>
      </header>
      {general.length > 0 && (
        <ul className="space-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700" aria-label="Problems with this step">
          {general.map((problem, index) => (
            <li key={`${problem.code}-${index}`} className="flex gap-1.5">
              <AlertIcon className="mt-0.5 size-4 shrink-0" />
              {problem.message}
            </li>
          ))}
        </ul>
      )}
      <fieldset disabled={readOnly} className="m-0 min-w-0 space-y-4 border-0 p-0">
        {formFor(node, problems, updateNode, journeyId)}
        <OutputsForm
          node={node}
          definition={definition}
          onConnect={(handle, target) => connectOutput(node.id, handle, target)}
          onDisconnect={(handle) => connectOutput(node.id, handle, null)}
        />
      </fieldset>
      {!readOnly && (
        <div className="flex items-center justify-between border-t border-slate-100 pt-3">
          <span className="font-mono text-[10px] text-slate-400">{node.id}</span>
          <Button variant="danger-ghost" size="sm" onClick={onDelete}>
            Delete step
          </Button>
        </div>
      )}
    </section>
  );
}
