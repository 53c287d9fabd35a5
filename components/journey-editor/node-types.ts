import type { NodeTypes } from "@xyflow/react";
import type { JourneyNodeType } from "@/server/domain/journeys/journey-definition";
import { AddToListNode } from "./nodes/add-to-list-node";
import { BranchSegmentNode } from "./nodes/branch-segment-node";
import { ExitNode } from "./nodes/exit-node";
import { RemoveFromListNode } from "./nodes/remove-from-list-node";
import { SendEmailNode } from "./nodes/send-email-node";
import { SendSmsNode } from "./nodes/send-sms-node";
import { SplitRandomNode } from "./nodes/split-random-node";
import { TriggerApiNode } from "./nodes/trigger-api-node";
import { TriggerDateNode } from "./nodes/trigger-date-node";
import { TriggerEventNode } from "./nodes/trigger-event-node";
import { TriggerListJoinedNode } from "./nodes/trigger-list-joined-node";
import { TriggerSegmentEnteredNode } from "./nodes/trigger-segment-entered-node";
import { UpdateAttributeNode } from "./nodes/update-attribute-node";
import { WaitDurationNode } from "./nodes/wait-duration-node";
import { WaitForEventNode } from "./nodes/wait-for-event-node";
import { WaitUntilNode } from "./nodes/wait-until-node";
import { WebhookNode } from "./nodes/webhook-node";

/** One component per node type; defined once at module level, as React Flow asks (a new object each render remounts every node). */
export const nodeTypes = {
  trigger_list_joined: TriggerListJoinedNode,
  trigger_segment_entered: TriggerSegmentEnteredNode,
  trigger_event: TriggerEventNode,
  trigger_date: TriggerDateNode,
  trigger_api: TriggerApiNode,
  send_email: SendEmailNode,
  send_sms: SendSmsNode,
  webhook: WebhookNode,
  update_attribute: UpdateAttributeNode,
  add_to_list: AddToListNode,
  remove_from_list: RemoveFromListNode,
  wait_duration: WaitDurationNode,
  wait_until: WaitUntilNode,
  wait_for_event: WaitForEventNode,
  branch_segment: BranchSegmentNode,
  split_random: SplitRandomNode,
  exit: ExitNode,
} satisfies Record<JourneyNodeType, NodeTypes[string]>;
