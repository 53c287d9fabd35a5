import { sql } from "drizzle-orm";
import { campaigns } from "@/drizzle/schema";

/** What the API shows of a campaign (the snapshot is large and internal). */
export const CAMPAIGN_COLUMNS = {
  id: campaigns.id,
  name: campaigns.name,
  status: campaigns.status,
  channels: campaigns.channels,
  emailTemplateId: campaigns.emailTemplateId,
  smsTemplateId: campaigns.smsTemplateId,
  sendingIdentityId: campaigns.sendingIdentityId,
  audience: campaigns.audience,
  sendAt: campaigns.sendAt,
  localSendTime: campaigns.localSendTime,
  throttlePerSecond: campaigns.throttlePerSecond,
  throttlePerHour: campaigns.throttlePerHour,
  abTest: campaigns.abTest,
  abWinner: campaigns.abWinner,
  abDecidedAt: campaigns.abDecidedAt,
  /** When an A/B test's winner is due to be picked (ISO), set once the test's batches are queued. */
  abDecideAt: sql<string | null>`${campaigns.snapshot}->'abTest'->>'decideAt'`,
  statusReason: campaigns.statusReason,
  launchedAt: campaigns.launchedAt,
  completedAt: campaigns.completedAt,
  createdAt: campaigns.createdAt,
  updatedAt: campaigns.updatedAt,
};
