import { z } from "zod";
import { ZPropertyFilter, ZSegmentDefinition } from "@/server/domain/segments/segment-rules";

/**
 * The journey document, version 1: what the editor saves as a draft, what publishing freezes into a
 * journey version and what the runtime walks. Pure (zod only), so the browser, the worker and the API
 * read the same shapes. Structure is checked here; whether the graph makes sense (a trigger, nothing
 * unreachable, every output connected, no cycle without a wait...) is journey-graph.ts's job, and
 * whether referenced templates, lists and segments exist is checked on publish.
 *
 * Node positions are kept so the editor reopens a journey as it was left; the runtime ignores them.
 */

const nodeId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "node ids are letters, digits, _ and -");
const uuid = z.uuid({ error: "expected an id" });
const eventName = z.string().trim().min(1, "enter an event name").max(200, "event names are at most 200 characters");
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time as HH:MM (24-hour)");

export const TRIGGER_TYPES = ["trigger_list_joined", "trigger_segment_entered", "trigger_event", "trigger_date", "trigger_api"] as const;
export const ACTION_TYPES = ["send_email", "send_sms", "webhook", "update_attribute", "add_to_list", "remove_from_list"] as const;
export const FLOW_TYPES = ["wait_duration", "wait_until", "wait_for_event", "branch_segment", "split_random", "exit"] as const;
export type JourneyNodeType = (typeof TRIGGER_TYPES)[number] | (typeof ACTION_TYPES)[number] | (typeof FLOW_TYPES)[number];

/** Per node type, the configuration the side panel edits. Empty strings are allowed while drafting; publish reports them. */
export const ZNodeConfig = {
  trigger_list_joined: z.object({ listId: uuid.nullable() }),
  trigger_segment_entered: z.object({ segmentId: uuid.nullable() }),
  trigger_event: z.object({ eventName: z.string().max(200), filters: z.array(ZPropertyFilter).max(10).default([]) }),
  /** Each year on the date in `attribute` (a birthday), or once on it (a renewal date), shifted by offsetDays, at `time` local. */
  trigger_date: z.object({
    attribute: z.string().max(63),
    offsetDays: z.int().min(-365).max(365).default(0),
    time: clock.default("09:00"),
    recurring: z.boolean().default(true),
  }),
  /** Entered through the API / SDK: journeys.enter({ journeyId, contact, data }). */
  trigger_api: z.object({}),
  send_email: z.object({ templateId: uuid.nullable(), sendingIdentityId: uuid.nullable().default(null) }),
  send_sms: z.object({ templateId: uuid.nullable(), routeId: uuid.nullable().default(null) }),
  /** POST (JSON: contact, journey, trigger data) signed with the journey's secret in X-Herald-Signature. */
  webhook: z.object({ url: z.string().max(2000), method: z.enum(["POST", "PUT"]).default("POST"), timeoutMs: z.int().min(500).max(30_000).default(10_000) }),
  /** `value` may use Liquid ({{ event.total }}); an empty string clears the attribute. */
  update_attribute: z.object({ attribute: z.string().max(63), value: z.string().max(2000) }),
  add_to_list: z.object({ listId: uuid.nullable() }),
  remove_from_list: z.object({ listId: uuid.nullable() }),
  wait_duration: z.object({ amount: z.int().min(0).max(100_000), unit: z.enum(["seconds", "minutes", "hours", "days"]) }),
  /** The next moment at `time` in the contact's timezone (the workspace's when unknown), on one of `weekdays` (0 = Sunday; empty = any day). */
  wait_until: z.object({ time: clock, weekdays: z.array(z.int().min(0).max(6)).max(7).default([]) }),
  /**
   * Waits for `eventName` (and filters) up to the timeout. With matchKey ("cart_id"), only an event whose
   * property has the same value as the triggering event's counts. Outputs "event" and "timeout".
   */
  wait_for_event: z.object({
    eventName: z.string().max(200),
    filters: z.array(ZPropertyFilter).max(10).default([]),
    matchKey: z.string().max(200).nullable().default(null),
    timeout: z.object({ amount: z.int().min(1).max(100_000), unit: z.enum(["seconds", "minutes", "hours", "days"]) }),
  }),
  /** Outputs "yes" and "no": does the contact match the rules now. */
  branch_segment: z.object({ definition: ZSegmentDefinition }),
  /** Random split; each branch's key is its output handle. Percentages must add up to 100. */
  split_random: z.object({
    branches: z.array(z.object({ key: nodeId, label: z.string().max(60), percent: z.number().min(0).max(100) })).min(2).max(10),
  }),
  /** Leaves the journey; `goal` marks it as the journey's goal for reporting. */
  exit: z.object({ goal: z.boolean().default(false) }),
} satisfies Record<JourneyNodeType, z.ZodType>;

