import { ATTRIBUTE_KEY_PATTERN } from "@/server/domain/segments/segment-rules";
import { isTrigger, isWait, outputHandles, type JourneyDefinition, type JourneyEdge, type JourneyNode } from "./journey-definition";
import { webhookUrlSyntaxProblem } from "./webhook-url-syntax";

/**
 * Whether a journey graph makes sense, judged from the document alone. Pure (no database, no
 * node: imports) so the editor runs it in the browser on every change and pins each problem on its
 * node; publishing runs it again and adds the checks that need the workspace (journey-problems.ts).
 * Every problem is returned at once, never only the first.
 */
export type JourneyProblem = {
  /** Stable, for the editor and tests: "no_trigger", "output_not_connected"... */
  code: JourneyProblemCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Where in the node's config (config.templateId) or the document (settings.goal). */
  field?: string;
};

export type JourneyProblemCode =
  | "no_trigger"
  | "duplicate_node_id"
  | "duplicate_edge_id"
  | "unreachable"
  | "output_not_connected"
  | "edge_missing_source"
  | "edge_missing_target"
  | "edge_unknown_output"
  | "output_multiple_edges"
  | "cycle_without_wait"
  | "trigger_has_incoming"
  | "missing_template"
  | "missing_list"
  | "missing_segment"
  | "missing_event_name"
  | "match_key_without_event_trigger"
  | "invalid_attribute_key"
  | "split_percent_total"
  | "split_duplicate_key"
  | "zero_wait"
  | "webhook_url_empty"
  | "webhook_url_invalid"
  | "webhook_url_scheme"
  | "webhook_url_private"
  // Added on publish, from the database (journey-problems.ts).
  | "template_not_found"
  | "template_archived"
  | "list_not_found"
  | "segment_not_found"
  | "sender_not_found"
  | "missing_sender"
  | "sms_route_not_found"
  | "invalid_branch_rules"
  | "invalid_document";

const plural = (amount: number, unit: string) => `${amount} ${amount === 1 ? unit.replace(/s$/, "") : unit}`;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

const hostOf = (url: string) => {
  try {
    return new URL(url.trim()).host || null;
  } catch {
    return null;
  }
};

/** A short human label for a node, as problems and the editor's node cards name it ("Wait for order_placed"). */
export const describeNode = (node: JourneyNode): string => {
  switch (node.type) {
    case "trigger_list_joined":
      return "Joined a list";
    case "trigger_segment_entered":
      return "Entered a segment";
    case "trigger_event":
      return node.config.eventName.trim() ? `Event ${node.config.eventName.trim()}` : "Event occurred";
    case "trigger_date":
      return node.config.attribute ? `Date in ${node.config.attribute}` : "Date attribute";
    case "trigger_api":
      return "API call";
    case "send_email":
      return "Send email";
    case "send_sms":
      return "Send SMS";
    case "webhook": {
      const host = hostOf(node.config.url);
      return host ? `Webhook to ${host}` : "Call a webhook";
    }
    case "update_attribute":
      return node.config.attribute ? `Set ${node.config.attribute}` : "Update attribute";
    case "add_to_list":
      return "Add to list";
    case "remove_from_list":
      return "Remove from list";
    case "wait_duration":
      return `Wait ${plural(node.config.amount, node.config.unit)}`;
    case "wait_until": {
      const days = node.config.weekdays ?? [];
      const on = days.length > 0 && days.length < 7 ? ` on ${[...days].sort().map((d) => WEEKDAYS[d]).join(", ")}` : "";
      return `Wait until ${node.config.time}${on}`;
    }
    case "wait_for_event":
      return node.config.eventName.trim() ? `Wait for ${node.config.eventName.trim()}` : "Wait for an event";
    case "branch_segment":
      return "Branch on rules";
    case "split_random":
      return "Random split";
    case "exit":
      return node.config.goal ? "Exit (goal)" : "Exit";
  }
};

/** How an output reads in a sentence: "yes", "timed out", "A (50%)"; null for a node's only ("next") output. */
export const describeOutput = (node: JourneyNode, handle: string): string | null => {
  if (handle === "next") return null;
  if (node.type === "wait_for_event") return handle === "event" ? "event happened" : handle === "timeout" ? "timed out" : handle;
  if (node.type === "split_random") {
    const branch = node.config.branches.find((b) => b.key === handle);
    return branch ? `${branch.label.trim() || branch.key} (${branch.percent}%)` : handle;
  }
  return handle;
};

const outputPhrase = (node: JourneyNode, handle: string) => {
  const output = describeOutput(node, handle);
  return output ? `The '${output}' output of ${describeNode(node)}` : `The output of ${describeNode(node)}`;
};

