import { describe, expect, it } from "vitest";
import { ZJourneyDefinition, type JourneyDefinition, type JourneyDefinitionInput } from "./journey-definition";
import { describeNode, validateJourneyGraph, type JourneyProblem } from "./journey-graph";
import { JOURNEY_TEMPLATES } from "./templates";
import { privateAddressReason, webhookUrlSyntaxProblem } from "./webhook-url-syntax";

const LIST = "00000000-0000-4000-8000-000000000001";
const TEMPLATE = "00000000-0000-4000-8000-000000000002";

type NodeInput = JourneyDefinitionInput["nodes"][number];
type EdgeInput = JourneyDefinitionInput["edges"][number];

const node = (id: string, type: NodeInput["type"], config: Record<string, unknown> = {}): NodeInput =>
  ({ id, type, position: { x: 0, y: 0 }, config }) as NodeInput;
const edge = (source: string, target: string, sourceHandle = "next", id = `${source}-${sourceHandle}-${target}`): EdgeInput => ({
  id,
  source,
  sourceHandle,
  target,
});

const journey = (nodes: NodeInput[], edges: EdgeInput[]): JourneyDefinition =>
  ZJourneyDefinition.parse({ version: 1, nodes, edges, settings: { entry: { mode: "once" } } });

const trigger = node("start", "trigger_event", { eventName: "signed_up" });
const send = node("send", "send_email", { templateId: TEMPLATE });
const exit = node("done", "exit");

/** A complete, sensible journey; each test breaks one thing in it. */
const valid = () =>
  journey(
    [
      trigger,
      node("wait", "wait_for_event", { eventName: "order_placed", matchKey: "cart_id", timeout: { amount: 4, unit: "hours" } }),
      send,
      node("split", "split_random", { branches: [{ key: "a", label: "A", percent: 50 }, { key: "b", label: "B", percent: 50 }] }),
      node("tag", "update_attribute", { attribute: "engagement", value: "inactive" }),
      node("hook", "webhook", { url: "https://hooks.example.com/herald" }),
      node("pause", "wait_duration", { amount: 1, unit: "days" }),
      exit,
    ],
    [
      edge("start", "wait"),
      edge("wait", "done", "event"),
      edge("wait", "send", "timeout"),
      edge("send", "split"),
      edge("split", "tag", "a"),
      edge("split", "hook", "b"),
      edge("tag", "pause"),
      edge("hook", "pause"),
      edge("pause", "done"),
    ],
  );

const codes = (problems: JourneyProblem[]) => problems.map((p) => p.code);

