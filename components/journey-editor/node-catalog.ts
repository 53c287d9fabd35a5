import type { JourneyNode, JourneyNodeType, NodeConfig } from "@/server/domain/journeys/journey-definition";
import {
  ApiIcon,
  AttributeIcon,
  BranchIcon,
  CalendarIcon,
  ClockIcon,
  EventIcon,
  ExitIcon,
  HourglassIcon,
  ListAddIcon,
  ListJoinIcon,
  ListRemoveIcon,
  MailIcon,
  SegmentIcon,
  SmsIcon,
  SplitIcon,
  SunriseIcon,
  WebhookIcon,
  type NodeIconComponent,
} from "./node-icons";

export type NodeGroup = "trigger" | "action" | "flow";

type CatalogEntry<T extends JourneyNodeType> = {
  label: string;
  group: NodeGroup;
  /** One line in the palette. */
  description: string;
  Icon: NodeIconComponent;
  /** What a node of this type starts with when dropped: valid where a sensible default exists, blank where the marketer must choose. */
  defaultConfig: () => NodeConfig<T>;
};

/** Every node type the editor offers, in palette order within each group. */
export const NODE_CATALOG: { [T in JourneyNodeType]: CatalogEntry<T> } = {
  trigger_list_joined: {
    label: "Joined a list",
    group: "trigger",
    description: "Starts when a contact subscribes to a list",
    Icon: ListJoinIcon,
    defaultConfig: () => ({ listId: null }),
  },
  trigger_segment_entered: {
    label: "Entered a segment",
    group: "trigger",
    description: "Starts when a contact starts matching a segment",
    Icon: SegmentIcon,
    defaultConfig: () => ({ segmentId: null }),
  },
  trigger_event: {
    label: "Event occurred",
    group: "trigger",
    description: "Starts when a contact does something (an event)",
    Icon: EventIcon,
    defaultConfig: () => ({ eventName: "", filters: [] }),
  },
  trigger_date: {
    label: "Date attribute",
    group: "trigger",
    description: "Starts on a date such as a birthday",
    Icon: CalendarIcon,
    defaultConfig: () => ({ attribute: "birthday", offsetDays: 0, time: "09:00", recurring: true }),
  },
  trigger_api: {
    label: "API call",
    group: "trigger",
    description: "Starts when your code enters a contact",
    Icon: ApiIcon,
    defaultConfig: () => ({}),
  },
  send_email: {
    label: "Send email",
    group: "action",
    description: "Sends an email template",
    Icon: MailIcon,
    defaultConfig: () => ({ templateId: null, sendingIdentityId: null }),
  },
  send_sms: {
    label: "Send SMS",
    group: "action",
    description: "Sends an SMS template",
    Icon: SmsIcon,
    defaultConfig: () => ({ templateId: null, routeId: null }),
  },
  webhook: {
    label: "Call a webhook",
    group: "action",
    description: "Posts the contact to a URL, signed",
    Icon: WebhookIcon,
    defaultConfig: () => ({ url: "", method: "POST", timeoutMs: 10_000 }),
  },
  update_attribute: {
    label: "Update attribute",
    group: "action",
    description: "Sets a field on the contact",
    Icon: AttributeIcon,
    defaultConfig: () => ({ attribute: "", value: "" }),
  },
  add_to_list: {
    label: "Add to list",
    group: "action",
    description: "Subscribes the contact to a list",
    Icon: ListAddIcon,
    defaultConfig: () => ({ listId: null }),
  },
  remove_from_list: {
    label: "Remove from list",
    group: "action",
    description: "Takes the contact off a list",
    Icon: ListRemoveIcon,
    defaultConfig: () => ({ listId: null }),
  },
  wait_duration: {
    label: "Wait",
    group: "flow",
    description: "Waits a number of minutes, hours or days",
    Icon: ClockIcon,
    defaultConfig: () => ({ amount: 1, unit: "days" }),
  },
  wait_until: {
    label: "Wait until",
    group: "flow",
    description: "Waits for a time of day or weekday, in the contact's timezone",
    Icon: SunriseIcon,
    defaultConfig: () => ({ time: "09:00", weekdays: [] }),
  },
  wait_for_event: {
    label: "Wait for event",
    group: "flow",
    description: "Waits for an event, or gives up after a while",
    Icon: HourglassIcon,
    defaultConfig: () => ({ eventName: "", filters: [], matchKey: null, timeout: { amount: 3, unit: "days" } }),
  },
  branch_segment: {
    label: "Branch",
    group: "flow",
    description: "Yes or no: does the contact match rules",
    Icon: BranchIcon,
    defaultConfig: () => ({ definition: { version: 1, timezone: "UTC", root: { type: "group", combinator: "and", rules: [] } } }),
  },
  split_random: {
    label: "Random split",
    group: "flow",
    description: "A/B/n test: sends contacts down paths by percentage",
    Icon: SplitIcon,
    defaultConfig: () => ({
      branches: [
        { key: "a", label: "A", percent: 50 },
        { key: "b", label: "B", percent: 50 },
      ],
    }),
  },
  exit: {
    label: "Exit",
    group: "flow",
    description: "Leaves the journey (optionally: the goal was met)",
    Icon: ExitIcon,
    defaultConfig: () => ({ goal: false }),
  },
};

export const GROUP_LABELS: Record<NodeGroup, string> = { trigger: "Triggers", action: "Actions", flow: "Flow" };

export const NODE_TYPES_BY_GROUP = (["trigger", "action", "flow"] as const).map((group) => ({
  group,
  types: (Object.keys(NODE_CATALOG) as JourneyNodeType[]).filter((type) => NODE_CATALOG[type].group === group),
}));

export const isNodeType = (value: string): value is JourneyNodeType => Object.hasOwn(NODE_CATALOG, value);

/** A fresh node of `type` at `position` (flow coordinates). */
export const createNode = (type: JourneyNodeType, position: { x: number; y: number }, id = newNodeId(type)): JourneyNode =>
  ({ id, type, position, config: NODE_CATALOG[type].defaultConfig() }) as JourneyNode;

/** Short, readable and unique enough within one journey ("send-email-k3x9q2"); letters, digits and - as the document requires. */
export const newNodeId = (type: JourneyNodeType) => `${type.replace(/_/g, "-")}-${Math.random().toString(36).slice(2, 8)}`;

/** What an output handle is called on the canvas; "next" (the only output) has no label. */
export const handleLabel = (node: JourneyNode, handle: string): string | null => {
  switch (handle) {
    case "next":
      return null;
    case "yes":
      return "Yes";
    case "no":
      return "No";
    case "event":
      return "Event happened";
    case "timeout":
      return "Timed out";
  }
  if (node.type === "split_random") {
    const branch = node.config.branches.find((b) => b.key === handle);
    if (branch) return `${branch.label || branch.key} · ${branch.percent}%`;
  }
  return handle;
};
