import { sql } from "drizzle-orm";
import { emailTemplates, lists, sendingIdentities, suppressions } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { BLANK_MJML } from "@/server/domain/content/templates/default-sources";
import { insertTestContacts } from "@/server/testing/bulk-contacts";
import { createTestWorkspace } from "@/server/testing/fixtures";

/**
 * A workspace ready to send: a sender, a template, and a list of `size` subscribed contacts of which
 * `suppressed` are on the suppression list and `unsubscribed` have opted out. For campaign tests.
 */
export const createSendableWorkspace = async ({ size, suppressed = 0, unsubscribed = 0 }: { size: number; suppressed?: number; unsubscribed?: number }) => {
  const { workspace, owner } = await createTestWorkspace("Sender Co");
  const workspaceId = workspace.id;
  const [identity] = await db.insert(sendingIdentities).values({ workspaceId, fromName: "Sender Co", fromEmail: "news@sender.example" }).returning();
  const [template] = await db
    .insert(emailTemplates)
    .values({
      workspaceId,
      name: "Newsletter",
      subject: "Hello {{ contact.first_name | default: 'friend' }}",
      editor: "code",
      sourceFormat: "mjml",
      source: BLANK_MJML.replace("Write your message here.", 'News for {{ contact.email }}. <a href="https://example.com/read">Read</a>'),
      sendingIdentityId: identity!.id,
    })
    .returning();
  const tag = workspaceId.slice(0, 8);
  const contacts = await insertTestContacts(
    workspaceId,
    Array.from({ length: size }, (_, i) => ({ email: `r${i}-${tag}@example.com`, emailStatus: i < size - unsubscribed ? ("subscribed" as const) : ("unsubscribed" as const) })),
  );
  const [list] = await db.insert(lists).values({ workspaceId, name: "Everyone" }).returning();
  await db.execute(sql`
    insert into list_memberships (list_id, contact_id, workspace_id)
    select ${list!.id}, c.id, ${workspaceId} from contacts c where c.workspace_id = ${workspaceId}`);
  const suppressedAddresses = contacts.slice(0, suppressed).map((c) => c.email!);
  if (suppressedAddresses.length)
    await db.insert(suppressions).values(suppressedAddresses.map((value) => ({ workspaceId, kind: "email" as const, value, reason: "manual" as const })));
  const unsubscribedAddresses = contacts.slice(size - unsubscribed).map((c) => c.email!);
  const sendable = contacts.map((c) => c.email!).filter((email) => !suppressedAddresses.includes(email) && !unsubscribedAddresses.includes(email));
  return { workspaceId, owner, identityId: identity!.id, templateId: template!.id, listId: list!.id, sendable, suppressedAddresses, unsubscribedAddresses };
};
