import { AppError } from "@/server/errors";
import {
  BUILT_IN_FIELDS,
  CONSENT_STATUSES,
  customAttributeKey,
  formatRulePath,
  isBuiltInField,
  OPERATORS_BY_TYPE,
  walkSegment,
  ZCalendarDate,
  type AttributeRule,
  type EventRule,
  type ScalarValue,
  type SegmentDefinition,
  type SegmentGroup,
  type SegmentNode,
  type SegmentProblem,
  type ValueType,
} from "./segment-rules";

/** What only the workspace knows. Without it, types come from each rule's valueType (or its value). */
export type SegmentCheckContext = {
  /** The workspace's custom attributes, key → type. */
  attributeTypes?: ReadonlyMap<string, ValueType>;
  /** The workspace's lists (only those the definition names need be here). */
  listIds?: ReadonlySet<string>;
};

export const ENGAGEMENT_UNAVAILABLE = "Engagement rules become available when delivery lands";

const DATE_OPERATORS = new Set(["before", "after", "within_last_days", "anniversary"]);

/** A reasonable type for a rule whose attribute is not known here (compiling without the workspace). */
const inferValueType = (rule: AttributeRule): ValueType => {
  if (DATE_OPERATORS.has(rule.operator)) return "date";
  const sample =
    "value" in rule ? (Array.isArray(rule.value) ? rule.value[0] : typeof rule.value === "object" ? rule.value.from : rule.value) : undefined;
  if (typeof sample === "number") return "number";
  if (typeof sample === "boolean") return "boolean";
  return "text";
};

const describeField = (field: string) => {
  const key = customAttributeKey(field);
  return key ? `attribute '${key}'` : `field '${field}'`;
};

const EXPECTED: Record<ValueType, string> = {
  text: "text",
  number: "a number",
  boolean: "true or false",
  date: "a date (YYYY-MM-DD)",
  list: "text",
  status: `one of ${CONSENT_STATUSES.join(", ")}`,
};

const fitsType = (type: ValueType, value: ScalarValue) => {
  switch (type) {
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "date":
      return typeof value === "string" && ZCalendarDate.safeParse(value).success;
    case "status":
      return typeof value === "string" && (CONSENT_STATUSES as readonly string[]).includes(value);
    case "text":
    case "list":
      return typeof value === "string";
  }
};

const checkAttributeRule = (
  rule: AttributeRule,
  path: Array<string | number>,
  context: SegmentCheckContext,
  problems: SegmentProblem[],
): AttributeRule => {
  const at = (...rest: Array<string | number>) => formatRulePath([...path, ...rest]);
  const key = customAttributeKey(rule.field);
  let type: ValueType;
  if (isBuiltInField(rule.field)) {
    type = BUILT_IN_FIELDS[rule.field].type;
  } else if (key && context.attributeTypes) {
    const known = context.attributeTypes.get(key);
    if (!known) {
      problems.push({ path: at("field"), message: `there is no attribute '${key}' in this workspace` });
      return rule;
    }
    type = known;
  } else {
    // A custom attribute is never a consent status; only the two built-in columns are.
    type = rule.valueType && rule.valueType !== "status" ? rule.valueType : inferValueType(rule);
  }

  const allowed = OPERATORS_BY_TYPE[type];
  if (!allowed.includes(rule.operator)) {
    problems.push({
      path: at("operator"),
      message: `'${rule.operator}' does not apply to ${type} ${describeField(rule.field)}; use one of ${allowed.join(", ")}`,
    });
    return { ...rule, valueType: type };
  }

  const expected = `expected ${EXPECTED[type]} for ${describeField(rule.field)}`;
  if (rule.operator === "between") {
    const { from, to } = rule.value;
    if (!fitsType(type, from)) problems.push({ path: at("value", "from"), message: expected });
    if (!fitsType(type, to)) problems.push({ path: at("value", "to"), message: expected });
    if (fitsType(type, from) && fitsType(type, to) && from > to) {
      problems.push({ path: at("value"), message: "the first value must not be after the second" });
    }
  } else if (rule.operator === "in" || rule.operator === "not_in") {
    rule.value.forEach((value, index) => {
      if (!fitsType(type, value)) problems.push({ path: at("value", index), message: expected });
    });
  } else if ("value" in rule && !Array.isArray(rule.value)) {
    if (!fitsType(type, rule.value)) problems.push({ path: at("value"), message: expected });
  }
  return { ...rule, valueType: type };
};

const checkEventRule = (rule: EventRule, path: Array<string | number>, problems: SegmentProblem[]) => {
  const at = (...rest: Array<string | number>) => formatRulePath([...path, ...rest]);
  if (rule.operator === "at_least" && rule.count < 1) {
    problems.push({ path: at("count"), message: "“at least 0 times” matches every contact; use 1 or more" });
  }
  if (rule.window?.type === "between" && rule.window.from > rule.window.to) {
    problems.push({ path: at("window", "to"), message: "the end date must not be before the start date" });
  }
  rule.where.forEach((filter, index) => {
    if ((filter.operator === "gt" || filter.operator === "lt") && typeof filter.value === "boolean") {
      problems.push({ path: at("where", index, "value"), message: "expected a number or text to compare with" });
    }
  });
};

/**
 * Everything about a (structurally valid) definition that zod cannot see: operators that fit each
 * field's type, values of that type, lists and attributes that exist in the workspace, engagement
 * rules that cannot run yet, empty groups. Returns the definition with each attribute rule's
 * valueType filled in from the workspace, and every problem found (not just the first).
 */
export const checkSegmentDefinition = (
  definition: SegmentDefinition,
  context: SegmentCheckContext = {},
): { definition: SegmentDefinition; problems: SegmentProblem[] } => {
  const problems: SegmentProblem[] = [];
  const typed = new Map<SegmentNode, AttributeRule>();
  walkSegment(definition.root, (node, path) => {
    switch (node.type) {
      case "attribute":
        typed.set(node, checkAttributeRule(node, path, context, problems));
        break;
      case "list":
        if (context.listIds && !context.listIds.has(node.listId)) {
          problems.push({ path: formatRulePath([...path, "listId"]), message: "there is no list with this id in this workspace" });
        }
        break;
      case "event":
        checkEventRule(node, path, problems);
        break;
      case "engagement":
        problems.push({ path: formatRulePath(path), message: ENGAGEMENT_UNAVAILABLE });
        break;
      case "group":
        if (node.rules.length === 0) {
          problems.push({ path: formatRulePath(path), message: "this group has no rules; add one or remove the group" });
        }
        break;
    }
  });
  const rebuild = (group: SegmentGroup): SegmentGroup => ({
    ...group,
    rules: group.rules.map((node) => (node.type === "group" ? rebuild(node) : (typed.get(node) ?? node))),
  });
  return { definition: { ...definition, root: rebuild(definition.root) }, problems };
};

/** Problems as the one error the front doors understand: a message naming each rule path, and fieldErrors by path. */
export const segmentProblemsError = (problems: SegmentProblem[]) =>
  new AppError(
    "BAD_REQUEST",
    problems.map((problem) => `${problem.path}: ${problem.message}`).join("; "),
    Object.fromEntries(
      problems.reduce((map, problem) => map.set(problem.path, [...(map.get(problem.path) ?? []), problem.message]), new Map<string, string[]>()),
    ),
  );
