import { z } from "zod";

export const LIST_MEMBER_STATUSES = ["subscribed", "unsubscribed", "bounced"] as const;
export type ListMemberStatus = (typeof LIST_MEMBER_STATUSES)[number];
export const ZListMemberStatus = z.enum(LIST_MEMBER_STATUSES, { message: `Status must be one of ${LIST_MEMBER_STATUSES.join(", ")}` });

export const ZListName = z
  .string({ message: "Enter a name" })
  .trim()
  .min(1, "Give the list a name, such as Newsletter")
  .max(100, "Name must be at most 100 characters");

export const ZListDescription = z.string().trim().max(500, "Description must be at most 500 characters").nullish();

export const ZListId = z.uuid({ message: "listId must be a list id" });

/** How many contacts one call may add or remove; larger audiences come in through imports. */
export const MAX_MEMBERS_PER_CALL = 1000;
export const ZContactIds = z
  .array(z.uuid({ message: "Each contact id must be a contact id" }))
  .min(1, "Choose at least one contact")
  .max(MAX_MEMBERS_PER_CALL, `At most ${MAX_MEMBERS_PER_CALL} contacts at a time`);
