import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import { durationSeconds, type JourneyNodeOf } from "@/server/domain/journeys/journey-definition";
import { compileSegmentWhere } from "@/server/domain/segments/compile-segment";
import { prepareSegmentDefinition } from "@/server/domain/segments/prepare-segment-definition";
import { nextLocalTime, validTimeZone } from "../local-time";
import { keyText, readPath } from "../property-filters";
import { bookkeeping, eventScope, isWaitingHere, withBookkeeping } from "../run-context";
import type { StepExecutor, StepItem, StepOutcome } from "../step-types";

const each = (items: StepItem[], outcome: (item: StepItem) => StepOutcome) => new Map(items.map((item) => [item.stateId, outcome(item)]));

/** Triggers only let the run through: entering was decided before the run existed. */
export const passThrough: StepExecutor = async ({ items }) => each(items, () => ({ kind: "next", handle: "next", outcome: "entered" }));

/**
 * The shared shape of timed waits: on arrival remember the wait in the context and sleep until
 * `until`; woken at or after it, leave through `handle`. A run woken early (a lease that expired, a
 * paused journey's recheck) just goes back to sleep until the same moment.
 */
const timedWait = (item: StepItem, nodeId: string, now: Date, until: () => Date, extra: Partial<Extract<StepOutcome, { kind: "wait" }>> = {}): StepOutcome => {
  if (isWaitingHere(item.context, nodeId, item.stepNo)) {
    const at = bookkeeping(item.context).wait?.until;
    const due = at ? new Date(at) : now;
    if (due.getTime() <= now.getTime()) return { kind: "next", handle: "next", outcome: "waited" };
    return { kind: "wait", until: due, outcome: "waiting", ...extra };
  }
  const due = until();
  return {
    kind: "wait",
    until: due,
    outcome: "waiting",
    detail: { until: due.toISOString() },
    context: withBookkeeping(item.context, { wait: { node: nodeId, step: item.stepNo, until: due.toISOString() } }),
    ...extra,
  };
};

export const waitDuration: StepExecutor<JourneyNodeOf<"wait_duration">> = async ({ node, items, now }) => {
  const seconds = durationSeconds(node.config);
  if (seconds === 0) return each(items, () => ({ kind: "next", handle: "next", outcome: "waited" }));
  return each(items, (item) => timedWait(item, node.id, now, () => new Date(now.getTime() + seconds * 1000)));
};

/** The next time of day on an allowed weekday in the contact's timezone (UTC when it is unknown). */
export const waitUntil: StepExecutor<JourneyNodeOf<"wait_until">> = async ({ node, items, now }) =>
  each(items, (item) =>
    timedWait(item, node.id, now, () => nextLocalTime(now, validTimeZone(item.contact.timezone), node.config.time, node.config.weekdays)),
  );

/**
 * Waits for the event (indexed by journey_states.wait_event/wait_key, matched at ingest, see
 * match-events.ts) until the timeout. With matchKey, the key is the triggering event's property as
 * text; when the triggering data has no such property the run waits for any such event (null key).
 */
export const waitForEvent: StepExecutor<JourneyNodeOf<"wait_for_event">> = async ({ node, items, now }) => {
  const { matchKey, timeout } = node.config;
  const eventName = node.config.eventName.trim();
  return each(items, (item) => {
    if (isWaitingHere(item.context, node.id, item.stepNo)) {
      const { matched, wait } = bookkeeping(item.context);
      if (matched) return { kind: "next", handle: "event", outcome: "matched", detail: { event: matched.event, matchedAt: matched.at } };
      const until = wait?.until ? new Date(wait.until) : now;
      if (until.getTime() <= now.getTime()) return { kind: "next", handle: "timeout", outcome: "timed_out" };
      // Woken early: sleep again, still findable by the event.
      const key = matchKey ? keyText(readPath(eventScope(item.context), matchKey)) : null;
      return { kind: "wait", until, waitEvent: eventName, waitKey: key, outcome: "waiting" };
    }
    const key = matchKey ? keyText(readPath(eventScope(item.context), matchKey)) : null;
    const until = new Date(now.getTime() + durationSeconds(timeout) * 1000);
    return {
      kind: "wait",
      until,
      waitEvent: eventName,
      waitKey: key,
      outcome: "waiting",
      detail: { event: eventName, until: until.toISOString(), ...(matchKey ? { matchKey, key } : {}) },
      context: withBookkeeping(item.context, { wait: { node: node.id, step: item.stepNo, until: until.toISOString() } }),
    };
  });
};

/** One query for the whole batch: which of these contacts match the rules now. */
export const branchSegment: StepExecutor<JourneyNodeOf<"branch_segment">> = async ({ journey, node, items, now }) => {
  let matching: Set<string>;
  try {
    const definition = await prepareSegmentDefinition({ workspaceId: journey.workspaceId, definition: node.config.definition });
    const where = compileSegmentWhere(definition, { workspaceId: journey.workspaceId, now });
    const rows = await db.execute<{ id: string }>(sql`
      select c.id from contacts c where c.id = any(${sql.param(items.map((item) => item.contactId))}::uuid[]) and ${where}`);
    matching = new Set(rows.map((row) => row.id));
  } catch (error) {
    // Rules that no longer compile (an attribute deleted since publishing): everyone takes "no", and the timeline says why.
    const reason = error instanceof Error ? error.message : String(error);
    return each(items, () => ({ kind: "next", handle: "no", outcome: "branched", detail: { branch: "no", error: reason } }));
  }
  return each(items, (item) => {
    const branch = matching.has(item.contactId) ? "yes" : "no";
    return { kind: "next", handle: branch, outcome: "branched", detail: { branch } };
  });
};

/** A number in [0, 100) from (run, node): a retried step takes the same branch. */
export const splitPoint = (stateId: number, nodeId: string) => {
  const digest = createHash("sha256").update(`${stateId}:${nodeId}`).digest();
  return (digest.readUInt32BE(0) / 2 ** 32) * 100;
};

export const splitRandom: StepExecutor<JourneyNodeOf<"split_random">> = async ({ node, items }) => {
  const { branches } = node.config;
  return each(items, (item) => {
    const point = splitPoint(item.stateId, node.id);
    let cumulative = 0;
    let chosen = branches[branches.length - 1]!;
    for (const branch of branches) {
      cumulative += branch.percent;
      if (point < cumulative) {
        chosen = branch;
        break;
      }
    }
    return { kind: "next", handle: chosen.key, outcome: "branched", detail: { branch: chosen.key } };
  });
};

export const exitNode: StepExecutor<JourneyNodeOf<"exit">> = async ({ node, items }) =>
  each(items, () =>
    node.config.goal ? { kind: "exit", reason: "goal", outcome: "goal", detail: { goal: true } } : { kind: "exit", reason: "exit", outcome: "exited" },
  );
