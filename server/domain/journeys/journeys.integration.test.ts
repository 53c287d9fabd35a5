import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contacts, emailTemplates, journeyNodeStats, journeys, journeyStates, journeySteps, journeyTriggers, journeyVersions, lists, sendingIdentities, segments } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { addTestMember, callerFor, createTestWorkspace } from "@/server/testing/fixtures";
import { archiveJourney, pauseJourney, resumeJourney } from "./control-journey";
import { createJourney } from "./create-journey";
import { getJourney } from "./get-journey";
import type { JourneyDefinition, JourneyDefinitionInput } from "./journey-definition";
import { journeyStats } from "./journey-stats";
import { listJourneys } from "./list-journeys";
import { publishJourney } from "./publish-journey";
import { saveJourneyDraft } from "./save-journey-draft";
import { JOURNEY_TEMPLATES } from "./templates";

/** A workspace with a sender (so copied templates have one) and a list to choose. */
const setUp = async () => {
  const { workspace, owner } = await createTestWorkspace("Journeys Co");
  const workspaceId = workspace.id;
  const [sender] = await db.insert(sendingIdentities).values({ workspaceId, fromName: "Journeys Co", fromEmail: "hello@journeys.example" }).returning();
  const [list] = await db.insert(lists).values({ workspaceId, name: "Newsletter" }).returning();
  return { workspaceId, owner, senderId: sender!.id, listId: list!.id };
};

const chooseList = (draft: JourneyDefinition, listId: string): JourneyDefinition => ({
  ...draft,
  nodes: draft.nodes.map((node) => ("listId" in node.config && node.config.listId === null ? ({ ...node, config: { ...node.config, listId } } as typeof node) : node)),
});

/** A welcome series copied and given its list: publishable as it stands. */
const readyWelcomeSeries = async () => {
  const ws = await setUp();
  const { id: journeyId } = await createJourney({ workspaceId: ws.workspaceId, userId: ws.owner.id, name: "Welcome", templateKey: "welcome_series" });
  const journey = await getJourney({ workspaceId: ws.workspaceId, journeyId });
  const saved = await saveJourneyDraft({ workspaceId: ws.workspaceId, journeyId, expectedRevision: journey.draftRevision, draft: chooseList(journey.draft, ws.listId) });
  expect(saved.problems).toEqual([]);
  return { ...ws, journeyId, revision: saved.draftRevision };
};

const insertContact = async (workspaceId: string, email: string) => {
  const [row] = await db.insert(contacts).values({ workspaceId, email, emailStatus: "subscribed" }).returning({ id: contacts.id });
  return row!.id;
};

