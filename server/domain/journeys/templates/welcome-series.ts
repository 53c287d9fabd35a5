import { at, definition, link, step, type JourneyTemplate } from "./template-parts";

export const welcomeSeries: JourneyTemplate = {
  key: "welcome_series",
  name: "Welcome series",
  description: "Greets new list members straight away, then follows up two days later with tips to get started.",
  emails: [
    { slot: "welcome", starterKey: "welcome-onboarding", name: "Welcome series: welcome" },
    {
      slot: "tips",
      starterKey: "newsletter-digest",
      name: "Welcome series: tips",
      subject: "Three tips to get more out of {{ workspace.name }}",
      preheader: "Small habits that make a big difference in your first week.",
    },
  ],
  build: ({ templateIds }) =>
    definition(
      [
        step("joined", "trigger_list_joined", at(0, 0), { listId: null }),
        step("send_welcome", "send_email", at(0, 1), { templateId: templateIds.welcome ?? null, sendingIdentityId: null }),
        step("wait_2_days", "wait_duration", at(0, 2), { amount: 2, unit: "days" }),
        step("send_tips", "send_email", at(0, 3), { templateId: templateIds.tips ?? null, sendingIdentityId: null }),
        step("done", "exit", at(0, 4), { goal: false }),
      ],
      [link("joined", "send_welcome"), link("send_welcome", "wait_2_days"), link("wait_2_days", "send_tips"), link("send_tips", "done")],
    ),
};