const nodeSchema = <T extends JourneyNodeType>(type: T) =>
  z.object({
    id: nodeId,
    type: z.literal(type),
    position: z.object({ x: z.number(), y: z.number() }),
    config: ZNodeConfig[type],
  });

export const ZJourneyNode = z.discriminatedUnion("type", [
  nodeSchema("trigger_list_joined"),
  nodeSchema("trigger_segment_entered"),
  nodeSchema("trigger_event"),
  nodeSchema("trigger_date"),
  nodeSchema("trigger_api"),
  nodeSchema("send_email"),
  nodeSchema("send_sms"),
  nodeSchema("webhook"),
  nodeSchema("update_attribute"),
  nodeSchema("add_to_list"),
  nodeSchema("remove_from_list"),
  nodeSchema("wait_duration"),
  nodeSchema("wait_until"),
  nodeSchema("wait_for_event"),
  nodeSchema("branch_segment"),
  nodeSchema("split_random"),
  nodeSchema("exit"),
]);
export type JourneyNode = z.infer<typeof ZJourneyNode>;
export type JourneyNodeOf<T extends JourneyNodeType> = Extract<JourneyNode, { type: T }>;
export type NodeConfig<T extends JourneyNodeType> = z.infer<(typeof ZNodeConfig)[T]>;

/** `sourceHandle` names the output: "next", "yes"/"no", "event"/"timeout", or a split branch's key. */
export const ZJourneyEdge = z.object({ id: z.string().min(1).max(100), source: nodeId, sourceHandle: z.string().min(1).max(64), target: nodeId });
export type JourneyEdge = z.infer<typeof ZJourneyEdge>;

export const ZJourneySettings = z.object({
  /** "once": a contact enters at most once ever; "again_after": again once `days` have passed since they last entered. */
  entry: z.discriminatedUnion("mode", [
    z.object({ mode: z.literal("once") }),
    z.object({ mode: z.literal("again_after"), days: z.int().min(0).max(3650) }),
  ]),
  /** An event that takes a contact out of the journey wherever they are (the journey's goal was met). */
  goal: z.object({ eventName, filters: z.array(ZPropertyFilter).max(10).default([]) }).nullable().default(null),
  /** Marketing sends obey the workspace's frequency cap and quiet hours; transactional-style journeys (receipts) may opt out. */
  respectMessagingLimits: z.boolean().default(true),
});
export type JourneySettings = z.infer<typeof ZJourneySettings>;

export const JOURNEY_MAX_NODES = 200;

export const ZJourneyDefinition = z.object({
  version: z.literal(1, { error: "expected version 1" }),
  nodes: z.array(ZJourneyNode).max(JOURNEY_MAX_NODES, `a journey has at most ${JOURNEY_MAX_NODES} steps`),
  edges: z.array(ZJourneyEdge).max(JOURNEY_MAX_NODES * 10),
  settings: ZJourneySettings,
});
export type JourneyDefinition = z.infer<typeof ZJourneyDefinition>;
export type JourneyDefinitionInput = z.input<typeof ZJourneyDefinition>;

/** The outputs a node offers, in display order. */
export const outputHandles = (node: JourneyNode): string[] => {
  switch (node.type) {
    case "exit":
      return [];
    case "branch_segment":
      return ["yes", "no"];
    case "wait_for_event":
      return ["event", "timeout"];
    case "split_random":
      return node.config.branches.map((branch) => branch.key);
    default:
      return ["next"];
  }
};

export const isTrigger = (node: JourneyNode) => (TRIGGER_TYPES as readonly string[]).includes(node.type);
/** Nodes where a contact stays a while; a cycle through none of them would loop forever in one tick. */
export const isWait = (node: JourneyNode) => node.type === "wait_duration" || node.type === "wait_until" || node.type === "wait_for_event";

export const UNIT_SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 } as const;
export const durationSeconds = (d: { amount: number; unit: keyof typeof UNIT_SECONDS }) => d.amount * UNIT_SECONDS[d.unit];

export const emptyJourneyDefinition = (): JourneyDefinition => ({
  version: 1,
  nodes: [],
  edges: [],
  settings: { entry: { mode: "once" }, goal: null, respectMessagingLimits: true },
});
