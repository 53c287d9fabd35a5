import { db } from "@/server/db/client";
import { isTrigger, type JourneyNode } from "@/server/domain/journeys/journey-definition";
import { logger } from "@/server/logger";
import { claimDueRuns, type ClaimedRun } from "./claim-runs";
import { executorFor } from "./executors";
import { bookkeeping, isWaitingHere, leavingNode, withBookkeeping } from "./run-context";
import type { StepItem, StepJourney, StepOutcome } from "./step-types";
import { loadVersions, nextNodeId, reachableFrom, type RuntimeVersion } from "./version-cache";
import { writeOutcomes, type RunWrite, type StatWrite, type StepWrite } from "./write-outcomes";

export type AdvanceOptions = {
  now?: Date;
  batchSize?: number;
  /** How many nodes one run may pass in one batch before it is written and queued again. */
  maxHops?: number;
  leaseSeconds?: number;
  /** Only this workspace's runs (tests; the worker advances everyone's). */
  workspaceId?: string;
  /** Only the fast lane: runs an event has just matched or a goal ended (and runs half an hour overdue). */
  fastOnly?: boolean;
};

export type AdvanceResult = { claimed: number; written: number; transitions: number };

/** A paused journey's runs are looked at again this often (they resume within this delay). */
export const PAUSED_RECHECK_MS = 60_000;
/** Runs this overdue form the fast lane (match-events marks matched runs due an hour ago). */
export const PRIORITY_LAG_MS = 30 * 60_000;
const MAX_STEP_ERRORS = 5;

export const defaultLeaseSeconds = () => Number(process.env.JOURNEY_LEASE_SECONDS ?? 120);

type Live = {
  run: ClaimedRun;
  /** Nodes passed in this batch. */
  hops: number;
  nodeId: string;
  stepNo: number;
  context: Record<string, unknown>;
  write: RunWrite | null;
};

/**
 * One batch: claim due runs, run each group of runs sitting on the same (version, node) through that
 * node's executor, follow the edges, and keep going in memory while runs pass instant nodes (up to
 * maxHops), then write every run's new state, its steps and the node counters in one statement.
 * Nothing is written before the end, so a crash replays the whole batch from the claimed positions:
 * every step's effects are idempotent per (run, node, step_no) (sends through journey_sends), and a
 * split takes the same branch on replay.
 */
