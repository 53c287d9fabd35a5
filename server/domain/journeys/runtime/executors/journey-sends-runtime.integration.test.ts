import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contacts } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { createSendableWorkspace } from "@/server/domain/campaigns/campaign-fixtures";
import { enterJourneyByApi } from "@/server/domain/journeys/enter-journey";
import { listContactJourneySteps } from "@/server/domain/journeys/list-contact-journey-steps";
import { saveMessagingPolicy } from "@/server/domain/messaging-policy/save-messaging-policy";
import { useDeliverySink } from "@/server/testing/delivery-sink";
import { definition, drain, publishTestJourney, runsOf, stepsOf } from "../runtime-fixtures";

const sink = useDeliverySink();

describe("journey sends through the runtime", () => {
  it("API entry → email → wait → email: the first is sent, the second capped by the daily limit, all on the contact's timeline", async () => {
    const ws = await createSendableWorkspace({ size: 1 });
    await saveMessagingPolicy({ workspaceId: ws.workspaceId, maxPerDay: 1, maxPerWeek: null, quietStart: null, quietEnd: null });
    const [contact] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, ws.workspaceId));
    const journeyId = await publishTestJourney(
      ws.workspaceId,
      definition(
        [
          { id: "start", type: "trigger_api" },
          { id: "send-1", type: "send_email", config: { templateId: ws.templateId, sendingIdentityId: null } },
          { id: "wait", type: "wait_duration", config: { amount: 1, unit: "hours" } },
          { id: "send-2", type: "send_email", config: { templateId: ws.templateId, sendingIdentityId: null } },
          { id: "done", type: "exit", config: { goal: false } },
        ],
        [
          ["start", "next", "send-1"],
          ["send-1", "next", "wait"],
          ["wait", "next", "send-2"],
          ["send-2", "next", "done"],
        ],
      ),
      "Welcome series",
    );
    expect(await enterJourneyByApi({ workspaceId: ws.workspaceId, journeyId, contact: { id: contact!.id }, data: { plan: "pro" } })).toMatchObject({ entered: true });
    // A fixed UTC day ahead, so both sends fall on the same day for the cap.
    const morning = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1, 9));
    await drain(ws.workspaceId, morning);
    expect(sink.messagesTo(ws.sendable[0]!)).toHaveLength(1);
    await drain(ws.workspaceId, new Date(morning.getTime() + 2 * 3600_000));
    expect(sink.messagesTo(ws.sendable[0]!)).toHaveLength(1);

    const [run] = await runsOf(journeyId);
    expect(run).toMatchObject({ finished: true, status: "completed" });
    const steps = await stepsOf(run!.id);
    expect(steps).toContain("send-1:sent");
    expect(steps).toContain("send-2:skipped");
    const timeline = await listContactJourneySteps({ workspaceId: ws.workspaceId, contactId: contact!.id });
    expect(timeline.steps.find((s) => s.nodeId === "send-2")).toMatchObject({ journeyName: "Welcome series", nodeType: "send_email", outcome: "skipped", detail: { reason: "frequency cap" } });
    expect(timeline.steps.find((s) => s.nodeId === "send-1")).toMatchObject({ outcome: "sent", detail: { messageId: expect.any(String) } });
  });
});
