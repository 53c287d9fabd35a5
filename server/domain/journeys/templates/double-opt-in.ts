import { at, definition, link, step, type JourneyTemplate } from "./template-parts";

export const doubleOptIn: JourneyTemplate = {
  key: "double_opt_in",
  name: "Double opt-in follow-up",
  description: "A day after someone confirms their subscription (the signup_confirmed event), sends a getting-started email.",
  emails: [
    {
      slot: "getting_started",
      starterKey: "welcome-onboarding",
      name: "Double opt-in: getting started",
      subject: "Getting started with {{ workspace.name }}",
      preheader: "Thanks for confirming. Here is how to make the most of it.",
    },
  ],
  build: ({ templateIds }) =>
    definition(
      [
        step("confirmed", "trigger_event", at(0, 0), { eventName: "signup_confirmed", filters: [] }),
        step("wait_1_day", "wait_duration", at(0, 1), { amount: 1, unit: "days" }),
        step("send_getting_started", "send_email", at(0, 2), { templateId: templateIds.getting_started ?? null, sendingIdentityId: null }),
        step("done", "exit", at(0, 3), { goal: false }),
      ],
      [link("confirmed", "wait_1_day"), link("wait_1_day", "send_getting_started"), link("send_getting_started", "done")],
    ),
};