export const advanceBatch = async (options: AdvanceOptions = {}): Promise<AdvanceResult> => {
  const now = options.now ?? new Date();
  const t0 = performance.now();
  const timing: string[] = [];
  const maxHops = options.maxHops ?? 20;
  const claim = { now, limit: options.batchSize ?? 500, leaseSeconds: options.leaseSeconds ?? defaultLeaseSeconds(), workspaceId: options.workspaceId };
  // The fast lane first: runs an event has just matched (or a goal ended) are marked due an hour ago,
  // and go in a batch of their own so they do not wait behind a batch of long steps (sends).
  // The normal lane stops short of it, so a run matched between the two claims still goes the fast way.
  const lane = new Date(now.getTime() - PRIORITY_LAG_MS);
  let claimed = await claimDueRuns(db, { ...claim, dueBy: lane });
  if (!claimed.length && !options.fastOnly) claimed = await claimDueRuns(db, { ...claim, dueAfter: lane });
  if (!claimed.length) return { claimed: 0, written: 0, transitions: 0 };
  timing.push(`claim ${Math.round(performance.now() - t0)}`);
  const versions = await loadVersions(db, claimed.map((run) => run.versionId));
  const live: Live[] = claimed.map((run) => ({ run, hops: 0, nodeId: run.nodeId, stepNo: run.stepNo, context: run.context, write: null }));
  const steps: StepWrite[] = [];
  const stats: StatWrite[] = [];
  let seq = 0;

  const step = (l: Live, node: { id: string; type: string }, outcome: string, detail?: Record<string, unknown>) =>
    steps.push({
      state_id: l.run.id,
      workspace_id: l.run.workspaceId,
      journey_id: l.run.journeyId,
      contact_id: l.run.contactId,
      node_id: node.id,
      node_type: node.type,
      outcome,
      detail: detail ?? null,
      seq: seq++,
    });
  const stat = (l: Live, nodeId: string, entered: number, left: number) =>
    stats.push({ state_id: l.run.id, journey_id: l.run.journeyId, node_id: nodeId, entered, left });
  const finish = (l: Live, status: RunWrite["status"], reason: string) => {
    l.write = base(l, { status, exit_reason: reason, finished: true, wake_at: null });
  };
  const stay = (l: Live, patch: Partial<RunWrite>) => {
    l.write = base(l, patch);
  };

  for (let round = 0; round < maxHops * 4; round++) {
    const pending = live.filter((l) => !l.write && l.hops < maxHops);
    if (!pending.length) break;
    const groups = new Map<string, Live[]>();
    for (const l of pending) {
      const key = `${l.run.versionId}\u0000${l.nodeId}`;
      const group = groups.get(key);
      if (group) group.push(l);
      else groups.set(key, [l]);
    }
    // A node that other runs of this batch can still reach waits for them, so its executor runs once
    // for all of them (a send node after a branch gets one batch, not one per path). In a cycle every
    // group can reach another: then all run.
    const ready = [...groups.values()].filter((group) => {
      const { versionId } = group[0]!.run;
      const version = versions.get(versionId);
      if (!version) return true;
      return ![...groups.values()].some(
        (other) => other !== group && other[0]!.run.versionId === versionId && reachableFrom(version, other[0]!.nodeId).has(group[0]!.nodeId),
      );
    });
    await Promise.all(
      (ready.length ? ready : [...groups.values()]).map(async (group) => {
        const first = group[0]!.run;
        const version = versions.get(first.versionId);
        const node = version?.nodes.get(group[0]!.nodeId);
        if (!version || !node) {
          for (const l of group) {
            step(l, { id: l.nodeId, type: "unknown" }, "failed", { error: "this step is not in the journey version the contact is on" });
            finish(l, "failed", "step missing from its version");
          }
          return;
        }
        const runnable: Live[] = [];
        for (const l of group) {
          if (l.run.journeyStatus === "archived") {
            step(l, node, "exited", { reason: "journey archived" });
            stat(l, node.id, 0, 1);
            finish(l, "exited", "journey archived");
          } else if (l.run.journeyStatus !== "live") {
            // Paused (or back to draft): nothing moves; looked at again later, the wait timers in the context still hold.
            stay(l, { wake_at: new Date(now.getTime() + PAUSED_RECHECK_MS).toISOString() });
          } else if (bookkeeping(l.context).goal) {
            step(l, node, "goal_met", { event: bookkeeping(l.context).goal!.event });
            stat(l, node.id, 0, 1);
            finish(l, "completed", "goal met");
          } else runnable.push(l);
        }
        const tg = performance.now();
        if (runnable.length) await runGroup(version, node, runnable, now, { step, stat, finish, stay });
        timing.push(`${node.id}x${runnable.length} ${Math.round(performance.now() - tg)}`);
      }),
    );
  }
  // Runs that used up their hops continue in a later batch, due now.
  for (const l of live) if (!l.write) stay(l, { status: "active", wake_at: now.toISOString(), wait_event: null, wait_key: null });

  const written = await writeOutcomes(
    db,
    live.map((l) => l.write!),
    steps,
    stats,
  );
  timing.push(`total ${Math.round(performance.now() - t0)}`);
  // Where a batch's time goes, per node (JOURNEY_DEBUG_TIMING=1), for tuning batch sizes and executors.
  if (process.env.JOURNEY_DEBUG_TIMING) logger.warn(`journey batch ms: ${timing.join(", ")}`);
  const transitions = steps.filter((s) => written.has(s.state_id)).length;
  return { claimed: claimed.length, written: written.size, transitions };
};

