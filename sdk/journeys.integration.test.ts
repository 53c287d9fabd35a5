import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definition, publishTestJourney, runsOf } from "@/server/domain/journeys/runtime/runtime-fixtures";
import { insertTestContacts } from "@/server/testing/bulk-contacts";
import { createTestApiKey, createTestWorkspace } from "@/server/testing/fixtures";
import { startTrpcServer } from "@/server/testing/trpc-http";
import { createHeraldClient } from "./index";

describe("the SDK's journey trigger", () => {
  let server: Awaited<ReturnType<typeof startTrpcServer>>;
  beforeAll(async () => {
    server = await startTrpcServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("journeyRuns.enter puts a contact into a journey that starts with an API call, with its data", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const [contact] = await insertTestContacts(workspace.id, [{ email: `sdk-${crypto.randomUUID()}@example.test` }]);
    const journeyId = await publishTestJourney(
      workspace.id,
      definition(
        [
          { id: "api", type: "trigger_api" },
          { id: "end", type: "exit", config: { goal: false } },
        ],
        [["api", "next", "end"]],
      ),
    );
    const { secret } = await createTestApiKey(workspace.id, owner.id, ["contacts:write"]);
    const herald = createHeraldClient({ baseUrl: server.baseUrl, apiKey: secret });

    const entered = await herald.journeyRuns.enter.mutate({ journeyId, contact: { email: contact!.email! }, data: { cart_id: "C-42" } });
    expect(entered).toMatchObject({ entered: true });
    expect(await herald.journeyRuns.enter.mutate({ journeyId, contact: { id: contact!.id } })).toEqual({
      entered: false,
      reason: "the contact is already in this journey",
    });
    expect((await runsOf(journeyId)).map((run) => run.context)).toEqual([{ cart_id: "C-42" }]);
  });
});