describe("validateJourneyGraph", () => {
  it("finds nothing wrong with a complete journey", () => {
    expect(validateJourneyGraph(valid())).toEqual([]);
  });

  it("finds nothing wrong with each pre-built journey's graph apart from the choices left to the marketer", () => {
    for (const template of JOURNEY_TEMPLATES) {
      const problems = validateJourneyGraph(template.build({ templateIds: {} }));
      // Copies get their email templates made in the workspace; lists and segments are the marketer's choice.
      expect(problems.every((p) => ["missing_template", "missing_list", "missing_segment"].includes(p.code)), `${template.key}: ${JSON.stringify(problems)}`).toBe(true);
    }
  });

  it("reports a journey with no trigger", () => {
    const problems = validateJourneyGraph(journey([send, exit], [edge("send", "done")]));
    expect(problems).toEqual([expect.objectContaining({ code: "no_trigger" })]);
  });

  it("reports steps no trigger leads to", () => {
    const problems = validateJourneyGraph(journey([trigger, send, exit, node("lost", "exit")], [edge("start", "send"), edge("send", "done")]));
    expect(problems).toEqual([{ code: "unreachable", nodeId: "lost", message: "Exit cannot be reached from any trigger; connect it or delete it" }]);
  });

  it("names each output that is not connected", () => {
    const definition = valid();
    definition.edges = definition.edges.filter((e) => e.id !== "wait-timeout-send");
    const problems = validateJourneyGraph(definition);
    expect(problems).toContainEqual({
      code: "output_not_connected",
      nodeId: "wait",
      field: "outputs.timeout",
      message: "The 'timed out' output of Wait for order_placed is not connected",
    });
    expect(validateJourneyGraph(journey([trigger, send], [edge("start", "send")]))).toEqual([
      expect.objectContaining({ code: "output_not_connected", nodeId: "send", message: "The output of Send email is not connected" }),
    ]);
  });

  it("reports connections to and from steps that do not exist", () => {
    const problems = validateJourneyGraph(journey([trigger, send, exit], [edge("start", "send"), edge("send", "ghost"), edge("phantom", "done"), edge("send", "done", "next", "again")]));
    expect(problems).toContainEqual(expect.objectContaining({ code: "edge_missing_target", edgeId: "send-next-ghost", nodeId: "send" }));
    expect(problems).toContainEqual(expect.objectContaining({ code: "edge_missing_source", edgeId: "phantom-next-done" }));
  });

  it("reports a connection from an output the step does not have", () => {
    const problems = validateJourneyGraph(journey([trigger, send, exit], [edge("start", "send"), edge("send", "done"), edge("send", "done", "yes")]));
    expect(problems).toEqual([expect.objectContaining({ code: "edge_unknown_output", edgeId: "send-yes-done", nodeId: "send" })]);
    expect(problems[0]!.message).toBe("Send email has no 'yes' output; reconnect from one of: next");
  });

  it("reports an output that leads to more than one step", () => {
    const problems = validateJourneyGraph(
      journey([trigger, send, exit, node("other", "exit")], [edge("start", "send"), edge("send", "done"), edge("send", "other")]),
    );
    expect(problems).toEqual([
      expect.objectContaining({ code: "output_multiple_edges", nodeId: "send", edgeId: "send-next-other", field: "outputs.next" }),
    ]);
  });

  it("reports a loop with no wait in it, and accepts one that waits", () => {
    const loop = journey(
      [trigger, send, node("tag", "update_attribute", { attribute: "loops", value: "1" })],
      [edge("start", "send"), edge("send", "tag"), edge("tag", "send")],
    );
    expect(validateJourneyGraph(loop)).toEqual([
      {
        code: "cycle_without_wait",
        nodeId: "send",
        message: "These steps form a loop: Send email, Set loops with no wait in between; add a wait inside the loop",
      },
    ]);
    const waiting = journey(
      [trigger, send, node("pause", "wait_duration", { amount: 1, unit: "days" })],
      [edge("start", "send"), edge("send", "pause"), edge("pause", "send")],
    );
    expect(validateJourneyGraph(waiting)).toEqual([]);
  });

  it("reports a trigger that something leads into", () => {
    const problems = validateJourneyGraph(
      journey([trigger, node("api", "trigger_api"), send, exit], [edge("start", "send"), edge("send", "done"), edge("api", "start")]),
    );
    expect(problems).toContainEqual(expect.objectContaining({ code: "trigger_has_incoming", nodeId: "start", edgeId: "api-next-start" }));
  });

  it("reports send steps without a template", () => {
    const problems = validateJourneyGraph(
      journey(
        [trigger, node("mail", "send_email", { templateId: null }), node("sms", "send_sms", { templateId: null }), exit],
        [edge("start", "mail"), edge("mail", "sms"), edge("sms", "done")],
      ),
    );
    expect(problems).toEqual([
      { code: "missing_template", nodeId: "mail", field: "config.templateId", message: "Send email: choose an email template" },
      { code: "missing_template", nodeId: "sms", field: "config.templateId", message: "Send SMS: choose an SMS template" },
    ]);
  });

  it("reports list and segment triggers and list steps without their list or segment", () => {
    const problems = validateJourneyGraph(
      journey(
        [
          node("joined", "trigger_list_joined", { listId: null }),
          node("entered", "trigger_segment_entered", { segmentId: null }),
          node("add", "add_to_list", { listId: null }),
          node("remove", "remove_from_list", { listId: null }),
          exit,
        ],
        [edge("joined", "add"), edge("entered", "add", "next", "e2"), edge("add", "remove"), edge("remove", "done")],
      ),
    );
    expect(problems.map((p) => [p.code, p.nodeId, p.field])).toEqual([
      ["missing_list", "joined", "config.listId"],
      ["missing_segment", "entered", "config.segmentId"],
      ["missing_list", "add", "config.listId"],
      ["missing_list", "remove", "config.listId"],
    ]);
  });

  it("reports event triggers and waits for an event without an event name", () => {
    const problems = validateJourneyGraph(
      journey(
        [node("start", "trigger_event", { eventName: " " }), node("wait", "wait_for_event", { eventName: "", timeout: { amount: 1, unit: "days" } }), exit],
        [edge("start", "wait"), edge("wait", "done", "event"), edge("wait", "done", "timeout", "t")],
      ),
    );
    expect(problems.map((p) => [p.code, p.nodeId, p.field])).toEqual([
      ["missing_event_name", "start", "config.eventName"],
      ["missing_event_name", "wait", "config.eventName"],
    ]);
  });

  it("reports a wait that matches a key when no event trigger supplies it", () => {
    const problems = validateJourneyGraph(
      journey(
        [node("start", "trigger_api"), node("wait", "wait_for_event", { eventName: "order_placed", matchKey: "cart_id", timeout: { amount: 1, unit: "days" } }), exit],
        [edge("start", "wait"), edge("wait", "done", "event"), edge("wait", "done", "timeout", "t")],
      ),
    );
    expect(problems).toEqual([expect.objectContaining({ code: "match_key_without_event_trigger", nodeId: "wait", field: "config.matchKey" })]);
  });

  it("reports an attribute update without a valid attribute key", () => {
    for (const attribute of ["", "Plan", "1st", "with-dash", "_lead"]) {
      const problems = validateJourneyGraph(
        journey([trigger, node("tag", "update_attribute", { attribute, value: "x" }), exit], [edge("start", "tag"), edge("tag", "done")]),
      );
      expect(codes(problems), attribute).toEqual(["invalid_attribute_key"]);
      expect(problems[0]).toMatchObject({ nodeId: "tag", field: "config.attribute" });
    }
  });

  it("reports split percentages that do not add up to 100, within a hundredth", () => {
    const split = (percents: number[]) =>
      journey(
        [trigger, node("split", "split_random", { branches: percents.map((percent, i) => ({ key: `b${i}`, label: `B${i}`, percent })) }), exit],
        [edge("start", "split"), ...percents.map((_, i) => edge("split", "done", `b${i}`))],
      );
    expect(validateJourneyGraph(split([33.33, 33.33, 33.34]))).toEqual([]);
    expect(validateJourneyGraph(split([33.333, 33.333, 33.333]))).toEqual([]);
    expect(validateJourneyGraph(split([50, 40]))).toEqual([
      { code: "split_percent_total", nodeId: "split", field: "config.branches", message: "Random split: the percentages add up to 90%, not 100%" },
    ]);
  });

  it("reports split branches that share a key", () => {
    const problems = validateJourneyGraph(
      journey(
        [trigger, node("split", "split_random", { branches: [{ key: "a", label: "A", percent: 50 }, { key: "a", label: "A again", percent: 50 }] }), exit],
        [edge("start", "split"), edge("split", "done", "a")],
      ),
    );
    expect(problems).toEqual([expect.objectContaining({ code: "split_duplicate_key", nodeId: "split", field: "config.branches.1.key" })]);
  });

  it("reports a wait of zero", () => {
    const problems = validateJourneyGraph(
      journey([trigger, node("pause", "wait_duration", { amount: 0, unit: "hours" }), exit], [edge("start", "pause"), edge("pause", "done")]),
    );
    expect(problems).toEqual([{ code: "zero_wait", nodeId: "pause", field: "config.amount", message: "Wait 0 hours: wait at least 1 hour" }]);
  });

  it("reports webhook URLs that are empty, not http(s), or private", () => {
    const hook = (url: string) =>
      validateJourneyGraph(journey([trigger, node("hook", "webhook", { url }), exit], [edge("start", "hook"), edge("hook", "done")]));
    expect(codes(hook(""))).toEqual(["webhook_url_empty"]);
    expect(codes(hook("ftp://files.example.com/x"))).toEqual(["webhook_url_scheme"]);
    expect(codes(hook("not a url"))).toEqual(["webhook_url_invalid"]);
    expect(hook("http://127.0.0.1:8080/hook")).toEqual([
      {
        code: "webhook_url_private",
        nodeId: "hook",
        field: "config.url",
        message: "Webhook to 127.0.0.1:8080: The webhook URL points at a loopback (127.0.0.0/8) address; Herald only calls public addresses",
      },
    ]);
    expect(hook("https://hooks.example.com/herald")).toEqual([]);
  });

  it("returns every problem at once", () => {
    const problems = validateJourneyGraph(
      journey(
        [node("mail", "send_email", { templateId: null }), node("pause", "wait_duration", { amount: 0, unit: "days" })],
        [edge("mail", "pause")],
      ),
    );
    expect(codes(problems)).toEqual(["no_trigger", "missing_template", "zero_wait", "output_not_connected"]);
  });
});

