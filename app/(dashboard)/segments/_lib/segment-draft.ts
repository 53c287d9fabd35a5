import type {
  AttributeOperator,
  AttributeRule,
  EventRule,
  ListRule,
  SegmentDefinition,
  SegmentGroup,
  SegmentNode,
  ValueType,
} from "@/server/domain/segments/segment-rules";

/**
 * The builder's pure half: immutable edits of a segment definition by path, the default shape of
 * each new rule, and server problems matched to the rule they belong to. The definition is edited
 * as the server will read it, so what is previewed is exactly what is saved.
 */

export type NodePath = number[];

export const MAX_DEPTH = 5;

export const emptyDefinition = (): SegmentDefinition => ({
  version: 1,
  timezone: "UTC",
  root: { type: "group", combinator: "and", rules: [] },
});

/** "root.rules[1].rules[0]", the server's way of naming a rule. */
export const rulePath = (path: NodePath) => `root${path.map((index) => `.rules[${index}]`).join("")}`;

const mapGroup = (group: SegmentGroup, path: NodePath, change: (node: SegmentNode) => SegmentNode | null): SegmentGroup => {
  const [index, ...rest] = path;
  if (index === undefined) return group;
  const rules = group.rules.flatMap((node, position) => {
    if (position !== index) return [node];
    if (rest.length === 0) {
      const changed = change(node);
      return changed ? [changed] : [];
    }
    return node.type === "group" ? [mapGroup(node, rest, change)] : [node];
  });
  return { ...group, rules };
};

export const replaceNode = (definition: SegmentDefinition, path: NodePath, node: SegmentNode): SegmentDefinition => ({
  ...definition,
  root: mapGroup(definition.root, path, () => node),
});

export const removeNode = (definition: SegmentDefinition, path: NodePath): SegmentDefinition => ({
  ...definition,
  root: mapGroup(definition.root, path, () => null),
});

/** Adds a rule or group at the end of the group at `path` ([] is the root). */
export const appendNode = (definition: SegmentDefinition, path: NodePath, node: SegmentNode): SegmentDefinition => {
  if (path.length === 0) return { ...definition, root: { ...definition.root, rules: [...definition.root.rules, node] } };
  return {
    ...definition,
    root: mapGroup(definition.root, path, (group) => (group.type === "group" ? { ...group, rules: [...group.rules, node] } : group)),
  };
};

export const setCombinator = (definition: SegmentDefinition, path: NodePath, combinator: "and" | "or"): SegmentDefinition =>
  path.length === 0
    ? { ...definition, root: { ...definition.root, combinator } }
    : { ...definition, root: mapGroup(definition.root, path, (group) => (group.type === "group" ? { ...group, combinator } : group)) };

// ------------------------------------------------------------------------------------------------
// New rules
// ------------------------------------------------------------------------------------------------

export type FieldOption = { field: string; label: string; type: ValueType; builtIn: boolean };

/** "<field> is set": valid as soon as it is added, so a new rule is not shown as a problem before it is filled in. */
export const newAttributeRule = (field: FieldOption | undefined): AttributeRule => ({
  type: "attribute",
  field: field?.field ?? "email",
  valueType: field?.type ?? "text",
  operator: "is_set",
});

export const newListRule = (listId: string | undefined): ListRule => ({
  type: "list",
  operator: "in",
  listId: listId ?? "",
  status: "subscribed",
});

export const newEventRule = (name = ""): EventRule => ({
  type: "event",
  name,
  operator: "at_least",
  count: 1,
  window: { type: "last_days", days: 30 },
  where: [],
});

export const newGroup = (rule: SegmentNode): SegmentGroup => ({ type: "group", combinator: "or", rules: [rule] });

const defaultScalar = (type: ValueType) => (type === "boolean" ? true : type === "status" ? "subscribed" : "");

/**
 * The rule with a new operator, keeping what value it can: a scalar becomes the first of a list
 * or the start of a range, and back.
 */
export const withOperator = (rule: AttributeRule, type: ValueType, operator: AttributeOperator): AttributeRule => {
  const base = { type: "attribute" as const, field: rule.field, valueType: type };
  const previous =
    "value" in rule ? (Array.isArray(rule.value) ? rule.value[0] : typeof rule.value === "object" ? rule.value.from : rule.value) : undefined;
  const fits = type === "number" ? "number" : type === "boolean" ? "boolean" : "string";
  const scalar = previous !== undefined && previous !== "" && typeof previous === fits ? previous : defaultScalar(type);
  switch (operator) {
    case "is_set":
    case "is_not_set":
      return { ...base, operator };
    case "in":
    case "not_in":
      return { ...base, operator, value: scalar === "" ? [] : [scalar] };
    case "between":
      return { ...base, operator, value: { from: scalar, to: "" } };
    case "within_last_days":
      return { ...base, operator, days: "days" in rule && rule.days > 0 ? rule.days : 30 };
    case "anniversary":
      return { ...base, operator, days: 0 };
    default:
      return { ...base, operator, value: scalar };
  }
};

// ------------------------------------------------------------------------------------------------
// Problems from the server, by rule
// ------------------------------------------------------------------------------------------------

/**
 * Normalises the two ways a problem's place comes back: "root.rules[1].value" (the segment
 * checker) and "definition.root.rules.1.value" (tRPC input validation).
 */
export const normaliseProblemPath = (key: string) =>
  key.replace(/^definition\./, "").replace(/\.(\d+)(?=\.|$)/g, "[$1]");

export type Problems = Record<string, string>;

export const problemsByPath = (fieldErrors: Record<string, string | undefined>): Problems =>
  Object.fromEntries(
    Object.entries(fieldErrors)
      .filter((entry): entry is [string, string] => Boolean(entry[1]))
      .map(([key, message]) => [normaliseProblemPath(key), message]),
  );

/** A rule's problems: at its path or inside it ("value", "where[0].path"), with a readable place. */
export const problemsOfRule = (problems: Problems, path: NodePath) => {
  const prefix = rulePath(path);
  return Object.entries(problems)
    .filter(([key]) => key === prefix || key.startsWith(`${prefix}.`))
    .map(([key, message]) => ({ part: key.slice(prefix.length + 1), message }));
};

/** A group's own problems (empty, too deep, bad combinator), not those of the rules inside it. */
export const problemsOfGroup = (problems: Problems, path: NodePath) => {
  const prefix = rulePath(path);
  return Object.entries(problems)
    .filter(([key]) => key === prefix || key === `${prefix}.combinator` || (path.length === 0 && key === "root.rules"))
    .map(([, message]) => message);
};

/** Problems that belong to no rule: the timezone, the version, the whole document. */
export const documentProblems = (problems: Problems) =>
  Object.entries(problems)
    .filter(([key]) => !key.startsWith("root.rules[") && key !== "root.rules" && key !== "root" && key !== "root.combinator")
    .map(([key, message]) => `${key}: ${message}`);

export const countRules = (group: SegmentGroup): number =>
  group.rules.reduce((total, node) => total + (node.type === "group" ? countRules(node) : 1), 0);
