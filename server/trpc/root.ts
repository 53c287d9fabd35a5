import { createCallerFactory, router } from "./init";
import { campaignsRouter } from "./routers/campaigns";
import { transactionalRouter } from "./routers/transactional";
import { apiKeysRouter } from "./routers/api-keys";
import { invitationsRouter } from "./routers/invitations";
import { meRouter } from "./routers/me";
import { membersRouter } from "./routers/members";
import { outboxRouter } from "./routers/outbox";
import { workspacesRouter } from "./routers/workspaces";
import { contactsRouter } from "./routers/contacts";
import { attributesRouter } from "./routers/attributes";
import { listsRouter } from "./routers/lists";
import { segmentsRouter } from "./routers/segments";
import { importsRouter } from "./routers/imports";
import { eventsRouter } from "./routers/events";
import { suppressionsRouter } from "./routers/suppressions";
import { dncRouter } from "./routers/dnc";
import { filesRouter } from "./routers/files";
import { smsRoutesRouter } from "./routers/sms-routes";
import { smsTemplatesRouter } from "./routers/sms-templates";
import { emailTemplatesRouter } from "./routers/email-templates";
import { sendingIdentitiesRouter } from "./routers/sending-identities";
import { sendingDomainsRouter } from "./routers/sending-domains";
import { creditsRouter } from "./routers/credits";
import { nodesRouter } from "./routers/nodes";
import { reportsRouter } from "./routers/reports";
import { journeyRunsRouter } from "./routers/journey-runs";
import { messagingPolicyRouter } from "./routers/messaging-policy";
import { journeyTimelineRouter } from "./routers/journey-timeline";
import { journeysRouter } from "./routers/journeys";

export const appRouter = router({
  campaigns: campaignsRouter,
  transactional: transactionalRouter,
  me: meRouter,
  workspaces: workspacesRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  apiKeys: apiKeysRouter,
  outbox: outboxRouter,
  contacts: contactsRouter,
  attributes: attributesRouter,
  lists: listsRouter,
  segments: segmentsRouter,
  imports: importsRouter,
  events: eventsRouter,
  suppressions: suppressionsRouter,
  dnc: dncRouter,
  files: filesRouter,
  smsRoutes: smsRoutesRouter,
  smsTemplates: smsTemplatesRouter,
  emailTemplates: emailTemplatesRouter,
  sendingIdentities: sendingIdentitiesRouter,
  sendingDomains: sendingDomainsRouter,
  credits: creditsRouter,
  nodes: nodesRouter,
  reports: reportsRouter,
  journeyRuns: journeyRunsRouter,
  messagingPolicy: messagingPolicyRouter,
  journeyTimeline: journeyTimelineRouter,
  journeys: journeysRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