/** Problems with one node's own configuration. */
const configProblems = (node: JourneyNode, hasEventTrigger: boolean): JourneyProblem[] => {
  const problems: JourneyProblem[] = [];
  const add = (code: JourneyProblemCode, field: string, message: string) => problems.push({ code, message, nodeId: node.id, field });
  const label = describeNode(node);
  switch (node.type) {
    case "trigger_list_joined":
      if (!node.config.listId) add("missing_list", "config.listId", `${label}: choose the list`);
      break;
    case "trigger_segment_entered":
      if (!node.config.segmentId) add("missing_segment", "config.segmentId", `${label}: choose the segment`);
      break;
    case "trigger_event":
      if (!node.config.eventName.trim()) add("missing_event_name", "config.eventName", `${label}: enter the event name that starts the journey`);
      break;
    case "trigger_date":
      if (!ATTRIBUTE_KEY_PATTERN.test(node.config.attribute))
        add(
          "invalid_attribute_key",
          "config.attribute",
          node.config.attribute
            ? `${label}: “${node.config.attribute}” is not an attribute key (lower-case letters, digits and _, starting with a letter)`
            : `${label}: choose the date attribute (such as birthday)`,
        );
      break;
    case "send_email":
      if (!node.config.templateId) add("missing_template", "config.templateId", `${label}: choose an email template`);
      break;
    case "send_sms":
      if (!node.config.templateId) add("missing_template", "config.templateId", `${label}: choose an SMS template`);
      break;
    case "webhook": {
      const problem = webhookUrlSyntaxProblem(node.config.url);
      if (problem) add(problem.code, "config.url", `${label}: ${problem.message}`);
      break;
    }
    case "update_attribute":
      if (!ATTRIBUTE_KEY_PATTERN.test(node.config.attribute))
        add(
          "invalid_attribute_key",
          "config.attribute",
          node.config.attribute
            ? `${label}: “${node.config.attribute}” is not an attribute key (lower-case letters, digits and _, starting with a letter, at most 63)`
            : `${label}: choose the attribute to set`,
        );
      break;
    case "add_to_list":
    case "remove_from_list":
      if (!node.config.listId) add("missing_list", "config.listId", `${label}: choose the list`);
      break;
    case "wait_duration":
      if (node.config.amount <= 0) add("zero_wait", "config.amount", `${label}: wait at least 1 ${node.config.unit.replace(/s$/, "")}`);
      break;
    case "wait_for_event":
      if (!node.config.eventName.trim()) add("missing_event_name", "config.eventName", `${label}: enter the event name to wait for`);
      if (node.config.matchKey?.trim() && !hasEventTrigger)
        add(
          "match_key_without_event_trigger",
          "config.matchKey",
          `${label}: matching on “${node.config.matchKey.trim()}” needs an event trigger to take the value from; add one or clear the match`,
        );
      break;
    case "split_random": {
      const total = node.config.branches.reduce((sum, branch) => sum + branch.percent, 0);
      if (Math.abs(total - 100) > 0.01)
        add("split_percent_total", "config.branches", `${label}: the percentages add up to ${Math.round(total * 100) / 100}%, not 100%`);
      const seen = new Set<string>();
      node.config.branches.forEach((branch, index) => {
        if (seen.has(branch.key))
          add("split_duplicate_key", `config.branches.${index}.key`, `${label}: two branches are called “${branch.key}”; give each its own key`);
        seen.add(branch.key);
      });
      break;
    }
    default:
      break;
  }
  return problems;
};

/** Strongly connected components (Tarjan), each in discovery order. */
const stronglyConnected = (ids: string[], next: Map<string, string[]>): string[][] => {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  // Iterative, so a 200-step chain cannot overflow the call stack.
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; child: number }> = [{ id: root, child: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work.at(-1)!;
      const children = next.get(frame.id) ?? [];
      if (frame.child < children.length) {
        const child = children[frame.child++]!;
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ id: child, child: 0 });
        } else if (onStack.has(child)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(child)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component.reverse());
      }
    }
  }
  return components;
};

