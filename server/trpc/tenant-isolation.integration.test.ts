import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { inArray, sql } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  attributeDefinitions,
  contactImports,
  contacts,
  dncRegistries,
  emailTemplates,
  events,
  journeyNodeStats,
  journeys,
  journeyStates,
  journeySteps,
  journeyTriggers,
  journeyVersions,
  listMemberships,
  lists,
  segments,
  sendingIdentities,
  smsRoutes,
  smsTemplates,
  storedFiles,
  suppressions,
  templateAttachments,
  users,
  workspaceInvitations,
} from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { API_SCOPES } from "@/server/domain/api-keys/scopes";
import { createWorkspace } from "@/server/domain/workspaces/create-workspace";
import { catchTestMail } from "@/server/testing/mail-fixtures";
import {
  addTestMember,
  callerFor,
  callerFromHeaders,
  createTestApiKey,
  createTestUser,
  type TestUser,
} from "@/server/testing/fixtures";
import { createCaller, appRouter } from "./root";

/**
 * The guard every later issue inherits: it walks every procedure in appRouter, so a new router is
 * checked the moment it is mounted. Anything not named here is treated as workspace-scoped and must
 * refuse outsiders, refuse viewers' writes, and never touch or reveal another workspace's rows.
 */
const USER_LEVEL: Record<string, string> = {
  "me.get": "the signed-in person and their own memberships",
  "workspaces.list": "the switcher: only the caller's own memberships",
  "workspaces.create": "makes a new workspace that the caller owns",
  "workspaces.leave": "removes the caller's own membership, looked up by (workspace, caller)",
  "invitations.preview": "opened from an emailed link before the person is a member; the token is the credential",
  "invitations.accept": "the same link; accepting is what makes the person a member",
  "nodes.list": "sending nodes serve every workspace and hold no workspace data; instance administrators only",
  "nodes.disable": "stops a worker process of the whole instance; instance administrators only",
  "nodes.enable": "withdraws a node's disable request; instance administrators only",
};

/**
 * Inputs for procedures whose input the generic filler below cannot build (keys it does not know).
 * The "(c)" tests fail, naming the procedure, until one is added here; ids should come from A.
 */