describe("creating journeys", () => {
  it("starts an empty draft with its own webhook secret", async () => {
    const { workspaceId, owner } = await setUp();
    const first = await createJourney({ workspaceId, userId: owner.id, name: "  Blank  " });
    const second = await createJourney({ workspaceId, userId: owner.id, name: "Blank 2" });
    const journey = await getJourney({ workspaceId, journeyId: first.id });
    expect(journey).toMatchObject({ name: "Blank", status: "draft", draftRevision: 1, liveVersion: null, versions: [], hasUnpublishedChanges: true });
    expect(journey.draft.nodes).toEqual([]);
    const secrets = await db.select({ secret: journeys.webhookSecret }).from(journeys).where(eq(journeys.workspaceId, workspaceId));
    expect(secrets).toHaveLength(2);
    expect(new Set(secrets.map((s) => s.secret)).size).toBe(2);
    for (const { secret } of secrets) expect(Buffer.from(secret, "base64url")).toHaveLength(32);
    expect((await listJourneys({ workspaceId })).map((j) => j.id).sort()).toEqual([first.id, second.id].sort());
  });

  it.each(JOURNEY_TEMPLATES.map((template) => template.key))("copies the pre-built %s journey into an editable draft with its own email templates", async (templateKey) => {
    const { workspaceId, owner, senderId } = await setUp();
    const template = JOURNEY_TEMPLATES.find((t) => t.key === templateKey)!;
    const { id } = await createJourney({ workspaceId, userId: owner.id, name: template.name, templateKey });
    const journey = await getJourney({ workspaceId, journeyId: id });
    expect(journey).toMatchObject({ name: template.name, description: template.description, status: "draft", templateKey });
    expect(journey.draft.nodes.map((n) => n.id)).toEqual(template.build({ templateIds: {} }).nodes.map((n) => n.id));

    const made = await db.select().from(emailTemplates).where(eq(emailTemplates.workspaceId, workspaceId));
    expect(made.map((t) => t.name).sort()).toEqual(template.emails.map((e) => e.name).sort());
    for (const row of made) {
      expect(row).toMatchObject({ editor: "visual", sourceFormat: "mjml", sendingIdentityId: senderId, createdBy: owner.id });
      expect(row.source).toContain("<mjml");
      expect(row.textBody.length).toBeGreaterThan(50);
    }
    const referenced = journey.draft.nodes.flatMap((n) => (n.type === "send_email" ? [n.config.templateId] : []));
    expect(referenced.sort()).toEqual(made.map((t) => t.id).sort());

    // Nothing left to do but the marketer's own choices.
    const list = await callerFor(owner, workspaceId).journeys.templates();
    expect(list.find((t) => t.key === templateKey)).toEqual({ key: templateKey, name: template.name, description: template.description, nodeCount: journey.draft.nodes.length });
  });

  it("publishes a copied welcome series once its list is chosen, and refuses before", async () => {
    const { workspaceId, owner, listId } = await setUp();
    const { id: journeyId } = await createJourney({ workspaceId, userId: owner.id, name: "Welcome", templateKey: "welcome_series" });
    const before = await publishJourney({ workspaceId, journeyId, expectedRevision: 1 });
    expect(before).toEqual({ ok: false, problems: [expect.objectContaining({ code: "missing_list", nodeId: "joined", field: "config.listId" })] });
    const journey = await getJourney({ workspaceId, journeyId });
    const { draftRevision } = await saveJourneyDraft({ workspaceId, journeyId, expectedRevision: 1, draft: chooseList(journey.draft, listId) });
    expect(await publishJourney({ workspaceId, journeyId, expectedRevision: draftRevision })).toEqual({ ok: true, version: 1 });
  });

  it("refuses a pre-built journey that does not exist, naming the field", async () => {
    const { workspaceId, owner } = await setUp();
    await expect(createJourney({ workspaceId, userId: owner.id, name: "X", templateKey: "nope" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { templateKey: ["There is no pre-built journey called “nope”"] },
    });
  });
});

describe("saving drafts", () => {
  it("bumps the revision, returns the graph's problems, and refuses a save over someone else's", async () => {
    const { workspaceId, owner } = await setUp();
    const { id: journeyId } = await createJourney({ workspaceId, userId: owner.id, name: "Draft" });
    const draft: JourneyDefinitionInput = {
      version: 1,
      nodes: [{ id: "mail", type: "send_email", position: { x: 0, y: 0 }, config: { templateId: null } }],
      edges: [],
      settings: { entry: { mode: "once" } },
    };
    const saved = await saveJourneyDraft({ workspaceId, journeyId, expectedRevision: 1, draft, name: "Renamed" });
    expect(saved.draftRevision).toBe(2);
    expect(saved.problems.map((p) => p.code)).toEqual(["no_trigger", "missing_template", "output_not_connected"]);
    expect(await getJourney({ workspaceId, journeyId })).toMatchObject({ name: "Renamed", draftRevision: 2 });

    const stale = saveJourneyDraft({ workspaceId, journeyId, expectedRevision: 1, draft });
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(stale).rejects.toThrow(/Someone else saved this journey/);
    expect((await getJourney({ workspaceId, journeyId })).draftRevision).toBe(2);
  });

  it("names the field of a malformed document", async () => {
    const { workspaceId, owner } = await setUp();
    const { id: journeyId } = await createJourney({ workspaceId, userId: owner.id, name: "Draft" });
    const draft = { version: 1, nodes: [{ id: "w", type: "wait_duration", position: { x: 0, y: 0 }, config: { amount: 1, unit: "weeks" } }], edges: [], settings: { entry: { mode: "once" } } };
    const error = await saveJourneyDraft({ workspaceId, journeyId, expectedRevision: 1, draft: draft as never }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(Object.keys((error as { fieldErrors: object }).fieldErrors)).toEqual(["draft.nodes.0.config.unit"]);
  });

  it("through tRPC, a stale revision is a CONFLICT and a viewer cannot save", async () => {
    const { workspaceId, owner } = await setUp();
    const { id: journeyId } = await callerFor(owner, workspaceId).journeys.create({ name: "Via tRPC" });
    const draft = (await callerFor(owner, workspaceId).journeys.get({ journeyId })).draft;
    await callerFor(owner, workspaceId).journeys.saveDraft({ journeyId, draft, expectedRevision: 1 });
    const error = await callerFor(owner, workspaceId).journeys.saveDraft({ journeyId, draft, expectedRevision: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "CONFLICT" });
    const { user: viewer } = await addTestMember(workspaceId, "viewer");
    await expect(callerFor(viewer, workspaceId).journeys.saveDraft({ journeyId, draft, expectedRevision: 2 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(viewer, workspaceId).journeys.revealWebhookSecret({ journeyId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await callerFor(owner, workspaceId).journeys.revealWebhookSecret({ journeyId })).secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("publishing", () => {
  it("returns every problem of a broken journey at once and changes nothing", async () => {
    const { workspaceId, owner } = await setUp();
    const { id: journeyId } = await createJourney({ workspaceId, userId: owner.id, name: "Broken" });
    const [archived] = await db
      .insert(emailTemplates)
      .values({ workspaceId, name: "Old news", editor: "code", sourceFormat: "mjml", source: "<mjml></mjml>", archivedAt: new Date() })
      .returning();
    const { workspaceId: otherWorkspace } = await setUp();
    const [foreignList] = await db.select().from(lists).where(eq(lists.workspaceId, otherWorkspace));
    const draft: JourneyDefinitionInput = {
      version: 1,
      nodes: [
        { id: "start", type: "trigger_list_joined", position: { x: 0, y: 0 }, config: { listId: foreignList!.id } },
        { id: "mail", type: "send_email", position: { x: 0, y: 150 }, config: { templateId: archived!.id } },
        { id: "hook", type: "webhook", position: { x: 0, y: 300 }, config: { url: "http://169.254.169.254/latest" } },
        { id: "split", type: "split_random", position: { x: 0, y: 450 }, config: { branches: [{ key: "a", label: "A", percent: 60 }, { key: "b", label: "B", percent: 60 }] } },
        { id: "lost", type: "exit", position: { x: 300, y: 0 }, config: {} },
      ],
      edges: [
        { id: "e1", source: "start", sourceHandle: "next", target: "mail" },
        { id: "e2", source: "mail", sourceHandle: "next", target: "hook" },
        { id: "e3", source: "hook", sourceHandle: "next", target: "split" },
        { id: "e4", source: "split", sourceHandle: "a", target: "mail" },
      ],
      settings: { entry: { mode: "once" } },
    };
    const { draftRevision } = await saveJourneyDraft({ workspaceId, journeyId, expectedRevision: 1, draft });
    const before = await getJourney({ workspaceId, journeyId });

    const result = await publishJourney({ workspaceId, journeyId, expectedRevision: draftRevision });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => [p.code, p.nodeId])).toEqual([
      ["webhook_url_private", "hook"],
      ["split_percent_total", "split"],
      ["output_not_connected", "split"],
      ["unreachable", "lost"],
      ["cycle_without_wait", "mail"],
      ["list_not_found", "start"],
      ["template_archived", "mail"],
      ["missing_sender", "mail"],
    ]);
    expect(problems.find((p) => p.code === "output_not_connected")!.message).toBe("The 'B (60%)' output of Random split is not connected");

    expect(await getJourney({ workspaceId, journeyId })).toEqual(before);
    expect(await db.select().from(journeyVersions).where(eq(journeyVersions.journeyId, journeyId))).toEqual([]);
    expect(await db.select().from(journeyTriggers).where(eq(journeyTriggers.journeyId, journeyId))).toEqual([]);
  });

  it("creates version 1 and its triggers, then version 2 after an edit, leaving runs on the version they entered", async () => {
    const { workspaceId, journeyId, revision, listId } = await readyWelcomeSeries();
    expect(await publishJourney({ workspaceId, journeyId, expectedRevision: revision })).toEqual({ ok: true, version: 1 });

    const v1 = await getJourney({ workspaceId, journeyId });
    expect(v1).toMatchObject({ status: "live", liveVersion: 1, hasUnpublishedChanges: false, versions: [{ version: 1 }] });
    const [row1] = await db.select().from(journeys).where(eq(journeys.id, journeyId));
    expect(row1!.publishedAt).toBeInstanceOf(Date);
    const [version1] = await db.select().from(journeyVersions).where(eq(journeyVersions.id, row1!.liveVersionId!));
    expect(version1!.definition).toEqual(v1.draft);
    expect(await db.select().from(journeyTriggers).where(eq(journeyTriggers.journeyId, journeyId))).toEqual([
      { workspaceId, journeyId, versionId: version1!.id, nodeId: "joined", triggerType: "trigger_list_joined", key: listId },
    ]);
    const contactId = await insertContact(workspaceId, "early@example.test");
    await db.insert(journeyStates).values({ workspaceId, journeyId, versionId: version1!.id, contactId, nodeId: "wait_2_days", status: "waiting", wakeAt: new Date() });

    // Edit: also start on an event, and the wait becomes 3 days.
    const edited: JourneyDefinition = {
      ...v1.draft,
      nodes: [
        ...v1.draft.nodes.map((n) => (n.type === "wait_duration" ? { ...n, config: { amount: 3, unit: "days" as const } } : n)),
        { id: "signed_up", type: "trigger_event", position: { x: 320, y: 0 }, config: { eventName: " signed_up ", filters: [] } },
      ],
      edges: [...v1.draft.edges, { id: "signed_up-next", source: "signed_up", sourceHandle: "next", target: "send_welcome" }],
    };
    const saved = await saveJourneyDraft({ workspaceId, journeyId, expectedRevision: revision, draft: edited });
    expect(await getJourney({ workspaceId, journeyId })).toMatchObject({ liveVersion: 1, hasUnpublishedChanges: true });
    await expect(publishJourney({ workspaceId, journeyId, expectedRevision: revision })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await publishJourney({ workspaceId, journeyId, expectedRevision: saved.draftRevision })).toEqual({ ok: true, version: 2 });

    const v2 = await getJourney({ workspaceId, journeyId });
    expect(v2).toMatchObject({ status: "live", liveVersion: 2, hasUnpublishedChanges: false });
    expect(v2.versions.map((v) => v.version)).toEqual([2, 1]);
    const [row2] = await db.select().from(journeys).where(eq(journeys.id, journeyId));
    const triggers = await db.select().from(journeyTriggers).where(eq(journeyTriggers.journeyId, journeyId));
    expect(triggers.map((t) => [t.nodeId, t.triggerType, t.key, t.versionId]).sort()).toEqual([
      ["joined", "trigger_list_joined", listId, row2!.liveVersionId],
      ["signed_up", "trigger_event", "signed_up", row2!.liveVersionId],
    ]);
    // The contact inside stays on version 1.
    const [state] = await db.select().from(journeyStates).where(eq(journeyStates.contactId, contactId));
    expect(state!.versionId).toBe(version1!.id);
    expect(await db.select().from(journeyVersions).where(eq(journeyVersions.id, version1!.id))).toEqual([version1]);
  });

  it("checks branch rules against the workspace, and freezes them typed without counting that as a change", async () => {
    const { workspaceId, owner, listId } = await setUp();
    const { id: journeyId } = await createJourney({ workspaceId, userId: owner.id, name: "Branching" });
    const branchOn = (field: string): JourneyDefinitionInput => ({
      version: 1,
      nodes: [
        { id: "start", type: "trigger_list_joined", position: { x: 0, y: 0 }, config: { listId } },
        {
          id: "vip",
          type: "branch_segment",
          position: { x: 0, y: 150 },
          config: { definition: { version: 1, root: { type: "group", combinator: "and", rules: [{ type: "attribute", field, operator: "gt", value: 100 }] } } },
        },
        { id: "yes", type: "exit", position: { x: -160, y: 300 }, config: { goal: true } },
        { id: "no", type: "exit", position: { x: 160, y: 300 }, config: {} },
      ],
      edges: [
        { id: "e1", source: "start", sourceHandle: "next", target: "vip" },
        { id: "e2", source: "vip", sourceHandle: "yes", target: "yes" },
        { id: "e3", source: "vip", sourceHandle: "no", target: "no" },
      ],
      settings: { entry: { mode: "once" } },
    });
    const first = await saveJourneyDraft({ workspaceId, journeyId, expectedRevision: 1, draft: branchOn("attributes.lifetime_value") });
    expect(first.problems).toEqual([]);
    const refused = await publishJourney({ workspaceId, journeyId, expectedRevision: first.draftRevision });
    expect(refused).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: "invalid_branch_rules", nodeId: "vip", field: "config.definition.root.rules[0].field" })],
    });
    await db.execute(sql`insert into attribute_definitions (workspace_id, key, label, type) values (${workspaceId}::uuid, 'lifetime_value', 'Lifetime value', 'number')`);
    expect(await publishJourney({ workspaceId, journeyId, expectedRevision: first.draftRevision })).toEqual({ ok: true, version: 1 });
    const [version] = await db.select().from(journeyVersions).where(eq(journeyVersions.journeyId, journeyId));
    const branch = (version!.definition as JourneyDefinition).nodes.find((n) => n.id === "vip");
    expect(branch).toMatchObject({ config: { definition: { root: { rules: [{ field: "attributes.lifetime_value", valueType: "number" }] } } } });
    expect(await getJourney({ workspaceId, journeyId })).toMatchObject({ liveVersion: 1, hasUnpublishedChanges: false });
  });

  it("refuses templates, lists and segments of another workspace", async () => {
    const { workspaceId, owner } = await setUp();
    const other = await setUp();
    const [foreignSegment] = await db.insert(segments).values({ workspaceId: other.workspaceId, name: "Theirs", definition: { version: 1, root: { type: "group", combinator: "and", rules: [] } } }).returning();
    const [foreignTemplate] = await db.insert(emailTemplates).values({ workspaceId: other.workspaceId, name: "Theirs", editor: "code", sourceFormat: "mjml", source: "<mjml></mjml>", sendingIdentityId: other.senderId }).returning();
    const { id: journeyId } = await createJourney({ workspaceId, userId: owner.id, name: "Borrowing" });
    const { draftRevision } = await saveJourneyDraft({
      workspaceId,
      journeyId,
      expectedRevision: 1,
      draft: {
        version: 1,
        nodes: [
          { id: "start", type: "trigger_segment_entered", position: { x: 0, y: 0 }, config: { segmentId: foreignSegment!.id } },
          { id: "mail", type: "send_email", position: { x: 0, y: 150 }, config: { templateId: foreignTemplate!.id, sendingIdentityId: other.senderId } },
          { id: "add", type: "add_to_list", position: { x: 0, y: 300 }, config: { listId: other.listId } },
          { id: "done", type: "exit", position: { x: 0, y: 450 }, config: {} },
        ],
        edges: [
          { id: "e1", source: "start", sourceHandle: "next", target: "mail" },
          { id: "e2", source: "mail", sourceHandle: "next", target: "add" },
          { id: "e3", source: "add", sourceHandle: "next", target: "done" },
        ],
        settings: { entry: { mode: "once" } },
      },
    });
    const result = await publishJourney({ workspaceId, journeyId, expectedRevision: draftRevision });
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.nodeId, p.field])).toEqual([
      ["segment_not_found", "start", "config.segmentId"],
      ["template_not_found", "mail", "config.templateId"],
      ["sender_not_found", "mail", "config.sendingIdentityId"],
      ["list_not_found", "add", "config.listId"],
    ]);
  });
});