describe("describeNode", () => {
  it("labels steps by what they do", () => {
    const labels = valid().nodes.map(describeNode);
    expect(labels).toEqual(["Event signed_up", "Wait for order_placed", "Send email", "Random split", "Set engagement", "Webhook to hooks.example.com", "Wait 1 day", "Exit"]);
    expect(describeNode(journey([node("w", "wait_until", { time: "09:00", weekdays: [3, 1] })], []).nodes[0]!)).toBe("Wait until 09:00 on Mon, Wed");
  });
});

describe("webhook URL syntax", () => {
  const privateHosts = [
    "http://localhost/x",
    "http://LOCALHOST./x",
    "http://api.localhost/x",
    "http://printer.local/x",
    "http://intranet/x",
    "http://127.0.0.1/x",
    "http://127.1/x",
    "http://2130706433/x",
    "http://0x7f000001/x",
    "http://0x7f.0.0.1/x",
    "http://0177.0.0.1/x",
    "http://10.1.2.3/x",
    "http://172.16.0.1/x",
    "http://172.31.255.255/x",
    "http://192.168.1.1/x",
    "http://169.254.169.254/latest/meta-data",
    "http://0.0.0.0/x",
    "http://[::1]/x",
    "http://[::]/x",
    "http://[fc00::1]/x",
    "http://[fd12:3456::1]/x",
    "http://[fe80::1]/x",
    "http://[::ffff:127.0.0.1]/x",
    "http://[::ffff:a9fe:a9fe]/x",
    "http://[64:ff9b::10.0.0.1]/x",
  ];
  it.each(privateHosts)("refuses %s", (url) => {
    expect(webhookUrlSyntaxProblem(url)?.code).toBe("webhook_url_private");
  });

  it.each(["https://hooks.example.com/x", "http://8.8.8.8/x", "http://172.32.0.1/x", "http://[2606:4700::1111]/x", "http://[::ffff:8.8.8.8]/x"])(
    "accepts %s",
    (url) => {
      expect(webhookUrlSyntaxProblem(url)).toBeNull();
    },
  );

  it("judges resolved addresses in both families", () => {
    expect(privateAddressReason("10.0.0.5")).toMatch(/private/);
    expect(privateAddressReason("::ffff:192.168.0.1")).toMatch(/private.*inside an IPv6/);
    expect(privateAddressReason("fe80::1%eth0")).toMatch(/link-local/);
    expect(privateAddressReason("93.184.216.34")).toBeNull();
    expect(privateAddressReason("2606:4700:4700::1111")).toBeNull();
  });
});
