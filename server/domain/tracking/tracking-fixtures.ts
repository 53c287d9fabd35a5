import { randomUUID } from "node:crypto";
import { campaigns, contacts, listMemberships, lists, messages } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { compileEmail, type EmailContent } from "@/server/domain/content/render/compile-email";
import type { CampaignSnapshot } from "@/server/domain/delivery/campaign-snapshot";
import { messageToken } from "./message-token";

/**
 * For tests: a launched campaign and one message of it, written straight to the tables the way the
 * batch sender leaves them (snapshot compiled from real content), so tracking is tested end to end.
 */
export const TEST_EMAIL: EmailContent = {
  subject: "Hello {{ contact.first_name }}",
  preheader: "",
  sourceFormat: "html",
  source:
    '<html><body><p>Hello {{ contact.first_name | default: "there" }}</p>' +
    '<a href="https://shop.example/sale?utm_source=herald&amp;utm_medium=email">Sale</a>' +
    '<a href="https://shop.example/orders/{{ contact.id }}">Your orders</a>' +
    '<a href="{{ unsubscribe_url }}">Unsubscribe</a> <a href="{{ preferences_url }}">Preferences</a>' +
    '<script>alert("x")</script></body></html>',
};

export const seedCampaign = async ({ workspaceId, name = "Spring sale", content = TEST_EMAIL }: { workspaceId: string; name?: string; content?: EmailContent }) => {
  const compiled = await compileEmail(content);
  const campaignId = randomUUID();
  const snapshot: CampaignSnapshot = {
    campaign: { id: campaignId, name },
    workspace: { id: workspaceId, name: "Acme Shop", postalAddress: "1 Harbour Road, Hong Kong" },
    email: {
      templateId: randomUUID(),
      revision: 1,
      content,
      links: compiled.links,
      from: { email: "news@acme.example", name: "Acme" },
      replyTo: null,
      attachmentTemplateId: randomUUID(),
    },
  };
  await db.insert(campaigns).values({
    id: campaignId,
    workspaceId,
    name,
    status: "sending",
    channels: ["email"],
    audience: { listIds: [], segmentIds: [], excludeListIds: [], excludeSegmentIds: [] },
    snapshot,
    launchedAt: new Date(),
  });
  return { campaignId, compiled, snapshot };
};

export const seedContact = async (workspaceId: string, fields: { email?: string; phone?: string; firstName?: string; emailStatus?: "subscribed" | "unsubscribed" } = {}) => {
  const [contact] = await db
    .insert(contacts)
    .values({
      workspaceId,
      email: fields.email ?? `${randomUUID().slice(0, 8)}@Example.TEST`.toLowerCase(),
      phone: fields.phone ?? null,
      firstName: fields.firstName ?? "Mei",
      lastName: "Wong",
      emailStatus: fields.emailStatus ?? "subscribed",
    })
    .returning();
  return contact!;
};

export const seedMessage = async ({
  workspaceId,
  campaignId,
  contactId,
  address,
  channel = "email",
}: {
  workspaceId: string;
  campaignId: string | null;
  contactId: string | null;
  address: string;
  channel?: "email" | "sms";
}) => {
  const id = randomUUID();
  await db.insert(messages).values({ id, workspaceId, kind: campaignId ? "campaign" : "transactional", campaignId, contactId, channel, address });
  return { messageId: id, token: messageToken(id) };
};

export const seedListMembership = async (workspaceId: string, contactId: string, name: string, status: "subscribed" | "unsubscribed" = "subscribed") => {
  const [list] = await db.insert(lists).values({ workspaceId, name, description: `${name} news` }).returning({ id: lists.id });
  await db.insert(listMemberships).values({ listId: list!.id, contactId, workspaceId, status });
  return list!.id;
};