/** Every problem with the graph, in a stable order: document-wide first, then by node, then by edge. */
export const validateJourneyGraph = (definition: JourneyDefinition): JourneyProblem[] => {
  const problems: JourneyProblem[] = [];
  const nodes = new Map<string, JourneyNode>();
  for (const node of definition.nodes) {
    if (nodes.has(node.id))
      problems.push({ code: "duplicate_node_id", nodeId: node.id, message: `Two steps share the id “${node.id}”; every step needs its own` });
    else nodes.set(node.id, node);
  }
  const triggers = [...nodes.values()].filter(isTrigger);
  if (triggers.length === 0)
    problems.push({
      code: "no_trigger",
      message: "Add a trigger: a journey starts when a contact joins a list, enters a segment, does an event, reaches a date or is sent in through the API",
    });
  const hasEventTrigger = triggers.some((node) => node.type === "trigger_event");

  // Edges: what they connect, and which outputs they use.
  const edgeIds = new Set<string>();
  const byOutput = new Map<string, JourneyEdge[]>();
  const usable: JourneyEdge[] = [];
  for (const edge of definition.edges) {
    if (edgeIds.has(edge.id))
      problems.push({ code: "duplicate_edge_id", edgeId: edge.id, message: `Two connections share the id “${edge.id}”` });
    edgeIds.add(edge.id);
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source)
      problems.push({ code: "edge_missing_source", edgeId: edge.id, message: `A connection starts at a step that no longer exists (“${edge.source}”); delete it` });
    if (!target)
      problems.push({
        code: "edge_missing_target",
        edgeId: edge.id,
        nodeId: source?.id,
        message: `${source ? outputPhrase(source, edge.sourceHandle) : "A connection"} leads to a step that no longer exists (“${edge.target}”); delete it`,
      });
    if (source && !outputHandles(source).includes(edge.sourceHandle)) {
      problems.push({
        code: "edge_unknown_output",
        edgeId: edge.id,
        nodeId: source.id,
        message:
          source.type === "exit"
            ? `${describeNode(source)} ends the journey; nothing can follow it`
            : `${describeNode(source)} has no '${edge.sourceHandle}' output; reconnect from one of: ${outputHandles(source).join(", ")}`,
      });
      continue;
    }
    if (!source || !target) continue;
    if (isTrigger(target))
      problems.push({
        code: "trigger_has_incoming",
        edgeId: edge.id,
        nodeId: target.id,
        message: `${describeNode(target)} is a trigger: contacts enter there, so nothing can lead into it`,
      });
    const key = `${source.id}\u0000${edge.sourceHandle}`;
    byOutput.set(key, [...(byOutput.get(key) ?? []), edge]);
    usable.push(edge);
  }

  for (const node of nodes.values()) {
    problems.push(...configProblems(node, hasEventTrigger));
    for (const handle of outputHandles(node)) {
      const edges = byOutput.get(`${node.id}\u0000${handle}`) ?? [];
      const dangling = definition.edges.some((e) => e.source === node.id && e.sourceHandle === handle && !nodes.has(e.target));
      if (edges.length === 0 && !dangling)
        problems.push({
          code: "output_not_connected",
          nodeId: node.id,
          field: `outputs.${handle}`,
          message: `${outputPhrase(node, handle)} is not connected`,
        });
      for (const extra of edges.slice(1))
        problems.push({
          code: "output_multiple_edges",
          nodeId: node.id,
          edgeId: extra.id,
          field: `outputs.${handle}`,
          message: `${outputPhrase(node, handle)} leads to more than one step; use a random split or a branch to go several ways`,
        });
    }
  }

  // Reachability from the triggers (only meaningful once there is one).
  if (triggers.length > 0) {
    const next = new Map<string, string[]>();
    for (const edge of usable) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
    const reached = new Set(triggers.map((t) => t.id));
    const queue = [...reached];
    while (queue.length) {
      for (const target of next.get(queue.shift()!) ?? []) {
        if (!reached.has(target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
    for (const node of nodes.values())
      if (!reached.has(node.id))
        problems.push({ code: "unreachable", nodeId: node.id, message: `${describeNode(node)} cannot be reached from any trigger; connect it or delete it` });
  }

  // Cycles through no wait step would spin forever within one tick: look for loops among the other steps.
  const instant = new Map<string, string[]>();
  for (const edge of usable) {
    if (isWait(nodes.get(edge.source)!) || isWait(nodes.get(edge.target)!)) continue;
    instant.set(edge.source, [...(instant.get(edge.source) ?? []), edge.target]);
  }
  const order = [...nodes.keys()];
  for (const component of stronglyConnected(order, instant)) {
    const selfLoop = component.length === 1 && (instant.get(component[0]!) ?? []).includes(component[0]!);
    if (component.length < 2 && !selfLoop) continue;
    const members = [...component].sort((x, y) => order.indexOf(x) - order.indexOf(y));
    const names = members.map((id) => describeNode(nodes.get(id)!));
    problems.push({
      code: "cycle_without_wait",
      nodeId: members[0],
      message: `${selfLoop ? `${names[0]} leads back to itself` : `These steps form a loop: ${names.join(", ")}`} with no wait in between; add a wait inside the loop`,
    });
  }
  return problems;
};