const base = (l: Live, patch: Partial<RunWrite>): RunWrite => ({
  id: l.run.id,
  fence: l.run.fence,
  node_id: l.nodeId,
  status: l.nodeId === l.run.nodeId ? (l.run.status as RunWrite["status"]) : "active",
  wake_at: null,
  wait_event: l.nodeId === l.run.nodeId && l.stepNo === l.run.stepNo ? l.run.waitEvent : null,
  wait_key: l.nodeId === l.run.nodeId && l.stepNo === l.run.stepNo ? l.run.waitKey : null,
  step_no: l.stepNo,
  context: l.context,
  exit_reason: null,
  finished: false,
  ...patch,
});

type Recorders = {
  step: (l: Live, node: { id: string; type: string }, outcome: string, detail?: Record<string, unknown>) => void;
  stat: (l: Live, nodeId: string, entered: number, left: number) => void;
  finish: (l: Live, status: RunWrite["status"], reason: string) => void;
  stay: (l: Live, patch: Partial<RunWrite>) => void;
};

const runGroup = async (version: RuntimeVersion, node: JourneyNode, group: Live[], now: Date, r: Recorders) => {
  const journey: StepJourney = {
    id: version.journeyId,
    workspaceId: version.workspaceId,
    name: group[0]!.run.journeyName,
    versionId: version.id,
    settings: version.definition.settings,
    webhookSecret: group[0]!.run.webhookSecret,
  };
  const items: StepItem[] = group.map((l) => ({
    stateId: l.run.id,
    contactId: l.run.contactId,
    stepNo: l.stepNo,
    context: l.context,
    contact: l.run.contact,
    enteredAt: l.run.enteredAt,
  }));
  let outcomes: Map<number, StepOutcome>;
  try {
    outcomes = await executorFor(node.type)({ journey, node, items, now });
  } catch (error) {
    logger.error({ err: error, journeyId: journey.id, nodeId: node.id, runs: group.length }, "journey step failed; retrying later");
    outcomes = new Map();
  }
  for (const l of group) {
    const outcome = outcomes.get(l.run.id);
    if (!outcome) {
      // The executor threw (or forgot this run): the same step again later, with a growing delay, until it gives up.
      const errors = (bookkeeping(l.context).errors ?? 0) + 1;
      r.step(l, node, "error", { attempt: errors });
      if (errors >= MAX_STEP_ERRORS) {
        r.stat(l, node.id, 0, 1);
        r.finish(l, "failed", `step ${node.id} failed ${errors} times`);
      } else {
        l.context = withBookkeeping(l.context, { errors });
        r.stay(l, { status: "active", wake_at: new Date(now.getTime() + 60_000 * errors).toISOString() });
      }
      continue;
    }
    switch (outcome.kind) {
      case "next": {
        r.step(l, node, outcome.outcome, outcome.detail);
        // Triggers count their entries when they are passed (a run is created on its trigger).
        r.stat(l, node.id, isTrigger(node) ? 1 : 0, 1);
        l.context = leavingNode(outcome.context ?? l.context);
        const target = nextNodeId(version, node.id, outcome.handle);
        if (!target) {
          r.finish(l, "completed", "end of journey");
          break;
        }
        r.stat(l, target, 1, 0);
        l.nodeId = target;
        l.stepNo += 1;
        l.hops += 1;
        break;
      }
      case "wait": {
        // A woken run that goes back to sleep on the same wait is not news for the timeline.
        if (!isWaitingHere(l.context, node.id, l.stepNo)) r.step(l, node, outcome.outcome, outcome.detail);
        if (outcome.context) l.context = outcome.context;
        r.stay(l, {
          status: "waiting",
          wake_at: outcome.until?.toISOString() ?? null,
          wait_event: outcome.waitEvent ?? null,
          wait_key: outcome.waitKey ?? null,
        });
        break;
      }
      case "retry":
        r.step(l, node, outcome.outcome, outcome.detail);
        if (outcome.context) l.context = outcome.context;
        r.stay(l, { status: "active", wake_at: outcome.at.toISOString(), wait_event: null, wait_key: null });
        break;
      case "exit":
        r.step(l, node, outcome.outcome, outcome.detail);
        r.stat(l, node.id, 0, 1);
        r.finish(l, outcome.reason === "exit" || outcome.reason === "goal" ? "completed" : "exited", outcome.reason);
        break;
    }
  }
};
