import { describe, expect, it } from "vitest";
import { draftFromCampaign, draftProblems, draftToInput } from "./campaign-draft";
import type { CampaignDetail } from "./campaign-labels";

const campaign = (overrides: Partial<CampaignDetail> = {}): CampaignDetail => ({
  id: "c1",
  name: "Spring",
  status: "draft",
  channels: ["email"],
  emailTemplateId: null,
  smsTemplateId: null,
  sendingIdentityId: null,
  audience: { listIds: ["l1"], segmentIds: [], excludeListIds: [], excludeSegmentIds: [] },
  sendAt: null,
  localSendTime: null,
  throttlePerSecond: null,
  throttlePerHour: null,
  abTest: null,
  abWinner: null,
  abDecidedAt: null,
  abDecideAt: null,
  statusReason: null,
  launchedAt: null,
  completedAt: null,
  createdAt: new Date(),
  updatedAt: new Date(),
  progress: { recipients: 0, batches: 0, batchesDone: 0, skipped: 0, charged: 0, sent: 0, failed: 0, byChannel: {} },
  ...overrides,
});

describe("campaign draft", () => {
  it("sends now with nothing scheduled, and keeps empty choices as null", () => {
    const draft = draftFromCampaign(campaign());
    expect(draft.schedule).toBe("now");
    expect(draftToInput(draft)).toEqual({
      name: "Spring",
      channels: ["email"],
      emailTemplateId: null,
      smsTemplateId: null,
      sendingIdentityId: null,
      audience: { listIds: ["l1"], segmentIds: [], excludeListIds: [], excludeSegmentIds: [] },
      sendAt: null,
      localSendTime: null,
      throttlePerSecond: null,
      throttlePerHour: null,
      abTest: null,
    });
  });

  it("round-trips a send time (in the browser's zone) and throttles", () => {
    const sendAt = new Date(2030, 5, 1, 9, 30);
    const draft = draftFromCampaign(campaign({ sendAt, throttlePerSecond: 20, throttlePerHour: 5000, sendingIdentityId: "s1" }));
    expect(draft).toMatchObject({ schedule: "at", sendAt: "2030-06-01T09:30", throttlePerSecond: "20", throttlePerHour: "5000", sendingIdentityId: "s1" });
    expect(draftToInput(draft)).toMatchObject({ sendAt, localSendTime: null, throttlePerSecond: 20, throttlePerHour: 5000, sendingIdentityId: "s1" });
  });

  it("sends at a local time from a day, or from now when no day is given", () => {
    const draft = draftFromCampaign(campaign({ localSendTime: "09:30", sendAt: new Date(2030, 5, 1) }));
    expect(draft).toMatchObject({ schedule: "local", localTime: "09:30", localDate: "2030-06-01", sendAt: "" });
    expect(draftToInput(draft)).toMatchObject({ localSendTime: "09:30", sendAt: new Date(2030, 5, 1) });
    expect(draftToInput({ ...draft, localDate: "" })).toMatchObject({ localSendTime: "09:30", sendAt: null });
    // Switching back to "now" drops both.
    expect(draftToInput({ ...draft, schedule: "now" })).toMatchObject({ localSendTime: null, sendAt: null });
  });

  it("keeps the SMS channel and its template", () => {
    const draft = draftFromCampaign(campaign({ channels: ["email", "sms"], smsTemplateId: "t-sms" }));
    expect(draft).toMatchObject({ email: true, sms: true, smsTemplateId: "t-sms" });
    expect(draftToInput(draft)).toMatchObject({ channels: ["email", "sms"], smsTemplateId: "t-sms" });
    expect(draftToInput({ ...draft, email: false })).toMatchObject({ channels: ["sms"] });
  });

  it("flags a schedule chosen but left blank", () => {
    const draft = draftFromCampaign(campaign());
    expect(draftProblems({ ...draft, schedule: "at" })).toEqual({ sendAt: "Choose the date and time to send" });
    expect(draftProblems({ ...draft, schedule: "local" })).toEqual({ localSendTime: "Choose the local time to deliver at" });
    expect(draftProblems(draft)).toEqual({});
  });

  it("round-trips an A/B test, hours to minutes, and sends only what the tested field uses", () => {
    const abTest = { field: "subject" as const, variants: [{ subject: "A" }, { subject: "B" }], samplePercent: 10, winnerBy: "clicks" as const, decideAfterMinutes: 90 };
    const draft = draftFromCampaign(campaign({ abTest }));
    expect(draft.ab).toMatchObject({ enabled: true, samplePercent: "10", decideAfterHours: "1.5" });
    expect(draftToInput(draft).abTest).toEqual(abTest);
    const content = { ...draft.ab, field: "content" as const, variants: [{ subject: "A", emailTemplateId: "t1" }, { subject: "", emailTemplateId: "" }] };
    expect(draftToInput({ ...draft, ab: content }).abTest?.variants).toEqual([{ emailTemplateId: "t1" }, { emailTemplateId: undefined }]);
    expect(draftToInput({ ...draft, ab: { ...draft.ab, enabled: false } }).abTest).toBeNull();
  });

  it("starts a new test with two blank variants, and flags hours that are not a number", () => {
    const draft = draftFromCampaign(campaign());
    expect(draft.ab).toMatchObject({ enabled: false, field: "subject", variants: [{ subject: "" }, { subject: "" }] });
    expect(draftProblems({ ...draft, ab: { ...draft.ab, enabled: true, decideAfterHours: "" } })).toEqual({
      "abTest.decideAfterMinutes": expect.stringContaining("hours"),
    });
    expect(draftProblems({ ...draft, ab: { ...draft.ab, decideAfterHours: "" } })).toEqual({});
  });
});
