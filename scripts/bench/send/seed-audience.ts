import { generateKeyPairSync } from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import { newsletterMjml } from "../render/newsletter";

/**
 * N generated contacts on one list with the render benchmark's attributes, every 20th suppressed (5%),
 * a sender, the newsletter template, a verified domain with a DKIM key, and credits for every message.
 */
export const seedSendAudience = async ({ workspaceId, recipients }: { workspaceId: string; recipients: number }) => {
  await db.execute(sql`
    insert into contacts (workspace_id, email, first_name, last_name, email_status, attributes)
    select ${workspaceId}, 'reader' || g || '@example.com', (array['Alex','Mei','Wing','Chloé','Jordan','Zoë'])[1 + g % 6], 'Lee', 'subscribed',
      jsonb_build_object('company', 'Company ' || (g % 977), 'city', (array['Hong Kong','Macau','Taipei'])[1 + g % 3], 'plan', (array['free','pro','team'])[1 + g % 3], 'manager', 'Sam')
    from generate_series(1, ${recipients}) g`);
  const [list] = await db.execute<{ id: string }>(sql`insert into lists (workspace_id, name) values (${workspaceId}, 'Readers') returning id`);
  await db.execute(sql`insert into list_memberships (list_id, contact_id, workspace_id) select ${list!.id}, id, ${workspaceId} from contacts where workspace_id = ${workspaceId}`);
  await db.execute(sql`
    insert into suppressions (workspace_id, kind, value, reason)
    select ${workspaceId}, 'email', 'reader' || g || '@example.com', 'manual' from generate_series(20, ${recipients}, 20) g`);
  const [identity] = await db.execute<{ id: string }>(sql`
    insert into sending_identities (workspace_id, from_name, from_email) values (${workspaceId}, 'Retail Weekly', 'news@news.example.com') returning id`);
  const [template] = await db.execute<{ id: string }>(sql`
    insert into email_templates (workspace_id, name, subject, preheader, editor, source_format, source, sending_identity_id)
    values (${workspaceId}, 'Newsletter', '{{ contact.first_name | default: ''Hi'' }}, your week in retail', '12 stories for {{ contact.attributes.company }}',
      'code', 'mjml', ${newsletterMjml()}, ${identity!.id}) returning id`);
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  await db.execute(sql`
    insert into sending_domains (workspace_id, domain, dkim_selector, dkim_private_key, dkim_public_key)
    values (${workspaceId}, 'news.example.com', 'bench', ${privateKey.export({ type: "pkcs8", format: "pem" }).toString()},
      ${publicKey.export({ type: "spki", format: "pem" }).toString()})`);
  await db.execute(sql`
    insert into credit_balances (workspace_id, balance) values (${workspaceId}, ${recipients * 4})
    on conflict (workspace_id) do update set balance = credit_balances.balance + ${recipients * 4}`);
  return { listId: list!.id, templateId: template!.id };
};

/** DKIM on or off for the next campaign: signing needs the domain verified. */
export const setDkim = (workspaceId: string, on: boolean) =>
  db.execute(sql`update sending_domains set verified_at = ${on ? sql`now()` : sql`null`} where workspace_id = ${workspaceId}`);
