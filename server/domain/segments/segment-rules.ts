import { z } from "zod";

/**
 * The segment rule document, version 1: what the builder edits, what `segments.definition` stores and
 * what compileSegmentWhere turns into SQL. Pure (zod only), so the browser, the worker and the API all
 * read the same shapes. Structure is checked here; what needs the workspace (does attribute `age`
 * exist, is it a number?) is checked in check-segment-definition.ts.
 */

export const SEGMENT_MAX_DEPTH = 5;
export const SEGMENT_MAX_RULES = 100;
export const SEGMENT_MAX_LIST_VALUES = 1000;
export const SEGMENT_MAX_PROPERTY_FILTERS = 10;

/** How a field's values are compared. `status` is a consent status; `list` a JSON array of strings. */
export const VALUE_TYPES = ["text", "number", "boolean", "date", "list", "status"] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export const CONSENT_STATUSES = ["subscribed", "unsubscribed", "pending", "bounced", "complained"] as const;

/** Contact columns a rule may name; anything else is a custom attribute (`attributes.<key>`). */
export const BUILT_IN_FIELDS = {
  email: { label: "Email", type: "text" },
  phone: { label: "Phone", type: "text" },
  phone_country: { label: "Phone country", type: "text" },
  first_name: { label: "First name", type: "text" },
  last_name: { label: "Last name", type: "text" },
  timezone: { label: "Timezone", type: "text" },
  locale: { label: "Locale", type: "text" },
  created_at: { label: "Created", type: "date" },
  email_status: { label: "Email status", type: "status" },
  sms_status: { label: "SMS status", type: "status" },
} as const satisfies Record<string, { label: string; type: ValueType }>;
export type BuiltInField = keyof typeof BUILT_IN_FIELDS;

export const ATTRIBUTE_KEY_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;
const CUSTOM_FIELD_PATTERN = /^attributes\.([a-z][a-z0-9_]{0,62})$/;

export const isBuiltInField = (field: string): field is BuiltInField => Object.hasOwn(BUILT_IN_FIELDS, field);
/** The attribute key of `attributes.<key>`, or null for a built-in (or invalid) field. */
export const customAttributeKey = (field: string): string | null => CUSTOM_FIELD_PATTERN.exec(field)?.[1] ?? null;

export const ATTRIBUTE_OPERATORS = [
  "equals",
  "not_equals",
  "contains",
  "starts_with",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
  "is_set",
  "is_not_set",
  "in",
  "not_in",
  "before",
  "after",
  "within_last_days",
  "anniversary",
] as const;
export type AttributeOperator = (typeof ATTRIBUTE_OPERATORS)[number];

/**
 * Which operators make sense for which type. For `list` attributes, `contains` means "has this value",
 * `in` "has any of" and `not_in` "has none of".
 */
export const OPERATORS_BY_TYPE: Record<ValueType, readonly AttributeOperator[]> = {
  text: ["equals", "not_equals", "contains", "starts_with", "in", "not_in", "is_set", "is_not_set"],
  number: ["equals", "not_equals", "gt", "gte", "lt", "lte", "between", "in", "not_in", "is_set", "is_not_set"],
  boolean: ["equals", "not_equals", "is_set", "is_not_set"],
  date: [
    "equals",
    "not_equals",
    "before",
    "after",
    "gt",
    "gte",
    "lt",
    "lte",
    "between",
    "within_last_days",
    "anniversary",
    "is_set",
    "is_not_set",
  ],
  list: ["contains", "in", "not_in", "is_set", "is_not_set"],
  status: ["equals", "not_equals", "in", "not_in", "is_set", "is_not_set"],
};

const ZScalar = z.union([z.string().max(500, "values are at most 500 characters"), z.number().finite(), z.boolean()], {
  error: "expected text, a number or true/false",
});
export type ScalarValue = z.infer<typeof ZScalar>;

/** A calendar date, YYYY-MM-DD, that really exists (no 30 February). */
export const ZCalendarDate = z.iso.date({ error: "expected a date as YYYY-MM-DD" });

const ZField = z
  .string({ error: "choose a field" })
  .refine((field) => isBuiltInField(field) || CUSTOM_FIELD_PATTERN.test(field), {
    error: "expected a contact field (email, first_name, ...) or attributes.<key> with a lower-case key",
  });

