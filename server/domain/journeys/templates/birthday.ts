import { at, definition, link, step, type JourneyTemplate } from "./template-parts";

export const birthday: JourneyTemplate = {
  key: "birthday",
  name: "Birthday",
  description: "Every year at 09:00 on the contact's birthday (the birthday date attribute), in their timezone, sends a birthday email.",
  emails: [
    {
      slot: "birthday",
      starterKey: "promotion-sale",
      name: "Birthday: happy birthday",
      subject: 'Happy birthday, {{ contact.first_name | default: "friend" }}! A gift inside',
      preheader: "Something special from all of us, just for today.",
    },
  ],
  build: ({ templateIds }) =>
    definition(
      [
        step("birthday", "trigger_date", at(0, 0), { attribute: "birthday", offsetDays: 0, time: "09:00", recurring: true }),
        step("send_greeting", "send_email", at(0, 1), { templateId: templateIds.birthday ?? null, sendingIdentityId: null }),
        step("done", "exit", at(0, 2), { goal: false }),
      ],
      [link("birthday", "send_greeting"), link("send_greeting", "done")],
      // Once a year: the entry rule must let the same contact in again next birthday.
      { entry: { mode: "again_after", days: 300 } },
    ),
};
