import { sql } from "drizzle-orm";
import { contacts, dncNumbers, dncRegistries, lists, smsRoutes, smsTemplates, suppressions } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { createTestWorkspace } from "@/server/testing/fixtures";

export type SmsTestContact = {
  phone: string;
  country: string;
  email?: string;
  smsStatus?: "subscribed" | "unsubscribed" | "pending";
  promo?: string;
  suppressed?: boolean;
  dnc?: boolean;
};

/**
 * A workspace that can send SMS: an SMPP route for HK and MO at `price` per segment pointing at
 * `peer`, a price-only route for TW (no provider, so it cannot send), a template that greets each
 * contact with their promo, and a list holding `people`, some of them suppressed or on the HK
 * Do-Not-Call register as they say. For SMS campaign tests.
 */
export const createSmsWorkspace = async ({ peer, price, people }: { peer: { host: string; port: number }; price: number; people: SmsTestContact[] }) => {
  const { workspace, owner } = await createTestWorkspace("Texts Co");
  const workspaceId = workspace.id;
  const provider = { kind: "smpp", host: peer.host, port: peer.port, systemId: "herald", password: "secret", systemType: "", sourceAddr: "TextsCo", tls: false };
  const [route] = await db
    .insert(smsRoutes)
    .values({ workspaceId, name: "HK direct", markets: ["HK", "MO"], pricePerSegment: price, charset: "ucs2", provider, throttlePerSecond: 500 })
    .returning();
  await db.insert(smsRoutes).values({ workspaceId, name: "Taiwan (prices only)", markets: ["TW"], pricePerSegment: 0.1, charset: "ucs2" });
  const [template] = await db
    .insert(smsTemplates)
    .values({ workspaceId, name: "Promo", body: "Hi {{ contact.first_name }}! {{ contact.promo }}", optOutFooter: "STOP to opt out", routeId: route!.id })
    .returning();
  const rows = await db
    .insert(contacts)
    .values(
      people.map((p, i) => ({
        workspaceId,
        phone: p.phone,
        phoneCountry: p.country,
        email: p.email ?? null,
        emailStatus: p.email ? ("subscribed" as const) : null,
        smsStatus: p.smsStatus ?? ("subscribed" as const),
        firstName: `P${i}`,
        attributes: { promo: p.promo ?? "Sale today" },
      })),
    )
    .returning({ id: contacts.id, phone: contacts.phone });
  const [list] = await db.insert(lists).values({ workspaceId, name: "Everyone" }).returning();
  await db.execute(sql`
    insert into list_memberships (list_id, contact_id, workspace_id)
    select ${list!.id}, c.id, ${workspaceId} from contacts c where c.workspace_id = ${workspaceId}`);
  const suppressed = people.filter((p) => p.suppressed).map((p) => p.phone);
  if (suppressed.length) await db.insert(suppressions).values(suppressed.map((value) => ({ workspaceId, kind: "phone" as const, value, reason: "manual" as const })));
  const listed = people.filter((p) => p.dnc).map((p) => p.phone);
  const [registry] = await db.insert(dncRegistries).values({ workspaceId, country: "HK", name: "HK UEMS", activeGeneration: 1, numberCount: listed.length }).returning();
  if (listed.length) await db.insert(dncNumbers).values(listed.map((phone) => ({ registryId: registry!.id, generation: 1, phone })));
  return { workspaceId, owner, routeId: route!.id, templateId: template!.id, listId: list!.id, contacts: rows };
};