const attributeBase = {
  type: z.literal("attribute"),
  field: ZField,
  /** Filled in from the workspace's attribute definitions when the segment is saved or counted. */
  valueType: z.enum(VALUE_TYPES).optional(),
};

const ZAttributeRule = z.discriminatedUnion("operator", [
  z.object({
    ...attributeBase,
    operator: z.enum(["equals", "not_equals", "contains", "starts_with", "gt", "gte", "lt", "lte", "before", "after"]),
    value: ZScalar,
  }),
  z.object({ ...attributeBase, operator: z.literal("between"), value: z.object({ from: ZScalar, to: ZScalar }) }),
  z.object({
    ...attributeBase,
    operator: z.enum(["in", "not_in"]),
    value: z
      .array(ZScalar)
      .min(1, "add at least one value")
      .max(SEGMENT_MAX_LIST_VALUES, `at most ${SEGMENT_MAX_LIST_VALUES} values`),
  }),
  z.object({ ...attributeBase, operator: z.enum(["is_set", "is_not_set"]) }),
  z.object({
    ...attributeBase,
    operator: z.literal("within_last_days"),
    days: z.int({ error: "expected a whole number of days" }).min(1, "at least 1 day").max(36_500, "at most 36500 days"),
  }),
  z.object({
    ...attributeBase,
    operator: z.literal("anniversary"),
    /** 0: the anniversary is today; 7: it is 7 days from today. */
    days: z.int({ error: "expected a whole number of days" }).min(0, "0 or more days").max(366, "at most 366 days").default(0),
  }),
]);
export type AttributeRule = z.infer<typeof ZAttributeRule>;

const ZListRule = z.object({
  type: z.literal("list"),
  operator: z.enum(["in", "not_in"]),
  listId: z.uuid({ error: "choose a list" }),
  /** `subscribed`: only current subscribers of the list count as members; `any`: any membership status. */
  status: z.enum(["subscribed", "any"]).default("subscribed"),
});
export type ListRule = z.infer<typeof ZListRule>;

const PROPERTY_PATH_PATTERN = /^[^.]{1,100}(\.[^.]{1,100}){0,4}$/;

const propertyPath = z
  .string({ error: "enter a property name" })
  .min(1, "enter a property name")
  .max(200, "property paths are at most 200 characters")
  .regex(PROPERTY_PATH_PATTERN, "expected a property name, or a dotted path such as items.0.sku (at most 5 parts)");

export const ZPropertyFilter = z.discriminatedUnion("operator", [
  z.object({ path: propertyPath, operator: z.enum(["equals", "not_equals", "contains", "gt", "lt"]), value: ZScalar }),
  z.object({ path: propertyPath, operator: z.literal("exists") }),
]);
export type PropertyFilter = z.infer<typeof ZPropertyFilter>;

const ZEventWindow = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("last_days"),
    days: z.int({ error: "expected a whole number of days" }).min(1, "at least 1 day").max(3650, "at most 3650 days"),
  }),
  z.object({ type: z.literal("between"), from: ZCalendarDate, to: ZCalendarDate }),
]);
export type EventWindow = z.infer<typeof ZEventWindow>;

const ZEventRule = z.object({
  type: z.literal("event"),
  name: z.string({ error: "enter an event name" }).trim().min(1, "enter an event name").max(200, "event names are at most 200 characters"),
  /** at_least/at_most/exactly `count` times, or did_not_do (never, within the window). */
  operator: z.enum(["at_least", "at_most", "exactly", "did_not_do"]),
  count: z.int({ error: "expected a whole number" }).min(0, "0 or more").max(1_000_000, "at most 1000000").default(1),
  /** No window: ever. */
  window: ZEventWindow.optional(),
  where: z.array(ZPropertyFilter).max(SEGMENT_MAX_PROPERTY_FILTERS, `at most ${SEGMENT_MAX_PROPERTY_FILTERS} property filters`).default([]),
});
export type EventRule = z.infer<typeof ZEventRule>;

