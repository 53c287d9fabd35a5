import { describe, expect, it } from "vitest";
import type { SegmentDefinition } from "@/server/domain/segments/segment-rules";
import {
  appendNode,
  documentProblems,
  emptyDefinition,
  newAttributeRule,
  newGroup,
  normaliseProblemPath,
  problemsByPath,
  problemsOfGroup,
  problemsOfRule,
  removeNode,
  replaceNode,
  setCombinator,
  withOperator,
} from "./segment-draft";

const age = { field: "attributes.age", label: "Age", type: "number", builtIn: false } as const;

describe("editing by path", () => {
  it("appends, replaces and removes rules and groups at any depth, without touching the original", () => {
    const start = emptyDefinition();
    let definition: SegmentDefinition = appendNode(start, [], newAttributeRule(age));
    definition = appendNode(definition, [], newGroup(newAttributeRule(undefined)));
    definition = appendNode(definition, [1], newAttributeRule(age));
    definition = setCombinator(definition, [1], "and");
    definition = replaceNode(definition, [1, 1], { type: "attribute", field: "attributes.age", valueType: "number", operator: "gt", value: 3 });
    expect(start.root.rules).toEqual([]);
    expect(definition.root.rules[1]).toEqual({
      type: "group",
      combinator: "and",
      rules: [
        { type: "attribute", field: "email", valueType: "text", operator: "is_set" },
        { type: "attribute", field: "attributes.age", valueType: "number", operator: "gt", value: 3 },
      ],
    });
    expect(removeNode(definition, [1, 0]).root.rules[1]).toMatchObject({ rules: [{ operator: "gt" }] });
    expect(removeNode(definition, [0]).root.rules).toHaveLength(1);
  });

  it("switching operators keeps what value it can", () => {
    const rule = { type: "attribute", field: "attributes.age", valueType: "number", operator: "equals", value: 30 } as const;
    expect(withOperator(rule, "number", "in")).toMatchObject({ operator: "in", value: [30] });
    expect(withOperator(rule, "number", "between")).toMatchObject({ operator: "between", value: { from: 30, to: "" } });
    expect(withOperator(rule, "number", "is_set")).toEqual({ type: "attribute", field: "attributes.age", valueType: "number", operator: "is_set" });
    expect(withOperator(rule, "date", "within_last_days")).toMatchObject({ days: 30 });
    expect(withOperator(rule, "boolean", "equals")).toMatchObject({ value: true });
  });
});

describe("problems by rule", () => {
  it("reads both the checker's paths and tRPC's input paths", () => {
    expect(normaliseProblemPath("definition.root.rules.1.rules.0.value")).toBe("root.rules[1].rules[0].value");
    expect(normaliseProblemPath("root.rules[1].value")).toBe("root.rules[1].value");
    expect(normaliseProblemPath("definition.root.rules.0.where.2.path")).toBe("root.rules[0].where[2].path");
  });

  it("gives each rule its own problems and groups theirs", () => {
    const problems = problemsByPath({
      "root.rules[1].value": "expected a number for attribute 'age'",
      "definition.root.rules.1.rules.0.operator": "bad operator",
      "root.rules[10]": "this group has no rules; add one or remove the group",
      "root": "a segment has at most 100 rules",
      timezone: "expected an IANA timezone",
      name: undefined,
    });
    expect(problemsOfRule(problems, [1])).toEqual([
      { part: "value", message: "expected a number for attribute 'age'" },
      { part: "rules[0].operator", message: "bad operator" },
    ]);
    expect(problemsOfRule(problems, [1, 0])).toEqual([{ part: "operator", message: "bad operator" }]);
    expect(problemsOfGroup(problems, [10])).toEqual(["this group has no rules; add one or remove the group"]);
    expect(problemsOfGroup(problems, [])).toEqual(["a segment has at most 100 rules"]);
    expect(problemsOfRule(problems, [0])).toEqual([]);
    expect(documentProblems(problems)).toEqual(["timezone: expected an IANA timezone"]);
  });
});
