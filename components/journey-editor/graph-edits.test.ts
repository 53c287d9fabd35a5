import { describe, expect, it } from "vitest";
import { emptyJourneyDefinition, type JourneyDefinition } from "@/server/domain/journeys/journey-definition";
import { validateJourneyGraph } from "@/server/domain/journeys/journey-graph";
import { findFreeSpot, layoutJourney } from "./auto-layout";
import { addNode, connect, copyNodes, pasteNodes, removeElements, updateNode } from "./graph-edits";
import { historyReducer, initialHistory } from "./journey-history";
import { createNode } from "./node-catalog";

const at = { x: 0, y: 0 };

const build = () => {
  let d: JourneyDefinition = emptyJourneyDefinition();
  const trigger = createNode("trigger_api", at, "t");
  const branch = createNode("branch_segment", at, "b");
  const yes = createNode("send_email", at, "yes-mail");
  const no = createNode("send_email", at, "no-mail");
  for (const node of [trigger, branch, yes, no]) d = addNode(d, node);
  d = connect(d, { source: "t", sourceHandle: "next", target: "b" });
  d = connect(d, { source: "b", sourceHandle: "yes", target: "yes-mail" });
  d = connect(d, { source: "b", sourceHandle: "no", target: "no-mail" });
  return d;
};

describe("journey graph edits", () => {
  it("connects one edge per output: a new connection from the same output replaces the old one", () => {
    let d = build();
    d = connect(d, { source: "b", sourceHandle: "yes", target: "no-mail" });
    expect(d.edges.filter((e) => e.source === "b" && e.sourceHandle === "yes")).toEqual([expect.objectContaining({ target: "no-mail" })]);
    expect(d.edges).toHaveLength(3);
  });

  it("refuses connections into a trigger, to the node itself, or from an output the node does not have", () => {
    const d = build();
    expect(connect(d, { source: "b", sourceHandle: "yes", target: "t" })).toBe(d);
    expect(connect(d, { source: "b", sourceHandle: "yes", target: "b" })).toBe(d);
    expect(connect(d, { source: "b", sourceHandle: "maybe", target: "no-mail" })).toBe(d);
  });

  it("removing a node takes its edges along", () => {
    const d = removeElements(build(), ["b"]);
    expect(d.nodes.map((n) => n.id)).toEqual(["t", "yes-mail", "no-mail"]);
    expect(d.edges).toEqual([]);
  });

  it("dropping a split branch drops the edge from its output", () => {
    let d = addNode(build(), createNode("split_random", at, "s"));
    d = connect(d, { source: "s", sourceHandle: "b", target: "no-mail" });
    const split = d.nodes.find((n) => n.id === "s")!;
    if (split.type !== "split_random") throw new Error("expected a split");
    d = updateNode(d, { ...split, config: { branches: [split.config.branches[0]!, { key: "c", label: "C", percent: 50 }] } });
    expect(d.edges.some((e) => e.source === "s")).toBe(false);
  });

  it("pastes copies with new ids, shifted, keeping the edges between them", () => {
    const d = build();
    const clip = copyNodes(d, ["b", "yes-mail"])!;
    expect(clip.edges).toHaveLength(1);
    const { definition, ids } = pasteNodes(d, clip, { x: 40, y: 40 });
    expect(ids).toHaveLength(2);
    expect(ids.some((id) => d.nodes.some((n) => n.id === id))).toBe(false);
    expect(definition.nodes).toHaveLength(6);
    const pastedEdge = definition.edges.find((e) => ids.includes(e.source));
    expect(pastedEdge).toMatchObject({ source: ids[0], sourceHandle: "yes", target: ids[1] });
    expect(definition.nodes.find((n) => n.id === ids[0])!.position).toEqual({ x: 40, y: 40 });
  });

  it("a fresh node of every send type is flagged until it has a template", () => {
    const problems = validateJourneyGraph(build());
    expect(problems.filter((p) => p.code === "missing_template").map((p) => p.nodeId)).toEqual(["yes-mail", "no-mail"]);
  });

  it("lays out top to bottom, yes left of no", () => {
    const d = layoutJourney(build(), new Map());
    const y = (id: string) => d.nodes.find((n) => n.id === id)!.position.y;
    const x = (id: string) => d.nodes.find((n) => n.id === id)!.position.x;
    expect(y("t")).toBeLessThan(y("b"));
    expect(y("b")).toBeLessThan(y("yes-mail"));
    expect(x("yes-mail")).toBeLessThan(x("no-mail"));
  });
});

describe("adding by click", () => {
  it("steps aside from steps already there", () => {
    const d = addNode(emptyJourneyDefinition(), createNode("exit", { x: 0, y: 0 }, "e"));
    const spot = findFreeSpot(d, new Map([["e", { width: 240, height: 96 }]]), { x: 0, y: 0 });
    expect(spot.y).toBeGreaterThanOrEqual(96);
    expect(findFreeSpot(emptyJourneyDefinition(), new Map(), { x: 10.4, y: 20.6 })).toEqual({ x: 10, y: 21 });
  });
});

describe("undo history", () => {
  it("undoes and redoes edits; a drag is one step from its checkpoint", () => {
    const start = build();
    let h = initialHistory(start);
    h = historyReducer(h, { type: "edit", change: (d) => removeElements(d, ["no-mail"]), record: true });
    h = historyReducer(h, { type: "checkpoint" });
    for (const x of [10, 20, 30])
      h = historyReducer(h, { type: "edit", change: (d) => ({ ...d, nodes: d.nodes.map((n) => (n.id === "t" ? { ...n, position: { x, y: 0 } } : n)) }), record: false });
    expect(h.present.nodes[0]!.position.x).toBe(30);
    h = historyReducer(h, { type: "undo" });
    expect(h.present.nodes[0]!.position.x).toBe(0);
    expect(h.present.nodes).toHaveLength(3);
    h = historyReducer(h, { type: "undo" });
    expect(h.present).toBe(start);
    h = historyReducer(h, { type: "redo" });
    h = historyReducer(h, { type: "redo" });
    expect(h.present.nodes[0]!.position.x).toBe(30);
  });

  it("a checkpoint with nothing after it (a click on a node) is not an undo step", () => {
    const start = build();
    let h = historyReducer(initialHistory(start), { type: "edit", change: (d) => removeElements(d, ["no-mail"]), record: true });
    const afterDelete = h.present;
    h = historyReducer(h, { type: "checkpoint" });
    h = historyReducer(h, { type: "undo" });
    expect(h.present).toBe(start);
    h = historyReducer(h, { type: "redo" });
    expect(h.present).toBe(afterDelete);
  });
});