describe("pause, resume, archive", () => {
  it("pauses and resumes a live journey, keeping its triggers and runs", async () => {
    const { workspaceId, journeyId, revision } = await readyWelcomeSeries();
    await expect(pauseJourney({ workspaceId, journeyId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await publishJourney({ workspaceId, journeyId, expectedRevision: revision });
    expect(await pauseJourney({ workspaceId, journeyId })).toEqual({ status: "paused" });
    expect((await getJourney({ workspaceId, journeyId })).status).toBe("paused");
    expect(await db.select().from(journeyTriggers).where(eq(journeyTriggers.journeyId, journeyId))).toHaveLength(1);
    await expect(pauseJourney({ workspaceId, journeyId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await resumeJourney({ workspaceId, journeyId })).toEqual({ status: "live" });
    expect((await getJourney({ workspaceId, journeyId })).status).toBe("live");
    await expect(resumeJourney({ workspaceId, journeyId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("archives: removes the triggers and ends every unfinished run as 'journey archived', on the timeline and in the stats", async () => {
    const { workspaceId, journeyId, revision } = await readyWelcomeSeries();
    await publishJourney({ workspaceId, journeyId, expectedRevision: revision });
    const [journey] = await db.select().from(journeys).where(eq(journeys.id, journeyId));
    const versionId = journey!.liveVersionId!;
    const waiting = await insertContact(workspaceId, "waiting@example.test");
    const finished = await insertContact(workspaceId, "finished@example.test");
    await db.insert(journeyStates).values([
      { workspaceId, journeyId, versionId, contactId: waiting, nodeId: "wait_2_days", status: "waiting", wakeAt: new Date(Date.now() + 86_400_000) },
      { workspaceId, journeyId, versionId, contactId: finished, nodeId: "done", status: "completed", finishedAt: new Date(), exitReason: "exit" },
    ]);
    await db.insert(journeyNodeStats).values({ journeyId, nodeId: "wait_2_days", entered: 1, left: 0 });

    expect(await archiveJourney({ workspaceId, journeyId })).toEqual({ status: "archived", endedRuns: 1 });
    expect((await getJourney({ workspaceId, journeyId })).status).toBe("archived");
    expect(await db.select().from(journeyTriggers).where(eq(journeyTriggers.journeyId, journeyId))).toEqual([]);
    const states = await db.select().from(journeyStates).where(eq(journeyStates.journeyId, journeyId));
    expect(states.find((s) => s.contactId === waiting)).toMatchObject({ status: "exited", exitReason: "journey archived", wakeAt: null });
    expect(states.find((s) => s.contactId === waiting)!.finishedAt).toBeInstanceOf(Date);
    expect(states.find((s) => s.contactId === finished)).toMatchObject({ status: "completed", exitReason: "exit" });
    expect(await db.select({ nodeType: journeySteps.nodeType, outcome: journeySteps.outcome, detail: journeySteps.detail }).from(journeySteps).where(eq(journeySteps.contactId, waiting))).toEqual([
      { nodeType: "wait_duration", outcome: "exited", detail: { reason: "journey archived" } },
    ]);
    expect((await journeyStats({ workspaceId, journeyId })).nodes.wait_2_days).toEqual({ entered: 1, waiting: 0, left: 1 });

    await expect(archiveJourney({ workspaceId, journeyId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(resumeJourney({ workspaceId, journeyId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(publishJourney({ workspaceId, journeyId, expectedRevision: revision })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const draft = (await getJourney({ workspaceId, journeyId })).draft;
    await expect(saveJourneyDraft({ workspaceId, journeyId, expectedRevision: revision, draft })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});

describe("stats", () => {
  it("counts entered and left per node and who is waiting there now; the list counts runs inside", async () => {
    const { workspaceId, journeyId, revision } = await readyWelcomeSeries();
    await publishJourney({ workspaceId, journeyId, expectedRevision: revision });
    const [journey] = await db.select().from(journeys).where(eq(journeys.id, journeyId));
    const versionId = journey!.liveVersionId!;
    const people = await Promise.all(["a", "b", "c", "d"].map((name) => insertContact(workspaceId, `${name}@stats.example`)));
    await db.insert(journeyStates).values([
      { workspaceId, journeyId, versionId, contactId: people[0]!, nodeId: "wait_2_days", status: "waiting", wakeAt: new Date() },
      { workspaceId, journeyId, versionId, contactId: people[1]!, nodeId: "wait_2_days", status: "waiting", wakeAt: new Date() },
      { workspaceId, journeyId, versionId, contactId: people[2]!, nodeId: "send_tips", status: "active", wakeAt: new Date() },
      { workspaceId, journeyId, versionId, contactId: people[3]!, nodeId: "done", status: "completed", finishedAt: new Date() },
    ]);
    await db.insert(journeyNodeStats).values([
      { journeyId, nodeId: "joined", entered: 4, left: 4 },
      { journeyId, nodeId: "send_welcome", entered: 4, left: 4 },
      { journeyId, nodeId: "wait_2_days", entered: 4, left: 2 },
      { journeyId, nodeId: "send_tips", entered: 2, left: 1 },
      { journeyId, nodeId: "done", entered: 1, left: 1 },
      // A node a later version removed still shows what it counted.
      { journeyId, nodeId: "old_step", entered: 3, left: 3 },
    ]);
    expect((await journeyStats({ workspaceId, journeyId })).nodes).toEqual({
      joined: { entered: 4, waiting: 0, left: 4 },
      send_welcome: { entered: 4, waiting: 0, left: 4 },
      wait_2_days: { entered: 4, waiting: 2, left: 2 },
      send_tips: { entered: 2, waiting: 1, left: 1 },
      done: { entered: 1, waiting: 0, left: 1 },
      old_step: { entered: 3, waiting: 0, left: 3 },
    });
    expect(await listJourneys({ workspaceId })).toEqual([
      { id: journeyId, name: "Welcome", status: "live", liveVersion: 1, updatedAt: expect.any(Date), activeRuns: 3, templateKey: "welcome_series" },
    ]);
    // Another workspace sees none of it.
    const other = await setUp();
    await expect(journeyStats({ workspaceId: other.workspaceId, journeyId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getJourney({ workspaceId: other.workspaceId, journeyId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listJourneys({ workspaceId: other.workspaceId })).toEqual([]);
    const count = await db.select({ n: sql<number>`count(*)::int` }).from(journeyStates).where(and(eq(journeyStates.journeyId, journeyId)));
    expect(count[0]!.n).toBe(4);
  });
});
