import { describe, expect, it } from "vitest";
import { journeySteps } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { insertTestContacts } from "@/server/testing/bulk-contacts";
import { callerFor, createTestWorkspace } from "@/server/testing/fixtures";
import { seedJourneyRuns } from "./sends/journey-send-fixtures";
import { listContactJourneySteps } from "./list-contact-journey-steps";

describe("contact journey timeline", () => {
  it("lists the contact's steps newest first with the journey's name, a page at a time, and their runs; never another contact's or workspace's", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const [alex, sam] = await insertTestContacts(workspace.id, [{ email: "alex@example.com" }, { email: "sam@example.com" }]);
    const { journey, states } = await seedJourneyRuns({ workspaceId: workspace.id, contactIds: [alex!.id, sam!.id], nodeId: "send-1", name: "Welcome series" });
    const base = new Date("2026-06-15T10:00:00Z").getTime();
    const step = (contactId: string, stateId: number, minutes: number, nodeType: string, outcome: string, detail?: Record<string, unknown>) => ({
      workspaceId: workspace.id,
      journeyId: journey.id,
      stateId,
      contactId,
      nodeId: `${nodeType}-1`,
      nodeType,
      outcome,
      detail,
      occurredAt: new Date(base + minutes * 60_000),
    });
    const alexState = states.find((s) => s.contactId === alex!.id)!.id;
    await db.insert(journeySteps).values([
      step(alex!.id, alexState, 0, "trigger_api", "entered"),
      step(alex!.id, alexState, 1, "wait_duration", "waiting"),
      step(alex!.id, alexState, 61, "send_email", "sent", { messageId: "m-1" }),
      step(alex!.id, alexState, 61, "webhook", "retrying", { status: 500, attempts: 1 }),
      step(sam!.id, states.find((s) => s.contactId === sam!.id)!.id, 5, "send_email", "skipped", { reason: "unsubscribed" }),
    ]);
    const other = await createTestWorkspace();

    const first = await listContactJourneySteps({ workspaceId: workspace.id, contactId: alex!.id, limit: 3 });
    expect(first.steps.map((s) => [s.nodeType, s.outcome])).toEqual([
      ["webhook", "retrying"],
      ["send_email", "sent"],
      ["wait_duration", "waiting"],
    ]);
    expect(first.steps[0]).toMatchObject({ journeyId: journey.id, journeyName: "Welcome series", detail: { status: 500, attempts: 1 }, occurredAt: new Date(base + 61 * 60_000) });
    expect(first.nextCursor).not.toBeNull();
    const second = await listContactJourneySteps({ workspaceId: workspace.id, contactId: alex!.id, limit: 3, cursor: first.nextCursor });
    expect(second.steps.map((s) => s.outcome)).toEqual(["entered"]);
    expect(second.nextCursor).toBeNull();

    const viaRouter = await callerFor(owner, workspace.id).journeyTimeline.contact({ contactId: alex!.id });
    expect(viaRouter.steps).toHaveLength(4);
    expect(viaRouter.runs).toEqual([expect.objectContaining({ stateId: alexState, journeyName: "Welcome series", status: "active", nodeId: "send-1" })]);
    expect((await listContactJourneySteps({ workspaceId: other.workspace.id, contactId: alex!.id })).steps).toEqual([]);
    await expect(listContactJourneySteps({ workspaceId: workspace.id, contactId: alex!.id, cursor: "yesterday" })).rejects.toMatchObject({
      fieldErrors: { cursor: ["cursor must be the nextCursor of an earlier page"] },
    });
  });
});
