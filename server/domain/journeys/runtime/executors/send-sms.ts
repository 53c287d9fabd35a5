import type { JourneyNodeOf } from "@/server/domain/journeys/journey-definition";
import type { StepExecutor } from "../step-types";

/**
 * Placeholder written by the runtime so the executor registry (./index.ts) typechecks; the delivery
 * helper owns this file and replaces it. Contract: export `sendSmsExecutor` with this type. Until then runs
 * wait here (checked again every 15 minutes) instead of skipping the message.
 */
export const sendSmsExecutor: StepExecutor<JourneyNodeOf<"send_sms">> = async ({ items, now }) =>
  new Map(items.map((item) => [item.stateId, { kind: "retry", at: new Date(now.getTime() + 15 * 60_000), outcome: "deferred", detail: { reason: "send_sms is not available yet" } }]));