const EXTRA_INPUTS: Record<string, (a: WorkspaceA) => unknown[]> = {
  // One entry per procedure whose input the stuffing below cannot satisfy (nested documents, batches).
  "contacts.changeConsent": (a) => [a.id, ...a.memberIds].map((contactId) => ({ contactId, channel: "email", status: "unsubscribed" })),
  "attributes.create": () => [{ key: "intruder_attribute", label: "Renamed by an intruder", type: "text" }],
  "attributes.update": (a) => [a.id, ...a.memberIds].map((attributeId) => ({ attributeId, label: "Renamed by an intruder" })),
  "lists.setMemberStatus": (a) => [a.id, ...a.memberIds].map((listId) => ({ listId, contactId: a.id, status: "unsubscribed" })),
  "imports.configure": (a) =>
    [a.id, ...a.audienceIds].map((importId) => ({ importId, columns: [{ kind: "field", field: "email" }], policy: "add_only", listId: a.audienceIds[2] })),
  "events.track": (a) => [
    { events: [a.id, ...a.memberIds, a.owner.id, a.apiKeyId, ...a.messageIds].map((id) => ({ contact: { id }, event: "intrusion" })) },
    // A's addresses only to look up: a contact created in B with one would show up in B's later answers.
    { events: [{ contact: { email: a.owner.email }, event: "intrusion" }, { contact: { email: "intruder@example.test" }, event: "intrusion", createContact: true }] },
  ],
  // Values echo back (as the row, or in a per-line error), so they must not be A's own strings.
  "suppressions.create": () => [{ value: "intruder@example.test" }, { value: "@intruder.example", reason: "complaint" }],
  "suppressions.import": () => [{ text: "intruder@example.test\n@intruder.example\nnot-an-entry" }],
  "dnc.create": () => [{ country: "HK", name: "Intruder register" }],
  "dnc.lookup": () => [{ phone: "+852 9123 4567" }, { phone: "9123 4567", country: "HK" }],
  // Segment definitions: a minimal valid one, and ones naming A's ids as a list or in an event filter.
  "segments.create": (a) => [
    { name: "Intruder segment", definition: segmentDefinition() },
    { name: "Intruder segment", definition: segmentDefinition({ type: "list", operator: "in", listId: a.id }) },
  ],
  "segments.update": (a) => [a.id, ...a.memberIds].map((segmentId) => ({ segmentId, definition: segmentDefinition() })),
  "segments.count": (a) => segmentSources(a),
  // The sample lists B's own contacts, and events.track above makes B a contact with A's viewer's
  // address (B may: it is B's contact), so it asks only for the ones the guard names intruder-*.
  "emailTemplates.create": () => [{ name: "Intruder template", editor: "visual" }],
  "emailTemplates.update": (a) => [a.id, ...a.audienceIds].map((templateId) => ({ templateId, expectedRevision: 1, name: "Renamed by an intruder" })),
  "emailTemplates.archive": (a) => [a.id, ...a.audienceIds].map((templateId) => ({ templateId, archived: true })),
  "emailTemplates.sendTest": (a) => [a.id, ...a.audienceIds].map((templateId) => ({ templateId, to: ["intruder@example.test"] })),
  "sendingIdentities.create": () => [{ fromName: "Intruder", fromEmail: "intruder-sender@example.test" }],
  "sendingIdentities.update": (a) => [a.id, ...a.audienceIds].map((identityId) => ({ identityId, fromName: "Renamed by an intruder" })),
  "sendingDomains.create": () => [{ domain: "intruder-domain.example" }],
  "smsRoutes.create": () => [{ name: "Intruder route", markets: ["HK"], pricePerSegment: 0.05 }],
  "smsRoutes.sendTest": (a) => [a.id, ...a.audienceIds].map((routeId) => ({ routeId, to: "+852 9123 4567" })),
  "transactional.send": (a) => [
    ...[a.id, ...a.audienceIds].map((templateId) => ({ to: "intruder@example.test", templateId, idempotencyKey: `intruder-${templateId}` })),
    { to: a.owner.email, subject: "Intruder", html: "<p>x</p>", idempotencyKey: "intruder-inline" },
  ],
  "campaigns.create": (a) => [{ name: "Intruder campaign", emailTemplateId: a.audienceIds[8], audience: { listIds: [a.audienceIds[2]] } }],
  "campaigns.update": (a) => [a.id, ...a.audienceIds].map((campaignId) => ({ campaignId, name: "Renamed by an intruder" })),
  "workspaces.setPostalAddress": () => [{ postalAddress: "1 Intruder Street" }],
  "credits.topUp": () => [{ amount: 500, note: "Intruder top-up" }],
  "credits.adjust": () => [{ amount: -1, note: "Intruder adjustment" }, { amount: -1_000_000, note: "Intruder drain" }],
  "messagingPolicy.save": () => [{ maxPerDay: 3, maxPerWeek: 10, quietStart: "21:00", quietEnd: "08:00" }],
  // Journeys: a copy of a pre-built one inside B, and drafts (one naming A's list and template) sent at A's ids.
  "journeys.create": () => [{ name: "Intruder journey", templateKey: "welcome_series" }],
  // The API trigger: A's ids as the journey, and A's contacts (by id and by address) sent along.
  "journeyRuns.enter": (a) => [
    ...[a.id, ...a.audienceIds, ...a.memberIds].map((journeyId) => ({ journeyId, contact: { id: a.id }, data: { intruder: true } })),
    ...[a.id, ...a.memberIds].map((id) => ({ journeyId: a.id, contact: { id } })),
    { journeyId: a.id, contact: { email: a.owner.email } },
  ],
  "journeys.saveDraft": (a) =>
    [a.id, ...a.audienceIds].flatMap((journeyId) => [
      { journeyId, expectedRevision: 1, draft: journeyDraft(), name: "Renamed by an intruder" },
      { journeyId, expectedRevision: 1, draft: journeyDraft({ listId: a.audienceIds[2], templateId: a.audienceIds[8] }) },
    ]),
  "journeys.publish": (a) => [a.id, ...a.audienceIds].map((journeyId) => ({ journeyId, expectedRevision: 1 })),
  "segments.sample": (a) =>
    segmentSources(a, { type: "attribute", field: "email", operator: "starts_with", value: "intruder-" }),
};

