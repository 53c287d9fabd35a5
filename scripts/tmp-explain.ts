import { startBenchDatabase } from "./bench/lib/bench-database";
const main = async () => {
  const database = await startBenchDatabase();
  const { sql } = await import("drizzle-orm");
  const { PgDialect } = await import("drizzle-orm/pg-core");
  const { db, closeDb, sqlClient } = await import("@/server/db/client");
  const { getAuth } = await import("@/server/auth/auth");
  const { createWorkspace } = await import("@/server/domain/workspaces/create-workspace");
  const { createCampaign } = await import("@/server/domain/campaigns/save-campaign");
  const { launchCampaign } = await import("@/server/domain/campaigns/launch-campaign");
  const { prepareCampaign } = await import("@/server/domain/campaigns/prepare-campaign");
  const { seedSendAudience } = await import("./bench/send/seed-audience");
  const { sendableContactsSql } = await import("@/server/domain/suppressions/filter-sendable");
  const { user } = await getAuth().api.signUpEmail({ body: { email: "x@example.test", password: "bench password 123", name: "B" } });
  const workspace = await createWorkspace({ userId: user.id, name: "WW" });
  const { listId, templateId } = await seedSendAudience({ workspaceId: workspace.id, recipients: 100_000 });
  const campaign = await createCampaign({ workspaceId: workspace.id, userId: user.id, name: "c", emailTemplateId: templateId, audience: { listIds: [listId] } });
  await launchCampaign({ workspaceId: workspace.id, campaignId: campaign.id });
  await prepareCampaign({ campaignId: campaign.id });
  const campaignId = campaign.id, workspaceId = workspace.id, channel = "email", batchNo = 7;
  const q = sql`
    select r.contact_id, r.address, r.state, r.variant, r.message_id, r.cost, s.blocked_reason,
      c.id, c.email, c.phone, c.phone_country, c.first_name, c.last_name, c.timezone, c.locale, c.attributes
    from campaign_recipients r
    left join contacts c on c.id = r.contact_id and c.workspace_id = ${workspaceId}
    left join (${sendableContactsSql({
      workspaceId,
      channel,
      candidates: sql`select contact_id from campaign_recipients where campaign_id = ${campaignId} and channel = ${channel}::channel and batch_no = ${batchNo} and state = 'pending'`,
    })}) s on s.contact_id = r.contact_id
    where r.campaign_id = ${campaignId} and r.channel = ${channel}::channel and r.batch_no = ${batchNo} and r.state in ('pending', 'charged')`;
  const query = new PgDialect().sqlToQuery(q);
  const explain = async (label: string) => {
    const rows = await sqlClient().unsafe(`explain (analyze, costs off) ${query.sql}`, query.params as never[]);
    console.log("=== " + label + "\n" + rows.map((r: any) => r["QUERY PLAN"]).join("\n"));
  };
  await explain("stale contacts");
  await sqlClient().unsafe("analyze contacts; analyze suppressions");
  await explain("analyzed");
  await closeDb(); await database.stop();
};
main().catch((e) => { console.error(e); process.exit(1); });
