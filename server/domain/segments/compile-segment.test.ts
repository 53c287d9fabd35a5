import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { compileSegmentWhere, localDate } from "./compile-segment";
import type { SegmentDefinitionInput } from "./segment-rules";

const WS = "11111111-1111-4111-8111-111111111111";
const LIST = "22222222-2222-4222-8222-222222222222";
// 02:00 UTC on 1 March 2024: already 1 March in Hong Kong, still 29 February in New York.
const NOW = new Date("2024-03-01T02:00:00Z");
const dialect = new PgDialect();

type Rules = NonNullable<SegmentDefinitionInput["root"]["rules"]>;

const compile = (rules: Rules, { combinator = "and", timezone }: { combinator?: "and" | "or"; timezone?: string } = {}) =>
  dialect.sqlToQuery(compileSegmentWhere({ version: 1, timezone, root: { type: "group", combinator, rules } }, { workspaceId: WS, now: NOW }));

/** The SQL of one rule (without the workspace wrapper) and its parameters (without the workspace id). */
const one = (rule: Rules[number], timezone?: string) => {
  const { sql, params } = compile([rule], { timezone });
  const prefix = "(c.workspace_id = $1::uuid and (";
  expect(sql.startsWith(prefix) && sql.endsWith("))"), sql).toBe(true);
  expect(params[0]).toBe(WS);
  // Numbered as if the rule stood alone: $2 (after the workspace id) reads as $1.
  const body = sql.slice(prefix.length, -2).replace(/\s+/g, " ").replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) - 1}`);
  return { sql: body, params: params.slice(1) };
};

const problems = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { message: (error as AppError).message, fields: (error as AppError).fieldErrors ?? {} };
  }
  throw new Error("expected the definition to be refused");
};

const text = (operator: string, value?: unknown) =>
  ({ type: "attribute", field: "attributes.city", valueType: "text", operator, value }) as Rules[number];
const number = (operator: string, value?: unknown) =>
  ({ type: "attribute", field: "attributes.age", valueType: "number", operator, value }) as Rules[number];
const date = (operator: string, extra: Record<string, unknown>) =>
  ({ type: "attribute", field: "attributes.birthday", valueType: "date", operator, ...extra }) as Rules[number];

const JSON_TEXT = "(c.attributes ->> $1::text)";
const JSON_NUMBER = "(case when jsonb_typeof(c.attributes -> $1::text) = 'number' then (c.attributes ->> $2::text)::numeric end)";

describe("the wrapper", () => {
  it("always scopes by workspace, and an empty segment is every contact of it", () => {
    expect(compile([])).toMatchObject({ sql: "(c.workspace_id = $1::uuid and true)", params: [WS] });
    expect(compile([], { combinator: "or" }).sql).toBe("(c.workspace_id = $1::uuid and false)");
  });

  it("refuses a workspace id that is not one", () => {
    expect(() => compileSegmentWhere({ version: 1, root: { type: "group", combinator: "and", rules: [] } }, { workspaceId: "x' or 1=1" })).toThrow(
      "workspace id",
    );
  });

  it("nests groups with their own combinators", () => {
    const { sql, params } = compile([
      { type: "attribute", field: "first_name", operator: "equals", value: "Ana" },
      {
        type: "group",
        combinator: "or",
        rules: [
          { type: "attribute", field: "locale", operator: "equals", value: "zh-HK" },
          { type: "group", combinator: "and", rules: [{ type: "attribute", field: "phone_country", operator: "equals", value: "MO" }] },
        ],
      },
    ]);
    expect(sql).toBe(
      "(c.workspace_id = $1::uuid and (lower(c.first_name) = lower($2::text) and (lower(c.locale) = lower($3::text) or (lower(c.phone_country) = lower($4::text)))))",
    );
    expect(params).toEqual([WS, "Ana", "zh-HK", "MO"]);
  });
});

describe("text attributes", () => {
  it.each([
    ["equals", "Taipei", `lower(${JSON_TEXT}) = lower($2::text)`, ["Taipei"]],
    ["not_equals", "Taipei", `not coalesce(lower(${JSON_TEXT}) = lower($2::text), false)`, ["Taipei"]],
    ["contains", "50%_off\\", `${JSON_TEXT} ilike $2::text`, ["%50\\%\\_off\\\\%"]],
    ["starts_with", "Tai", `${JSON_TEXT} ilike $2::text`, ["Tai%"]],
    ["in", ["Taipei", "Macau"], `lower(${JSON_TEXT}) in (lower($2::text), lower($3::text))`, ["Taipei", "Macau"]],
    ["not_in", ["Taipei"], `not coalesce(lower(${JSON_TEXT}) in (lower($2::text)), false)`, ["Taipei"]],
    ["is_set", undefined, `coalesce(${JSON_TEXT}, '') <> ''`, []],
    ["is_not_set", undefined, `coalesce(${JSON_TEXT}, '') = ''`, []],
  ])("%s", (operator, value, sql, params) => {
    expect(one(text(operator, value))).toEqual({ sql, params: ["city", ...params] });
  });

  it("built-in fields are columns from a fixed map", () => {
    expect(one({ type: "attribute", field: "email", operator: "starts_with", value: "ana" })).toEqual({
      sql: "c.email ilike $1::text",
      params: ["ana%"],
    });
    expect(one({ type: "attribute", field: "last_name", operator: "is_set" }).sql).toBe("coalesce(c.last_name, '') <> ''");
    expect(one({ type: "attribute", field: "timezone", operator: "equals", value: "Asia/Macau" }).sql).toBe("lower(c.timezone) = lower($1::text)");
    expect(one({ type: "attribute", field: "phone", operator: "in", value: ["+85291234567"] }).sql).toBe("lower(c.phone) in (lower($1::text))");
  });
});

describe("number attributes", () => {
  it.each([
    ["equals", 40, `${JSON_NUMBER} = $3::numeric`, [40]],
    ["not_equals", 40, `not coalesce(${JSON_NUMBER} = $3::numeric, false)`, [40]],
    ["gt", 40, `${JSON_NUMBER} > $3::numeric`, [40]],
    ["gte", 40.5, `${JSON_NUMBER} >= $3::numeric`, [40.5]],
    ["lt", -1, `${JSON_NUMBER} < $3::numeric`, [-1]],
    ["lte", 0, `${JSON_NUMBER} <= $3::numeric`, [0]],
    ["between", { from: 18, to: 30 }, `${JSON_NUMBER} between $3::numeric and $4::numeric`, [18, 30]],
    ["in", [1, 2], `${JSON_NUMBER} in ($3::numeric, $4::numeric)`, [1, 2]],
    ["not_in", [1], `not coalesce(${JSON_NUMBER} in ($3::numeric), false)`, [1]],
    ["is_set", undefined, `${JSON_NUMBER} is not null`, []],
    ["is_not_set", undefined, `${JSON_NUMBER} is null`, []],
  ])("%s: casts only JSON numbers", (operator, value, sql, params) => {
    expect(one(number(operator, value))).toEqual({ sql, params: ["age", "age", ...params] });
  });
});

describe("boolean attributes", () => {
  const vip = (operator: string, value?: boolean) =>
    ({ type: "attribute", field: "attributes.vip", valueType: "boolean", operator, value }) as Rules[number];
  it.each([
    ["equals", true, "(c.attributes -> $1::text) = $2::jsonb", ["vip", "true"]],
    ["not_equals", false, "not coalesce((c.attributes -> $1::text) = $2::jsonb, false)", ["vip", "false"]],
    ["is_set", undefined, "jsonb_typeof((c.attributes -> $1::text)) = 'boolean'", ["vip"]],
    ["is_not_set", undefined, "not coalesce(jsonb_typeof((c.attributes -> $1::text)) = 'boolean', false)", ["vip"]],
  ])("%s", (operator, value, sql, params) => {
    expect(one(vip(operator, value))).toEqual({ sql, params });
  });
});

describe("list attributes (JSON arrays)", () => {
  const tags = (operator: string, value?: unknown) =>
    ({ type: "attribute", field: "attributes.tags", valueType: "list", operator, value }) as Rules[number];
  const ARRAY = "(case when jsonb_typeof(c.attributes -> $1::text) = 'array' then c.attributes -> $2::text end)";
  it.each([
    ["contains", "vip", `${ARRAY} @> $3::jsonb`, ['["vip"]']],
    ["in", ["a", "b"], `${ARRAY} ?| array[$3::text, $4::text]`, ["a", "b"]],
    ["not_in", ["a"], `not coalesce(${ARRAY} ?| array[$3::text], false)`, ["a"]],
    ["is_set", undefined, `${ARRAY} <> '[]'::jsonb`, []],
    ["is_not_set", undefined, `not coalesce(${ARRAY} <> '[]'::jsonb, false)`, []],
  ])("%s", (operator, value, sql, params) => {
    expect(one(tags(operator, value))).toEqual({ sql, params: ["tags", "tags", ...params] });
  });
});

describe("consent status fields", () => {
  it.each([
    ["equals", "subscribed", "c.email_status::text = $1::text", ["subscribed"]],
    ["not_equals", "bounced", "not coalesce(c.email_status::text = $1::text, false)", ["bounced"]],
    ["in", ["pending", "subscribed"], "c.email_status::text in ($1::text, $2::text)", ["pending", "subscribed"]],
    ["not_in", ["complained"], "not coalesce(c.email_status::text in ($1::text), false)", ["complained"]],
    ["is_set", undefined, "c.email_status::text is not null", []],
    ["is_not_set", undefined, "c.email_status::text is null", []],
  ])("%s", (operator, value, sql, params) => {
    expect(one({ type: "attribute", field: "email_status", operator, value } as Rules[number])).toEqual({ sql, params });
  });

  it("sms_status too, and only real statuses", () => {
    expect(one({ type: "attribute", field: "sms_status", operator: "equals", value: "unsubscribed" }).sql).toBe("c.sms_status::text = $1::text");
    expect(problems(() => compile([{ type: "attribute", field: "sms_status", operator: "equals", value: "opted_out" }])).fields).toEqual({
      "root.rules[0].value": ["expected one of subscribed, unsubscribed, pending, bounced, complained for field 'sms_status'"],
    });
  });
});

describe("date attributes (calendar dates in the segment's timezone)", () => {
  /** The guarded date expression, with its parameters: the key six times and the timezone. */
  const dateParams = (timezone = "UTC") => ["birthday", "birthday", "birthday", "birthday", "birthday", "birthday", timezone, "birthday"];
  const DATE_EXPR = /^\(case when jsonb_typeof\(c\.attributes -> \$1::text\) = 'string' and .*pg_input_is_valid.* end\)/;

  it.each([
    ["equals", { value: "2024-05-01" }, "= $9::date", ["2024-05-01"]],
    ["before", { value: "2024-05-01" }, "< $9::date", ["2024-05-01"]],
    ["lt", { value: "2024-05-01" }, "< $9::date", ["2024-05-01"]],
    ["lte", { value: "2024-05-01" }, "<= $9::date", ["2024-05-01"]],
    ["after", { value: "2024-05-01" }, "> $9::date", ["2024-05-01"]],
    ["gt", { value: "2024-05-01" }, "> $9::date", ["2024-05-01"]],
    ["gte", { value: "2024-05-01" }, ">= $9::date", ["2024-05-01"]],
  ])("%s compares the guarded date", (operator, extra, tail, params) => {
    const { sql, params: all } = one(date(operator, extra));
    expect(sql).toMatch(DATE_EXPR);
    expect(sql.endsWith(` ${tail}`)).toBe(true);
    expect(all).toEqual([...dateParams(), ...params]);
  });

  it("not_equals is the complement, between is inclusive", () => {
    expect(one(date("not_equals", { value: "2024-05-01" })).sql).toMatch(/^not coalesce\(\(case .* end\) = \$9::date, false\)$/);
    const between = one(date("between", { value: { from: "2024-01-01", to: "2024-01-31" } }));
    expect(between.sql).toMatch(/^\(\(case .* end\) >= \$9::date and \(case .* end\) <= \$18::date\)$/);
    expect(between.params.filter((p) => typeof p === "string" && p.startsWith("2024"))).toEqual(["2024-01-01", "2024-01-31"]);
  });

  it("within_last_days counts back from today in the segment's timezone", () => {
    const hongKong = one(date("within_last_days", { days: 7 }), "Asia/Hong_Kong");
    expect(hongKong.params).toContain("2024-02-23");
    expect(hongKong.params).toContain("2024-03-01");
    const newYork = one(date("within_last_days", { days: 7 }), "America/New_York");
    expect(newYork.params).toContain("2024-02-22");
    expect(newYork.params).toContain("2024-02-29");
    expect(newYork.sql).toMatch(/>= \$9::date and .* <= \$18::date\)$/);
  });

  it("anniversary matches month and day of today or N days ahead, 29 February on the 28th in other years", () => {
    const today = one(date("anniversary", { days: 0 }), "Asia/Hong_Kong");
    expect(today.sql).toMatch(/^to_char\(\(case .* end\), 'MM-DD'\) in \(\$9::text\)$/);
    expect(today.params.at(-1)).toBe("03-01");
    expect(one(date("anniversary", { days: 0 }), "America/New_York").params.at(-1)).toBe("02-29");
    expect(one(date("anniversary", { days: 5 }), "Asia/Hong_Kong").params.at(-1)).toBe("03-06");
    // 1 March 2024 + 364 days = 28 February 2025, a year without a 29th.
    const leapless = one(date("anniversary", { days: 364 }), "Asia/Hong_Kong");
    expect(leapless.sql.endsWith("'MM-DD') in ($9::text, $10::text)")).toBe(true);
    expect(leapless.params.slice(-2)).toEqual(["02-28", "02-29"]);
  });

  it("is_set / is_not_set test for a readable date", () => {
    expect(one(date("is_set", {})).sql).toMatch(/^\(case .* end\) is not null$/);
    expect(one(date("is_not_set", {})).sql).toMatch(/^\(case .* end\) is null$/);
  });

  it("created_at is compared with the instants local days begin, so its index stays usable", () => {
    const start = (n: number) => `($${n}::timestamp at time zone $${n + 1}::text)`;
    const at = (operator: string, extra: Record<string, unknown>) =>
      one({ type: "attribute", field: "created_at", operator, ...extra } as Rules[number], "Asia/Hong_Kong");
    expect(at("before", { value: "2024-05-01" })).toEqual({ sql: `c.created_at < ${start(1)}`, params: ["2024-05-01", "Asia/Hong_Kong"] });
    expect(at("after", { value: "2024-05-01" })).toEqual({ sql: `c.created_at >= ${start(1)}`, params: ["2024-05-02", "Asia/Hong_Kong"] });
    expect(at("lte", { value: "2024-12-31" }).params).toEqual(["2025-01-01", "Asia/Hong_Kong"]);
    expect(at("equals", { value: "2024-05-01" })).toEqual({
      sql: `(c.created_at >= ${start(1)} and c.created_at < ${start(3)})`,
      params: ["2024-05-01", "Asia/Hong_Kong", "2024-05-02", "Asia/Hong_Kong"],
    });
    expect(at("within_last_days", { days: 30 }).params).toEqual(["2024-01-31", "Asia/Hong_Kong", "2024-03-02", "Asia/Hong_Kong"]);
    expect(at("anniversary", { days: 0 })).toEqual({
      sql: "to_char((c.created_at at time zone $1::text)::date, 'MM-DD') in ($2::text)",
      params: ["Asia/Hong_Kong", "03-01"],
    });
    expect(at("is_not_set", {}).sql).toBe("c.created_at is null");
  });

  it("today is the date on the wall clocks of the timezone", () => {
    expect(localDate(NOW, "UTC")).toBe("2024-03-01");
    expect(localDate(NOW, "America/New_York")).toBe("2024-02-29");
    expect(localDate(new Date("2024-03-01T16:30:00Z"), "Asia/Hong_Kong")).toBe("2024-03-02");
  });
});

describe("list rules", () => {
  const EXISTS =
    "exists (select 1 from list_memberships lm where lm.list_id = $1::uuid and lm.contact_id = c.id and lm.workspace_id = $2::uuid";
  it("in: a subscribed member by default, or any status", () => {
    expect(one({ type: "list", operator: "in", listId: LIST })).toEqual({ sql: `${EXISTS} and lm.status = 'subscribed')`, params: [LIST, WS] });
    expect(one({ type: "list", operator: "in", listId: LIST, status: "any" }).sql).toBe(`${EXISTS})`);
  });
  it("not_in is an anti-join", () => {
    expect(one({ type: "list", operator: "not_in", listId: LIST }).sql).toBe(`not ${EXISTS} and lm.status = 'subscribed')`);
  });
});

describe("event rules", () => {
  const WHERE = "e.workspace_id = $1::uuid and e.name = $2::text";
  const event = (extra: Record<string, unknown>) => one({ type: "event", name: "order_placed", operator: "at_least", ...extra } as Rules[number]);

  it("at least once: a plain semi-join", () => {
    expect(event({ count: 1 })).toEqual({ sql: `c.id in (select e.contact_id from events e where ${WHERE})`, params: [WS, "order_placed"] });
  });

  it("at least / exactly N: grouped events, computed once as an array where only ANDs lead to the rule", () => {
    expect(event({ count: 2 })).toEqual({
      sql: `c.id = any(array(select e.contact_id from events e where ${WHERE} group by e.contact_id having count(*) >= $3::int))`,
      params: [WS, "order_placed", 2],
    });
    expect(event({ operator: "exactly", count: 3 }).sql).toBe(
      `c.id = any(array(select e.contact_id from events e where ${WHERE} group by e.contact_id having count(*) = $3::int))`,
    );
  });

  it("under an OR, anywhere above, counted rules stay semi-joins (a hashed subplan)", () => {
    const counted = { type: "event", name: "order_placed", operator: "at_least", count: 2 } as const;
    const semi = `c.id in (select e.contact_id from events e where e.workspace_id = $2::uuid and e.name = $3::text group by e.contact_id having count(*) >= $4::int)`;
    expect(compile([counted], { combinator: "or" }).sql).toBe(`(c.workspace_id = $1::uuid and (${semi}))`);
    const nested = compile([{ type: "group", combinator: "or", rules: [{ type: "group", combinator: "and", rules: [counted] }] }]).sql;
    expect(nested).toBe(`(c.workspace_id = $1::uuid and (((${semi}))))`);
    expect(compile([{ type: "group", combinator: "and", rules: [counted] }]).sql).toContain("c.id = any(array(select");
  });

  it("did not do, exactly 0 and at most 0: an anti-join", () => {
    const never = `not exists (select 1 from events e where ${WHERE} and e.contact_id = c.id)`;
    expect(event({ operator: "did_not_do" }).sql).toBe(never);
    expect(event({ operator: "exactly", count: 0 }).sql).toBe(never);
    expect(event({ operator: "at_most", count: 0 }).sql).toBe(never);
  });

  it("at most N: an anti-join on those who did it more often", () => {
    expect(event({ operator: "at_most", count: 2 })).toEqual({
      sql: `not exists (select 1 from (select e.contact_id from events e where ${WHERE} group by e.contact_id having count(*) > $3::int) x where x.contact_id = c.id)`,
      params: [WS, "order_placed", 2],
    });
  });

  it("within the last N days: bounded by now on both sides", () => {
    expect(event({ count: 2, window: { type: "last_days", days: 30 } })).toEqual({
      sql: `c.id = any(array(select e.contact_id from events e where ${WHERE} and e.occurred_at >= $3::timestamptz and e.occurred_at <= $4::timestamptz group by e.contact_id having count(*) >= $5::int))`,
      params: [WS, "order_placed", "2024-01-31T02:00:00.000Z", "2024-03-01T02:00:00.000Z", 2],
    });
  });

  it("between dates: whole local days in the segment's timezone", () => {
    const { sql, params } = one(
      { type: "event", name: "order_placed", operator: "at_least", window: { type: "between", from: "2024-02-01", to: "2024-02-29" } },
      "Asia/Hong_Kong",
    );
    expect(sql).toBe(
      `c.id in (select e.contact_id from events e where ${WHERE} and e.occurred_at >= ($3::timestamp at time zone $4::text) and e.occurred_at < ($5::timestamp at time zone $6::text))`,
    );
    expect(params).toEqual([WS, "order_placed", "2024-02-01", "Asia/Hong_Kong", "2024-03-01", "Asia/Hong_Kong"]);
  });

  it.each([
    ["equals", "HKD", "lower(jsonb_extract_path_text(e.properties, $3::text)) = lower($4::text)", ["currency", "HKD"]],
    [
      "equals",
      2,
      "(case when jsonb_typeof(jsonb_extract_path(e.properties, $3::text)) = 'number' then jsonb_extract_path_text(e.properties, $4::text)::numeric end) = $5::numeric",
      ["currency", "currency", 2],
    ],
    ["equals", true, "jsonb_extract_path(e.properties, $3::text) = $4::jsonb", ["currency", "true"]],
    ["not_equals", "HKD", "not coalesce(lower(jsonb_extract_path_text(e.properties, $3::text)) = lower($4::text), false)", ["currency", "HKD"]],
    [
      "contains",
      "K",
      "(case jsonb_typeof(jsonb_extract_path(e.properties, $3::text)) when 'array' then jsonb_extract_path(e.properties, $4::text) @> $5::jsonb when 'string' then jsonb_extract_path_text(e.properties, $6::text) ilike $7::text else false end)",
      ["currency", "currency", '["K"]', "currency", "%K%"],
    ],
    [
      "gt",
      100,
      "(case when jsonb_typeof(jsonb_extract_path(e.properties, $3::text)) = 'number' then jsonb_extract_path_text(e.properties, $4::text)::numeric end) > $5::numeric",
      ["currency", "currency", 100],
    ],
    [
      "lt",
      "M",
      "(case when jsonb_typeof(jsonb_extract_path(e.properties, $3::text)) = 'string' then jsonb_extract_path_text(e.properties, $4::text) end) < $5::text",
      ["currency", "currency", "M"],
    ],
    ["exists", undefined, "jsonb_extract_path(e.properties, $3::text) is not null", ["currency"]],
  ])("property %s %j", (operator, value, condition, params) => {
    const { sql, params: all } = event({ where: [{ path: "currency", operator, value }] });
    expect(sql).toBe(`c.id in (select e.contact_id from events e where ${WHERE} and ${condition})`);
    expect(all).toEqual([WS, "order_placed", ...params]);
  });

  it("property paths go in part by part, as parameters", () => {
    const { sql, params } = event({ where: [{ path: "items.0.sku", operator: "exists" }] });
    expect(sql).toContain("jsonb_extract_path(e.properties, $3::text, $4::text, $5::text) is not null");
    expect(params).toEqual([WS, "order_placed", "items", "0", "sku"]);
  });
});

describe("engagement rules", () => {
  it("are part of the format but refused until delivery lands", () => {
    const { message, fields } = problems(() =>
      compile([{ type: "group", combinator: "or", rules: [{ type: "engagement", channel: "email", action: "opened", withinDays: 30 }] }]),
    );
    expect(message).toBe("root.rules[0].rules[0]: Engagement rules become available when delivery lands");
    expect(fields).toEqual({ "root.rules[0].rules[0]": ["Engagement rules become available when delivery lands"] });
  });
});

describe("validation, with every problem named by its rule path", () => {
  it("values must have the attribute's type", () => {
    const { message, fields } = problems(() =>
      compile([
        { type: "attribute", field: "first_name", operator: "equals", value: "Ana" },
        { type: "attribute", field: "attributes.age", valueType: "number", operator: "gt", value: "forty" },
        { type: "attribute", field: "attributes.vip", valueType: "boolean", operator: "equals", value: "yes" },
        { type: "attribute", field: "attributes.birthday", valueType: "date", operator: "before", value: "31/12/2024" },
        { type: "attribute", field: "attributes.age", valueType: "number", operator: "in", value: [1, "2"] },
      ]),
    );
    expect(message.split("; ")[0]).toBe("root.rules[1].value: expected a number for attribute 'age'");
    expect(fields).toEqual({
      "root.rules[1].value": ["expected a number for attribute 'age'"],
      "root.rules[2].value": ["expected true or false for attribute 'vip'"],
      "root.rules[3].value": ["expected a date (YYYY-MM-DD) for attribute 'birthday'"],
      "root.rules[4].value[1]": ["expected a number for attribute 'age'"],
    });
  });

  it("operators must fit the type", () => {
    expect(problems(() => compile([number("contains", "4")])).fields["root.rules[0].operator"]?.[0]).toMatch(
      /^'contains' does not apply to number attribute 'age'; use one of equals, not_equals, gt/,
    );
    expect(problems(() => compile([{ type: "attribute", field: "email", operator: "gt", value: "a" }])).fields).toHaveProperty(
      "root.rules[0].operator",
    );
  });

  it("structure: missing values, bad ranges, empty groups, unknown operators", () => {
    const { fields } = problems(() =>
      compile([
        number("between", { from: 10, to: 1 }),
        { type: "group", combinator: "or", rules: [] },
        { type: "event", name: "x", operator: "at_least", count: 0 },
        { type: "event", name: "x", operator: "at_least", window: { type: "between", from: "2024-03-01", to: "2024-02-01" } },
      ]),
    );
    expect(fields).toEqual({
      "root.rules[0].value": ["the first value must not be after the second"],
      "root.rules[1]": ["this group has no rules; add one or remove the group"],
      "root.rules[2].count": ["“at least 0 times” matches every contact; use 1 or more"],
      "root.rules[3].window.to": ["the end date must not be before the start date"],
    });
    expect(problems(() => compile([{ type: "attribute", field: "email", operator: "equals" } as never])).fields).toHaveProperty("root.rules[0].value");
    expect(problems(() => compile([{ type: "attribute", field: "email", operator: "resembles", value: "x" } as never])).fields).toHaveProperty(
      "root.rules[0].operator",
    );
    expect(problems(() => compile([{ type: "magic" } as never])).fields).toHaveProperty("root.rules[0].type");
  });

  it("at most 5 levels of groups and 100 rules", () => {
    let deep: Rules[number] = { type: "attribute", field: "email", operator: "is_set" };
    for (let level = 0; level < 5; level++) deep = { type: "group", combinator: "and", rules: [deep] };
    expect(problems(() => compile([deep])).fields).toEqual({ "root.rules[0].rules[0].rules[0].rules[0].rules[0]": ["groups nest at most 5 deep"] });
    const many = Array.from({ length: 101 }, () => ({ type: "attribute", field: "email", operator: "is_set" }) as const);
    expect(problems(() => compile(many)).message).toMatch(/at most 100 rules/);
    expect(() => compile(many.slice(1))).not.toThrow();
  });

  it("timezones must be real IANA names", () => {
    expect(problems(() => compile([], { timezone: "Mars/Olympus_Mons" })).fields).toEqual({
      timezone: ["expected an IANA timezone such as Asia/Hong_Kong"],
    });
  });
});

describe("injection", () => {
  const ATTACK = "'); drop table contacts; --";
  const assertInert = ({ sql, params }: { sql: string; params: unknown[] }, needle = ATTACK) => {
    expect(sql).not.toContain("drop table");
    expect(sql).not.toContain(needle);
    expect(params.some((param) => typeof param === "string" && param.includes(needle))).toBe(true);
  };

  it("values only ever travel as parameters", () => {
    for (const operator of ["equals", "not_equals", "contains", "starts_with"]) assertInert(compile([text(operator, ATTACK)]));
    assertInert(compile([text("in", ["a", ATTACK])]));
    assertInert(compile([{ type: "attribute", field: "attributes.tags", valueType: "list", operator: "contains", value: ATTACK }]));
    for (const operator of ["equals", "contains", "lt"] as const) {
      assertInert(compile([{ type: "event", name: "x", operator: "at_least", where: [{ path: "p", operator, value: ATTACK }] }]));
    }
  });

  it("event names and property paths are parameters too", () => {
    assertInert(compile([{ type: "event", name: ATTACK, operator: "did_not_do" }]));
    assertInert(compile([{ type: "event", name: "x", operator: "at_least", where: [{ path: `a"b'c.${ATTACK}`, operator: "exists" }] }]));
  });

  it("attribute keys are validated, then bound as parameters", () => {
    for (const field of [`attributes.a'b`, `attributes.${ATTACK}`, 'attributes.a"b', "attributes.Age", "attributes.", `email${ATTACK}`, "c.email"]) {
      expect(problems(() => compile([{ type: "attribute", field, operator: "is_set" }])).fields, field).toHaveProperty("root.rules[0].field");
    }
    const { sql, params } = compile([{ type: "attribute", field: "attributes.drop_table", operator: "equals", value: "x" }]);
    expect(sql).not.toContain("drop_table");
    expect(params).toContain("drop_table");
  });

  it("list ids and timezones are validated before they are bound", () => {
    expect(problems(() => compile([{ type: "list", operator: "in", listId: ATTACK }])).fields).toHaveProperty("root.rules[0].listId");
    expect(problems(() => compile([], { timezone: ATTACK })).fields).toHaveProperty("timezone");
  });
});