function segmentDefinition(...rules: unknown[]) {
  return { version: 1, root: { type: "group", combinator: "and", rules: rules.length ? rules : [{ type: "attribute", field: "email", operator: "is_set" }] } };
}

/** A small journey document; with ids, it joins a list and sends a template. */
function journeyDraft(ids: { listId?: string; templateId?: string } = {}) {
  return {
    version: 1,
    nodes: [
      { id: "start", type: "trigger_list_joined", position: { x: 0, y: 0 }, config: { listId: ids.listId ?? null } },
      { id: "mail", type: "send_email", position: { x: 0, y: 150 }, config: { templateId: ids.templateId ?? null } },
      { id: "done", type: "exit", position: { x: 0, y: 300 }, config: {} },
    ],
    edges: [
      { id: "e1", source: "start", sourceHandle: "next", target: "mail" },
      { id: "e2", source: "mail", sourceHandle: "next", target: "done" },
    ],
    settings: { entry: { mode: "once" } },
  };
}

function segmentSources(a: WorkspaceA, everyone: unknown = { type: "attribute", field: "email", operator: "is_set" }) {
  return [
    { definition: segmentDefinition(everyone) },
    ...[a.id, ...a.memberIds].map((listId) => ({ definition: segmentDefinition({ type: "list", operator: "in", listId, status: "any" }) })),
    { definition: segmentDefinition({ type: "event", name: "order_placed", operator: "at_least", where: [{ path: "contact", operator: "equals", value: a.id }] }) },
  ];
}

type AnyProcedure = { _def: { type: "query" | "mutation" | "subscription"; inputs: unknown[] } };
const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
const ALL_PATHS = Object.keys(procedures).sort();
const WORKSPACE_SCOPED = ALL_PATHS.filter((path) => !(path in USER_LEVEL));
// A mutation that declares role "viewer" changes nothing (a POST only for its large input, like a preview).
const WORKSPACE_MUTATIONS = WORKSPACE_SCOPED.filter(
  (path) => procedures[path]!._def.type === "mutation" && ((procedures[path]!._def as { meta?: { role?: string } }).meta)?.role !== "viewer",
);
// it.each over an empty list would pass silently; an empty router must fail the run instead.
if (ALL_PATHS.length === 0 || WORKSPACE_SCOPED.length === 0 || WORKSPACE_MUTATIONS.length === 0) {
  throw new Error(`tenant isolation guard found no procedures to check (read ${ALL_PATHS.length} from appRouter._def.procedures)`);
}

type WorkspaceA = {
  id: string;
  name: string;
  slug: string;
  owner: TestUser;
  viewer: TestUser;
  memberIds: string[];
  invitationId: string;
  invitationEmail: string;
  invitationTokenHash: string;
  apiKeyId: string;
  apiKeyPrefix: string;
  messageIds: string[];
  messageSubjects: string[];
  /** Ids of A's audience rows (contact, attribute, list, segment, suppression, DNC register, import). */
  audienceIds: string[];
  /** Names, addresses and numbers of those rows, which must never show up from B. */
  audienceSecrets: string[];
};

let a: WorkspaceA;
let b: { id: string; owner: TestUser; apiKeySecret: string };
let outsider: TestUser;
let snapshotBefore: unknown;

