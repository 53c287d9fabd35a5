import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import type { EntryRule } from "../enter-runs";
import { enterRuns } from "../enter-runs";
import { loadVersions } from "../version-cache";
import { liveTriggersOfType } from "./all-triggers";

/** A recurring date (a birthday) may start the journey again once a year, whatever the journey's entry rule. */
export const RECURRING_MIN_DAYS = 300;

/**
 * "A date attribute": checked every 15 minutes (cron journeys/enter-dates). A contact enters on the day
 * when, in their timezone (UTC when unknown), today minus offsetDays is the attribute's date (month and
 * day when recurring, so 29 February falls on 28 February in other years), once their clocks have
 * passed `time`; so entry comes within 15 minutes after `time`. Attribute values are YYYY-MM-DD or ISO
 * date-times (the date part counts); anything else is ignored. Recurring triggers enter again only
 * after RECURRING_MIN_DAYS (once per year); one-off dates follow the journey's entry rule.
 */
export const enterDateJourneys = async ({ workspaceId, now = new Date() }: { workspaceId?: string; now?: Date } = {}) => {
  const triggers = await liveTriggersOfType(db, "trigger_date", workspaceId);
  const versions = await loadVersions(db, triggers.map((t) => t.versionId));
  let entered = 0;
  for (const trigger of triggers) {
    const version = versions.get(trigger.versionId);
    const node = version?.nodes.get(trigger.nodeId);
    if (!version || node?.type !== "trigger_date" || !node.config.attribute) continue;
    const { attribute, offsetDays, time, recurring } = node.config;
    const key = attribute.startsWith("attributes.") ? attribute.slice("attributes.".length) : attribute;
    const settings = version.definition.settings.entry;
    const entry: EntryRule = recurring
      ? { mode: "again_after", days: Math.max(RECURRING_MIN_DAYS, settings.mode === "again_after" ? settings.days : 0) }
      : settings;
    const value = sql`(c.attributes ->> ${key}::text)`;
    const day = sql`left(${value}, 10)::date`;
    const target = sql`(local.at::date - ${offsetDays}::int)`;
    const sameDay = recurring
      ? sql`(to_char(${day}, 'MM-DD') = to_char(${target}, 'MM-DD')
          or (to_char(${day}, 'MM-DD') = '02-29' and to_char(${target}, 'MM-DD') = '02-28' and to_char(${target} + 1, 'MM-DD') = '03-01'))`
      : sql`${day} = ${target}`;
    const runs = await db.transaction((tx) =>
      enterRuns(tx, {
        workspaceId: trigger.workspaceId,
        journeyId: trigger.journeyId,
        triggerNodeId: trigger.nodeId,
        entry,
        source: sql`
          select c.id, jsonb_build_object('date', ${value}, 'attribute', ${key}::text)
          from contacts c
          cross join lateral (
            select (${now.toISOString()}::timestamptz at time zone
              (case when c.timezone in (select name from pg_timezone_names) then c.timezone else 'UTC' end)) as at
          ) local
          where c.workspace_id = ${trigger.workspaceId}::uuid
            and jsonb_typeof(c.attributes -> ${key}::text) = 'string'
            and ${value} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}'
            and pg_input_is_valid(left(${value}, 10), 'date')
            and local.at::time >= ${time}::time
            and ${sameDay}`,
      }),
    );
    entered += runs.length;
  }
  return { entered };
};
