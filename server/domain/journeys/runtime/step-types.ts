import type { JourneyNode, JourneySettings } from "@/server/domain/journeys/journey-definition";

/**
 * The contract between the journey runtime (which claims due runs in batches and moves them along
 * edges) and the executors of each node type. Executors work on a batch of runs that sit on the same
 * node, so sends render, charge and deliver in bulk, and return one outcome per run.
 */

export type JourneyRunContact = {
  id: string;
  email: string | null;
  phone: string | null;
  phoneCountry: string | null;
  firstName: string | null;
  lastName: string | null;
  timezone: string | null;
  locale: string | null;
  attributes: Record<string, unknown>;
  emailStatus: string | null;
  smsStatus: string | null;
};

/** One run waiting to be executed at `node`: its journey_states row and contact. */
export type StepItem = {
  stateId: number;
  contactId: string;
  /** journey_states.step_no at claim time: with (stateId, nodeId), the idempotency key of what this step does. */
  stepNo: number;
  /** The triggering event's properties or API data ({{ event.* }}), plus runtime bookkeeping under `_herald`. */
  context: Record<string, unknown>;
  contact: JourneyRunContact;
  enteredAt: Date;
};

export type StepJourney = {
  id: string;
  workspaceId: string;
  name: string;
  versionId: string;
  settings: JourneySettings;
  webhookSecret: string;
};

export type StepInput<N extends JourneyNode = JourneyNode> = {
  journey: StepJourney;
  node: N;
  items: StepItem[];
  now: Date;
};

type Detail = { outcome: string; detail?: Record<string, unknown> };

/**
 * What happened to one run at a node:
 * - next: leave through output `handle` ("next", "yes", "event", a split key...);
 * - wait: stay on this node until `until` (null: only an event wakes it), optionally awaiting an event;
 * - retry: stay and run this node again at `at` (quiet hours, webhook backoff, rate limits), same step;
 * - exit: leave the journey.
 * `outcome` (sent, skipped, waiting, failed, capped...) and `detail` go to the contact's timeline.
 * `context` (optional) replaces the run's context, e.g. to count webhook attempts.
 */
export type StepOutcome =
  | ({ kind: "next"; handle: string; context?: Record<string, unknown> } & Detail)
  | ({ kind: "wait"; until: Date | null; waitEvent?: string; waitKey?: string | null; context?: Record<string, unknown> } & Detail)
  | ({ kind: "retry"; at: Date; context?: Record<string, unknown> } & Detail)
  | ({ kind: "exit"; reason: string } & Detail);

/** Runs `input.items` at `input.node`; must return an outcome for every stateId (a thrown error retries the whole batch later). */
export type StepExecutor<N extends JourneyNode = JourneyNode> = (input: StepInput<N>) => Promise<Map<number, StepOutcome>>;