/** One row of every content table in A: a sender, an email template with an attachment, an image, an SMS route and template. */
const seedContent = async (workspaceId: string, tag: string) => {
  const [identity] = await db
    .insert(sendingIdentities)
    .values({ workspaceId, fromName: `Alpha sender ${tag}`, fromEmail: `alpha-sender-${tag}@example.test` })
    .returning();
  const [template] = await db
    .insert(emailTemplates)
    .values({
      workspaceId,
      name: `Alpha template ${tag}`,
      subject: `Alpha subject ${tag}`,
      editor: "code",
      sourceFormat: "mjml",
      source: `<mjml><mj-body><mj-section><mj-column><mj-text>Alpha body ${tag}</mj-text></mj-column></mj-section></mj-body></mjml>`,
      sendingIdentityId: identity!.id,
    })
    .returning();
  const [attachment] = await db
    .insert(storedFiles)
    .values({ workspaceId, purpose: "attachment", filename: `alpha-terms-${tag}.txt`, contentType: "text/plain", sizeBytes: 5, sha256: "0".repeat(64), data: Buffer.from("alpha") })
    .returning();
  const [image] = await db
    .insert(storedFiles)
    .values({ workspaceId, purpose: "image", filename: `alpha-logo-${tag}.png`, contentType: "image/png", sizeBytes: 5, sha256: "1".repeat(64), data: Buffer.from("alpha") })
    .returning();
  await db.insert(templateAttachments).values({ workspaceId, templateId: template!.id, fileId: attachment!.id });
  const [route] = await db
    .insert(smsRoutes)
    .values({ workspaceId, name: `Alpha route ${tag}`, markets: ["HK"], pricePerSegment: 0.05 })
    .returning();
  const [smsTemplate] = await db
    .insert(smsTemplates)
    .values({ workspaceId, name: `Alpha SMS ${tag}`, body: `Alpha SMS body ${tag}`, routeId: route!.id })
    .returning();
  return {
    audienceIds: [identity!.id, template!.id, attachment!.id, image!.id, route!.id, smsTemplate!.id],
    audienceSecrets: [`Alpha sender ${tag}`, `alpha-sender-${tag}@example.test`, `Alpha template ${tag}`, `Alpha subject ${tag}`, `Alpha body ${tag}`, `alpha-terms-${tag}.txt`, `alpha-logo-${tag}.png`, `Alpha route ${tag}`, `Alpha SMS ${tag}`],
  };
};

const mergeSeeds = (...seeds: { audienceIds: string[]; audienceSecrets: string[] }[]) => ({
  audienceIds: seeds.flatMap((seed) => seed.audienceIds),
  audienceSecrets: seeds.flatMap((seed) => seed.audienceSecrets),
});

// ---------------------------------------------------------------------------------------------
// Calling any procedure by path, and what came back
// ---------------------------------------------------------------------------------------------

type Caller = ReturnType<typeof createCaller>;
type Outcome =
  | { ok: true; value: unknown }
  | { ok: false; code: TRPCError["code"]; message: string; inputRejected: boolean };

const attempt = async (caller: Caller, path: string, input?: unknown): Promise<Outcome> => {
  if (procedures[path]!._def.type === "subscription") {
    throw new Error(`${path} is a subscription; teach the tenant isolation guard how to call it`);
  }
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  try {
    return { ok: true, value: await (procedure as (input?: unknown) => Promise<unknown>)(input) };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { ok: false, code: error.code, message: error.message, inputRejected: error.cause instanceof ZodError };
  }
};

/** The keys a procedure's input object declares (zod objects, possibly optional/nullable). */
const inputKeys = (path: string): string[] => {
  const keys: string[] = [];
  for (const parser of procedures[path]!._def.inputs) {
    let schema = parser as { shape?: Record<string, unknown>; unwrap?: () => unknown };
    while (!schema.shape && typeof schema.unwrap === "function") schema = schema.unwrap() as typeof schema;
    if (schema.shape) keys.push(...Object.keys(schema.shape));
  }
  return keys;
};

const isIdKey = (key: string) => key === "id" || /Id$/.test(key);
const isIdListKey = (key: string) => key === "ids" || /Ids$/.test(key);

/**
 * Inputs stuffed with A's real ids: one object with every known field pointing at A's rows, and for
 * each of A's ids a variant with every id-like field (including ones this file has never heard of,
 * read from the procedure's schema) set to it. Both the full object (extra keys are stripped by zod)
 * and one trimmed to the declared keys (for strict schemas) are tried.
 */