/** Part of the format already; the compiler refuses it until there are delivery tables to read. */
const ZEngagementRule = z.object({
  type: z.literal("engagement"),
  channel: z.enum(["email", "sms"]),
  action: z.enum(["received", "opened", "clicked"]),
  operator: z.enum(["did", "did_not"]).default("did"),
  /** null: any campaign. */
  campaignId: z.uuid().nullable().default(null),
  withinDays: z.int().min(1).max(3650).optional(),
});
export type EngagementRule = z.infer<typeof ZEngagementRule>;

export const ZSegmentGroup = z.object({
  type: z.literal("group"),
  combinator: z.enum(["and", "or"], { error: "expected and/or" }),
  get rules(): z.ZodArray<typeof ZSegmentNode> {
    return z.array(ZSegmentNode).max(SEGMENT_MAX_RULES, `a segment has at most ${SEGMENT_MAX_RULES} rules`);
  },
});

export const ZSegmentNode = z.discriminatedUnion("type", [ZAttributeRule, ZListRule, ZEventRule, ZEngagementRule, ZSegmentGroup]);

export type SegmentGroup = z.infer<typeof ZSegmentGroup>;
export type SegmentNode = z.infer<typeof ZSegmentNode>;
export type SegmentRule = Exclude<SegmentNode, SegmentGroup>;

const isValidTimezone = (timezone: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
};

/** Where a problem is, as the builder names it: root.rules[1].value */
export const formatRulePath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>(
    (text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
    "",
  );

const walk = (
  group: SegmentGroup,
  path: Array<string | number>,
  depth: number,
  visit: (node: SegmentNode, path: Array<string | number>, depth: number) => void,
) => {
  group.rules.forEach((node, index) => {
    const nodePath = [...path, "rules", index];
    visit(node, nodePath, depth + 1);
    if (node.type === "group") walk(node, nodePath, depth + 1, visit);
  });
};

/** Every rule and group under `root`, depth first, with its path ["root", "rules", 1, ...]. */
export const walkSegment = (root: SegmentGroup, visit: (node: SegmentNode, path: Array<string | number>, depth: number) => void) =>
  walk(root, ["root"], 1, visit);

export const ZSegmentDefinition = z
  .object({
    version: z.literal(1, { error: "expected version 1" }),
    /**
     * Where calendar dates are read: "before 2024-05-01" means before midnight of 1 May there, and
     * "today" (within the last N days, anniversaries) is today there. IANA name; UTC by default.
     */
    timezone: z
      .string()
      .max(64)
      .refine(isValidTimezone, { error: "expected an IANA timezone such as Asia/Hong_Kong" })
      .default("UTC"),
    root: ZSegmentGroup,
  })
  .superRefine((definition, context) => {
    let rules = 0;
    walkSegment(definition.root, (node, path, depth) => {
      if (node.type !== "group") rules++;
      else if (depth > SEGMENT_MAX_DEPTH) {
        context.addIssue({ code: "custom", path, message: `groups nest at most ${SEGMENT_MAX_DEPTH} deep` });
      }
    });
    if (rules > SEGMENT_MAX_RULES) {
      context.addIssue({ code: "custom", path: ["root"], message: `a segment has at most ${SEGMENT_MAX_RULES} rules (this one has ${rules})` });
    }
  });

/** What is stored and compiled (defaults applied). */
export type SegmentDefinition = z.infer<typeof ZSegmentDefinition>;
/** What callers may send (defaults optional). */
export type SegmentDefinitionInput = z.input<typeof ZSegmentDefinition>;

export type SegmentProblem = { path: string; message: string };

/** A zod failure as problems keyed by rule path ("root.rules[1].value"), first message per path. */
export const problemsFromZod = (error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): SegmentProblem[] => {
  const seen = new Set<string>();
  const problems: SegmentProblem[] = [];
  for (const issue of error.issues) {
    const path = formatRulePath([...prefix, ...issue.path]) || "definition";
    if (seen.has(path)) continue;
    seen.add(path);
    problems.push({ path, message: issue.message });
  }
  return problems;
};

/** An empty segment: every contact in the workspace. */
export const emptySegmentDefinition = (): SegmentDefinition => ({
  version: 1,
  timezone: "UTC",
  root: { type: "group", combinator: "and", rules: [] },
});
