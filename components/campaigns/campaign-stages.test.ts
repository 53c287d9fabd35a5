import { describe, expect, it } from "vitest";
import { campaignStages, type StageInput } from "./campaign-stages";

const progress = (p: Partial<StageInput["progress"]> = {}) => ({ recipients: 0, batches: 0, batchesDone: 0, skipped: 0, charged: 0, sent: 0, failed: 0, ...p });
const states = (input: Partial<StageInput>) =>
  campaignStages({ status: "sending", sendAt: null, localSendTime: null, progress: progress(), report: null, ...input }).map((stage) => stage.state);

describe("campaignStages", () => {
  it("waits for its send time while scheduled", () => {
    const stages = campaignStages({ status: "scheduled", sendAt: new Date("2030-01-01T09:00:00Z"), localSendTime: null, progress: progress(), report: null });
    expect(stages.map((s) => s.state)).toEqual(["waiting", "waiting", "waiting", "waiting", "waiting", "waiting"]);
    expect(stages[0]!.detail).toMatch(/^Starts /);
  });

  it("moves from validating through charging and sending to the report", () => {
    expect(states({})).toEqual(["active", "waiting", "waiting", "waiting", "waiting", "waiting"]);
    const half = progress({ recipients: 100, batches: 1, skipped: 10, charged: 90, sent: 40 });
    expect(states({ progress: half, report: { logged: 40, opened: 0, clicked: 0 } })).toEqual(["done", "done", "done", "active", "waiting", "waiting"]);
    const all = progress({ recipients: 100, batches: 1, batchesDone: 1, skipped: 10, charged: 90, sent: 88, failed: 2 });
    expect(states({ progress: all, report: { logged: 80, opened: 0, clicked: 0 } })).toEqual(["done", "done", "done", "done", "active", "waiting"]);
    expect(states({ status: "sent", progress: all, report: { logged: 88, opened: 5, clicked: 1 } })).toEqual(["done", "done", "done", "done", "done", "done"]);
  });

  it("counts each stage, with a progress bar for sending", () => {
    const stages = campaignStages({
      status: "sending",
      sendAt: null,
      localSendTime: null,
      progress: progress({ recipients: 1200, batches: 5, skipped: 200, charged: 500, sent: 300, failed: 1 }),
      report: { logged: 300, opened: 12, clicked: 3 },
    });
    expect(stages.map((s) => s.detail)).toEqual([
      "1,200 recipients frozen, 200 skipped",
      "5 batches of up to 250",
      "500 charged",
      "300 of 1,200 sent, 1 failed",
      "300 messages logged",
      "12 opened, 3 clicked, updating",
    ]);
    expect(stages[3]!.progress).toEqual({ value: 501, max: 1200 });
  });

  it("marks where a cancelled campaign stopped, and finishes an empty one", () => {
    const partway = progress({ recipients: 500, batches: 2, charged: 250, sent: 250 });
    expect(states({ status: "cancelled", progress: partway, report: { logged: 250, opened: 0, clicked: 0 } })).toEqual(["done", "done", "stopped", "waiting", "waiting", "waiting"]);
    expect(states({ status: "paused", progress: partway })).toEqual(["done", "done", "active", "waiting", "waiting", "waiting"]);
    expect(states({ status: "sent", progress: progress(), report: { logged: 0, opened: 0, clicked: 0 } })).toEqual(["done", "done", "done", "done", "done", "done"]);
  });
});