const stuffedInputs = (path: string): unknown[] => {
  const declared = inputKeys(path);
  const base: Record<string, unknown> = {
    id: a.id,
    workspaceId: a.id,
    memberId: a.memberIds[0],
    userId: a.owner.id,
    invitationId: a.invitationId,
    apiKeyId: a.apiKeyId,
    messageId: a.messageIds[0],
    name: "Renamed by an intruder",
    email: `intruder-${randomUUID()}@example.test`,
    role: "viewer",
    scopes: [...API_SCOPES],
    token: "not-an-invitation-token-at-all",
    limit: 200,
  };
  const allIds = [a.id, ...a.memberIds, a.owner.id, a.viewer.id, a.invitationId, a.apiKeyId, ...a.messageIds, ...a.audienceIds];
  const objects = [base, { ...base, role: "owner" }];
  for (const id of allIds) {
    const variant: Record<string, unknown> = { ...base };
    for (const key of new Set([...Object.keys(base), ...declared])) {
      if (isIdKey(key)) variant[key] = id;
      if (isIdListKey(key)) variant[key] = [id];
    }
    objects.push(variant);
  }
  const trimmed = declared.length
    ? objects.map((object) => Object.fromEntries(declared.filter((key) => key in object).map((key) => [key, object[key]])))
    : [];
  return [undefined, ...objects, ...trimmed, ...(EXTRA_INPUTS[path]?.(a) ?? [])];
};

/** Every string that would show A's data leaking: ids, names, addresses, subjects, the key prefix. */
const secretsOfA = () => [
  a.id,
  a.name,
  a.slug,
  a.owner.id,
  a.owner.email,
  a.owner.name,
  a.viewer.id,
  a.viewer.email,
  a.viewer.name,
  ...a.memberIds,
  a.invitationId,
  a.invitationEmail,
  a.invitationTokenHash,
  a.apiKeyId,
  a.apiKeyPrefix,
  ...a.messageIds,
  ...a.messageSubjects,
  ...a.audienceIds,
  ...a.audienceSecrets,
];

const expectNoSecretsOfA = (what: string, value: unknown) => {
  const text = JSON.stringify(value) ?? "";
  for (const secret of secretsOfA()) expect(text.includes(secret), `${what} revealed "${secret}": ${text.slice(0, 300)}`).toBe(false);
};

/** A's rows in every table that has a workspace_id column (found at run time), its workspace row and its people. */
const snapshotA = async () => {
  const tables = await db.execute<{ table_name: string }>(sql`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'workspace_id' order by table_name`);
  const snapshot: Record<string, string[]> = {};
  for (const { table_name } of tables) {
    const rows = await db.execute<{ row: unknown }>(
      sql`select to_jsonb(t) as row from ${sql.identifier(table_name)} t where t.workspace_id = ${a.id}`,
    );
    snapshot[table_name] = rows.map((r) => JSON.stringify(r.row)).sort();
  }
  const own = await db.execute<{ row: unknown }>(sql`select to_jsonb(w) as row from workspaces w where w.id = ${a.id}`);
  snapshot.workspaces = own.map((r) => JSON.stringify(r.row));
  snapshot.users = (
    await db.select().from(users).where(inArray(users.id, [a.owner.id, a.viewer.id]))
  ).map((row) => JSON.stringify(row)).sort();
  return snapshot;
};

/**
 * One row of every audience table in A, written straight to the tables (not through the procedures
 * under test), so their ids can be stuffed into B's calls and their contents looked for in B's results.
 */
