import type { JourneyNodeOf, JourneyNodeType } from "@/server/domain/journeys/journey-definition";
import type { StepExecutor } from "../step-types";
import { addToList, removeFromList, updateAttribute } from "./contact-actions";
import { branchSegment, exitNode, passThrough, splitRandom, waitDuration, waitForEvent, waitUntil } from "./flow";
import { sendEmailExecutor } from "./send-email";
import { sendSmsExecutor } from "./send-sms";
import { webhookExecutor } from "./webhook";

/**
 * Every node type's executor. The runtime looks a node's type up here; the compiler checks that none is
 * missing. Sends and webhooks live in their own files (the delivery engine's side of journeys).
 */
export const executors: { [T in JourneyNodeType]: StepExecutor<JourneyNodeOf<T>> } = {
  trigger_list_joined: passThrough,
  trigger_segment_entered: passThrough,
  trigger_event: passThrough,
  trigger_date: passThrough,
  trigger_api: passThrough,
  send_email: sendEmailExecutor,
  send_sms: sendSmsExecutor,
  webhook: webhookExecutor,
  update_attribute: updateAttribute,
  add_to_list: addToList,
  remove_from_list: removeFromList,
  wait_duration: waitDuration,
  wait_until: waitUntil,
  wait_for_event: waitForEvent,
  branch_segment: branchSegment,
  split_random: splitRandom,
  exit: exitNode,
};

export const executorFor = (type: JourneyNodeType) => executors[type] as StepExecutor;
