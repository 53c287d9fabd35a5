import { at, definition, link, step, type JourneyTemplate } from "./template-parts";

const orderPlaced = (timeout: { amount: number; unit: "hours" | "days" }) => ({
  eventName: "order_placed",
  filters: [],
  // Only an order for the cart that was abandoned counts, not one for another cart.
  matchKey: "cart_id",
  timeout,
});

export const abandonedCart: JourneyTemplate = {
  key: "abandoned_cart",
  name: "Abandoned cart",
  description: "When a cart is abandoned, waits for an order with the same cart_id; if none comes, sends a reminder, then a second one a day later.",
  emails: [
    {
      slot: "reminder_1",
      starterKey: "promotion-sale",
      name: "Abandoned cart: reminder 1",
      subject: "You left something in your cart",
      preheader: "Your items are still waiting for you.",
    },
    {
      slot: "reminder_2",
      starterKey: "promotion-sale",
      name: "Abandoned cart: reminder 2",
      subject: "Last chance: your cart is about to expire",
      preheader: "Complete your order before your items are gone.",
    },
  ],
  build: ({ templateIds }) =>
    definition(
      [
        step("abandoned", "trigger_event", at(0, 0), { eventName: "cart_abandoned", filters: [] }),
        step("wait_1_hour", "wait_duration", at(0, 1), { amount: 1, unit: "hours" }),
        step("wait_order", "wait_for_event", at(0, 2), orderPlaced({ amount: 4, unit: "hours" })),
        step("ordered", "exit", at(-1, 3), { goal: true }),
        step("send_reminder_1", "send_email", at(0.5, 3), { templateId: templateIds.reminder_1 ?? null, sendingIdentityId: null }),
        step("wait_order_again", "wait_for_event", at(0.5, 4), orderPlaced({ amount: 1, unit: "days" })),
        step("ordered_later", "exit", at(-0.5, 5), { goal: true }),
        step("send_reminder_2", "send_email", at(1, 5), { templateId: templateIds.reminder_2 ?? null, sendingIdentityId: null }),
        step("done", "exit", at(1, 6), { goal: false }),
      ],
      [
        link("abandoned", "wait_1_hour"),
        link("wait_1_hour", "wait_order"),
        link("wait_order", "ordered", "event"),
        link("wait_order", "send_reminder_1", "timeout"),
        link("send_reminder_1", "wait_order_again"),
        link("wait_order_again", "ordered_later", "event"),
        link("wait_order_again", "send_reminder_2", "timeout"),
        link("send_reminder_2", "done"),
      ],
      // A contact may abandon another cart later; one run at a time all the same.
      { entry: { mode: "again_after", days: 0 }, goal: { eventName: "order_placed", filters: [] } },
    ),
};