const seedAudience = async (workspaceId: string, tag: string) => {
  const email = `alpha-contact-${tag}@example.test`;
  const phone = `+8529${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  const [contact] = await db
    .insert(contacts)
    .values({ workspaceId, email, phone, phoneCountry: "HK", firstName: `Alphaname${tag}`, emailStatus: "subscribed" })
    .returning();
  const [attribute] = await db
    .insert(attributeDefinitions)
    .values({ workspaceId, key: `alpha_${tag}`, label: `Alpha attribute ${tag}`, type: "text" })
    .returning();
  const [list] = await db.insert(lists).values({ workspaceId, name: `Alpha list ${tag}` }).returning();
  await db.insert(listMemberships).values({ workspaceId, listId: list!.id, contactId: contact!.id });
  const [segment] = await db
    .insert(segments)
    .values({
      workspaceId,
      name: `Alpha segment ${tag}`,
      definition: { version: 1, root: { type: "group", combinator: "and", rules: [] } },
    })
    .returning();
  const suppressed = `alpha-suppressed-${tag}@example.test`;
  const [suppression] = await db
    .insert(suppressions)
    .values({ workspaceId, kind: "email", value: suppressed, reason: "manual" })
    .returning();
  const [registry] = await db
    .insert(dncRegistries)
    .values({ workspaceId, country: "HK", name: `Alpha register ${tag}` })
    .returning();
  const [contactImport] = await db
    .insert(contactImports)
    .values({ workspaceId, filename: `alpha-${tag}.csv`, status: "completed" })
    .returning();
  await db.insert(events).values({ workspaceId, contactId: contact!.id, name: `alpha_event_${tag}`, occurredAt: new Date() });
  return {
    audienceIds: [contact!.id, attribute!.id, list!.id, segment!.id, suppression!.id, registry!.id, contactImport!.id],
    audienceSecrets: [email, phone, `Alphaname${tag}`, `alpha_${tag}`, `Alpha list ${tag}`, `Alpha segment ${tag}`, suppressed, `Alpha register ${tag}`, `alpha-${tag}.csv`, `alpha_event_${tag}`],
  };
};

/** A live journey in A with a version, a trigger, a contact inside it and its step, naming A's list and template. */
const seedJourneys = async (workspaceId: string, tag: string, refs: { contactId: string; listId: string; templateId: string }) => {
  const draft = { ...journeyDraft({ listId: refs.listId, templateId: refs.templateId }), settings: { entry: { mode: "once" }, goal: null, respectMessagingLimits: true } };
  const [journey] = await db
    .insert(journeys)
    .values({ workspaceId, name: `Alpha journey ${tag}`, description: `Alpha journey notes ${tag}`, status: "live", draft, webhookSecret: `alpha-webhook-secret-${tag}` })
    .returning();
  const [version] = await db.insert(journeyVersions).values({ workspaceId, journeyId: journey!.id, version: 1, definition: draft }).returning();
  await db.update(journeys).set({ liveVersionId: version!.id }).where(inArray(journeys.id, [journey!.id]));
  await db.insert(journeyTriggers).values({ workspaceId, journeyId: journey!.id, versionId: version!.id, nodeId: "start", triggerType: "trigger_list_joined", key: refs.listId });
  const [state] = await db
    .insert(journeyStates)
    .values({ workspaceId, journeyId: journey!.id, versionId: version!.id, contactId: refs.contactId, nodeId: "mail", status: "active", wakeAt: new Date(Date.now() + 3_600_000) })
    .returning();
  await db.insert(journeySteps).values({ workspaceId, journeyId: journey!.id, stateId: state!.id, contactId: refs.contactId, nodeId: "start", nodeType: "trigger_list_joined", outcome: "entered" });
  await db.insert(journeyNodeStats).values({ journeyId: journey!.id, nodeId: "start", entered: 1, left: 1 });
  return {
    audienceIds: [journey!.id, version!.id],
    audienceSecrets: [`Alpha journey ${tag}`, `Alpha journey notes ${tag}`, `alpha-webhook-secret-${tag}`],
  };
};

// ---------------------------------------------------------------------------------------------
// Two workspaces with real data in each
// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  const tag = randomUUID().slice(0, 8);
  const aOwner = await createTestUser(`Alpha Owner ${tag}`);
  const aWorkspace = await createWorkspace({ userId: aOwner.id, name: `Alpha Secret ${tag}` });
  const { user: aViewer, member: viewerMember } = await addTestMember(aWorkspace.id, "viewer");
  await db.update(users).set({ name: `Alpha Viewer ${tag}` }).where(inArray(users.id, [aViewer.id]));
  aViewer.name = `Alpha Viewer ${tag}`;
  const { member: adminMember } = await addTestMember(aWorkspace.id, "admin");
  const [ownerMember] = (await callerFor(aOwner, aWorkspace.id).members.list()).filter((m) => m.userId === aOwner.id);
  const invitationEmail = `alpha-invitee-${tag}@example.test`;
  const { invitation } = await callerFor(aOwner, aWorkspace.id).invitations.create({ email: invitationEmail, role: "admin" });
  const [invitationRow] = await db.select().from(workspaceInvitations).where(inArray(workspaceInvitations.id, [invitation.id]));
  const { apiKey } = await createTestApiKey(aWorkspace.id, aOwner.id, [...API_SCOPES]);
  const workspaceMail = await catchTestMail({ to: "customer@example.test", subject: `Alpha campaign ${tag}`, workspaceId: aWorkspace.id });
  const systemMail = await catchTestMail({ to: aOwner.email, subject: `Alpha password reset ${tag}` });

  a = {
    id: aWorkspace.id,
    name: aWorkspace.name,
    slug: aWorkspace.slug,
    owner: aOwner,
    viewer: aViewer,
    memberIds: [ownerMember!.id, viewerMember.id, adminMember.id],
    invitationId: invitation.id,
    invitationEmail,
    invitationTokenHash: invitationRow!.tokenHash,
    apiKeyId: apiKey.id,
    apiKeyPrefix: apiKey.prefix,
    messageIds: [workspaceMail.id, systemMail.id],
    messageSubjects: [`Alpha campaign ${tag}`, `Alpha password reset ${tag}`],
    ...mergeSeeds(await seedAudience(aWorkspace.id, tag), await seedContent(aWorkspace.id, tag)),
  };
  const journeySeed = await seedJourneys(aWorkspace.id, tag, { contactId: a.audienceIds[0]!, listId: a.audienceIds[2]!, templateId: a.audienceIds[8]! });
  a.audienceIds.push(...journeySeed.audienceIds);
  a.audienceSecrets.push(...journeySeed.audienceSecrets);

  const bOwner = await createTestUser(`Bravo Owner ${tag}`);
  const bWorkspace = await createWorkspace({ userId: bOwner.id, name: `Bravo ${tag}` });
  await addTestMember(bWorkspace.id, "editor");
  const { secret } = await createTestApiKey(bWorkspace.id, bOwner.id, [...API_SCOPES]);
  await catchTestMail({ to: "someone@example.test", subject: `Bravo mail ${tag}`, workspaceId: bWorkspace.id });
  b = { id: bWorkspace.id, owner: bOwner, apiKeySecret: secret };
  outsider = await createTestUser(`Outsider ${tag}`);
});

// Whatever a test did, A's rows must be exactly as they were (compared per test, so only the
// procedure that changed them fails).
beforeEach(async () => {
  snapshotBefore = await snapshotA();
});
afterEach(async () => {
  expect(await snapshotA(), "A's rows changed").toEqual(snapshotBefore);
});

// ---------------------------------------------------------------------------------------------

describe("the procedure list", () => {
  it("is read from appRouter, and the allowlist names only real user-level procedures", () => {
    expect(ALL_PATHS.length).toBeGreaterThanOrEqual(19);
    expect(ALL_PATHS).toContain("workspaces.current");
    for (const path of Object.keys(USER_LEVEL)) expect(ALL_PATHS, `allowlisted ${path} does not exist`).toContain(path);
    expect(WORKSPACE_SCOPED).toEqual(expect.arrayContaining(["members.list", "apiKeys.revoke", "outbox.get"]));
  });

  it.each(Object.keys(USER_LEVEL))("user-level %s refuses API keys (it acts for a person)", async (path) => {
    const caller = await callerFromHeaders({ authorization: `Bearer ${b.apiKeySecret}` });
    for (const input of stuffedInputs(path)) {
      expect(await attempt(caller, path, input)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
  });

  it.each(WORKSPACE_SCOPED)("%s really is workspace-scoped: a person must choose a workspace", async (path) => {
    expect(await attempt(callerFor(b.owner, null), path, stuffedInputs(path)[1])).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
      message: "Choose a workspace first (x-herald-workspace header)",
    });
  });
});

describe("no credentials", () => {
  it.each(ALL_PATHS)("%s answers UNAUTHORIZED and nothing else", async (path) => {
    const contexts = [
      { principal: null, requestedWorkspaceId: null },
      { principal: null, requestedWorkspaceId: a.id },
      { principal: null, requestedWorkspaceId: a.id, invalidApiKey: true },
    ];
    for (const context of contexts) {
      for (const input of stuffedInputs(path)) {
        expect(await attempt(createCaller(context), path, input)).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
      }
    }
  });
});

describe("(a) members of another workspace, targeting A", () => {
  it.each(WORKSPACE_SCOPED)("%s is FORBIDDEN, whatever the input", async (path) => {
    const intruders: Array<[string, Caller]> = [
      ["B's owner", callerFor(b.owner, a.id)],
      ["a user in no workspace", callerFor(outsider, a.id)],
      ["B's all-scope API key", await callerFromHeaders({ authorization: `Bearer ${b.apiKeySecret}`, "x-herald-workspace": a.id })],
    ];
    const inputs = [...stuffedInputs(path), "garbage", 42, { workspaceId: b.id }];
    for (const [who, caller] of intruders) {
      for (const input of inputs) {
        const outcome = await attempt(caller, path, input);
        expect(outcome, `${who} calling ${path}(${JSON.stringify(input)})`).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
    }
    // The same answer for a workspace that does not exist or an id that is not one, so ids cannot be probed.
    for (const requested of [randomUUID(), "not-a-uuid", a.slug]) {
      expect(await attempt(callerFor(b.owner, requested), path, stuffedInputs(path)[1])).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
        message: "You are not a member of this workspace",
      });
    }
  });
});

describe("(b) a viewer of A", () => {
  it.each(WORKSPACE_MUTATIONS)("cannot call mutation %s", async (path) => {
    const caller = callerFor(a.viewer, a.id);
    for (const input of stuffedInputs(path)) {
      expect(await attempt(caller, path, input), `${path}(${JSON.stringify(input)})`).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
    }
  });
});

describe("(c) A's ids sent to procedures inside B", () => {
  it.each(ALL_PATHS)("%s neither changes nor reveals anything of A", async (path) => {
    const principals: Array<[string, Caller]> = [
      ["B's owner", callerFor(b.owner, b.id)],
      ["B's all-scope API key", await callerFromHeaders({ authorization: `Bearer ${b.apiKeySecret}` })],
    ];
    let reachedResolver = false;
    for (const [who, caller] of principals) {
      for (const input of stuffedInputs(path)) {
        const outcome = await attempt(caller, path, input);
        const what = `${who} calling ${path}(${JSON.stringify(input)})`;
        expectNoSecretsOfA(what, outcome);
        if (!outcome.ok) expect(outcome.code, `${what}: ${outcome.message}`).not.toBe("INTERNAL_SERVER_ERROR");
        if (who === "B's owner" && (outcome.ok || !outcome.inputRejected)) reachedResolver = true;
      }
    }
    // Otherwise every call above bounced off input validation and proved nothing.
    expect(reachedResolver, `no stuffed input got past ${path}'s input schema; add one to EXTRA_INPUTS`).toBe(true);
  });
});

