import { at, definition, link, step, type JourneyTemplate } from "./template-parts";

export const reEngagement: JourneyTemplate = {
  key: "re_engagement",
  name: "Re-engagement",
  description:
    "For a segment of contacts who have not opened in 90 days: sends a “we miss you” email; whoever clicks within a week stays, the rest are marked inactive and taken off a list.",
  emails: [{ slot: "miss_you", starterKey: "re-engagement-miss-you", name: "Re-engagement: we miss you" }],
  build: ({ templateIds }) =>
    definition(
      [
        step("inactive_90_days", "trigger_segment_entered", at(0, 0), { segmentId: null }),
        step("send_miss_you", "send_email", at(0, 1), { templateId: templateIds.miss_you ?? null, sendingIdentityId: null }),
        step("wait_click", "wait_for_event", at(0, 2), { eventName: "email_clicked", filters: [], matchKey: null, timeout: { amount: 7, unit: "days" } }),
        step("came_back", "exit", at(-0.5, 3), { goal: true }),
        step("mark_inactive", "update_attribute", at(0.5, 3), { attribute: "engagement", value: "inactive" }),
        step("remove_from_list", "remove_from_list", at(0.5, 4), { listId: null }),
        step("done", "exit", at(0.5, 5), { goal: false }),
      ],
      [
        link("inactive_90_days", "send_miss_you"),
        link("send_miss_you", "wait_click"),
        link("wait_click", "came_back", "event"),
        link("wait_click", "mark_inactive", "timeout"),
        link("mark_inactive", "remove_from_list"),
        link("remove_from_list", "done"),
      ],
      // Someone who comes back and drifts away again may be won back again, but not every week.
      { entry: { mode: "again_after", days: 180 } },
    ),
};