describe("(d) user-level procedures with A's ids", () => {
  it("leaving A as a non-member is NOT_FOUND", async () => {
    for (const person of [b.owner, outsider]) {
      expect(await attempt(callerFor(person, b.id), "workspaces.leave", { workspaceId: a.id })).toMatchObject({
        ok: false,
        code: "NOT_FOUND",
        message: "You are not a member of this workspace",
      });
    }
  });

  it("an invitation cannot be previewed or accepted by its id, its stored hash, or without a token", async () => {
    const caller = callerFor(outsider);
    for (const token of [a.invitationId, a.invitationTokenHash]) {
      for (const path of ["invitations.preview", "invitations.accept"]) {
        expect(await attempt(caller, path, { token })).toMatchObject({ ok: false, code: "NOT_FOUND" });
      }
    }
    for (const input of [undefined, {}, { token: "" }]) {
      expect(await attempt(caller, "invitations.accept", input)).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    }
    expect(await caller.workspaces.list()).toEqual([]);
  });

  it("me.get and workspaces.list show only the caller's own workspaces", async () => {
    // (B's owner also owns the workspaces "(c)" created through workspaces.create.)
    const me = await callerFor(b.owner, a.id).me.get();
    expect(me.workspaces.map((w) => w.id)).toContain(b.id);
    expect(me.workspaces.every((w) => w.role === "owner")).toBe(true);
    expectNoSecretsOfA("me.get", me);
    const list = await callerFor(b.owner, a.id).workspaces.list();
    expect(list.map((w) => w.id)).toContain(b.id);
    expectNoSecretsOfA("workspaces.list", list);
  });
});
