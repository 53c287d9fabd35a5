import type { CampaignStatus } from "./campaign-status";

export type StageState = "done" | "active" | "waiting" | "stopped";

export type CampaignStage = {
  key: "validate" | "build" | "charge" | "send" | "log" | "report";
  label: string;
  state: StageState;
  detail: string;
  /** For a progress bar: how far along (out of max). */
  progress?: { value: number; max: number };
};

export type StageInput = {
  status: CampaignStatus;
  sendAt: Date | null;
  localSendTime: string | null;
  progress: { recipients: number; batches: number; batchesDone: number; skipped: number; charged: number; sent: number; failed: number };
  /** From the report: "sent" events in the rollups, and who opened and clicked. Null until it loads. */
  report: { logged: number; opened: number; clicked: number } | null;
};

const n = (value: number) => value.toLocaleString();
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

/**
 * The pipeline as the marketer sees it, from the batch counters (campaigns.get) and the report's
 * rollups: Validate freezes the audience, Build cuts it into batches, each batch is charged, sent
 * and logged, and the report fills in as events arrive. A stage is done when its count has caught
 * up with what came before; the first one that has not is active while the campaign is sending
 * (or paused); on a cancelled or failed campaign it stopped there.
 */
export const campaignStages = ({ status, sendAt, localSendTime, progress, report }: StageInput): CampaignStage[] => {
  const { recipients, batches, skipped, charged, sent, failed } = progress;
  const prepared = batches > 0;
  // Prepared with nobody in it: the campaign ends as sent, with nothing to charge or send.
  const empty = status === "sent" && !prepared;
  const toSend = recipients - skipped;
  const chargeDone = prepared && charged + skipped >= recipients;
  const sendDone = prepared && sent + failed + skipped >= recipients;
  const logged = report?.logged ?? 0;
  const logDone = sendDone && report !== null && logged >= sent;
  const reportDone = status === "sent" && (empty || logDone);

  const done = [prepared || empty, prepared || empty, chargeDone || empty, sendDone || empty, logDone || empty, reportDone];
  const firstOpen = done.indexOf(false);
  const moving = status === "sending" || status === "paused";
  const stateOf = (index: number): StageState => {
    if (done[index]) return "done";
    if (index !== firstOpen) return "waiting";
    if (moving || status === "sent") return "active";
    return status === "scheduled" ? "waiting" : "stopped";
  };

  const validateDetail = prepared
    ? `${plural(recipients, "recipient")} frozen, ${n(skipped)} skipped`
    : empty
      ? "Nobody was in the audience"
      : status === "scheduled" && sendAt
        ? `Starts ${sendAt.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}${localSendTime ? `, at ${localSendTime} local time` : ""}`
        : "Freezing the audience";

  return [
    { key: "validate", label: "Validate", state: stateOf(0), detail: validateDetail },
    { key: "build", label: "Build", state: stateOf(1), detail: prepared ? `${plural(batches, "batch", "batches")} of up to 250` : "Batches not built yet" },
    { key: "charge", label: "Charge", state: stateOf(2), detail: `${n(charged)} charged` },
    {
      key: "send",
      label: "Send",
      state: stateOf(3),
      detail: `${n(sent)} of ${n(recipients)} sent${failed ? `, ${n(failed)} failed` : ""}`,
      progress: { value: Math.min(sent + failed + skipped, recipients), max: Math.max(recipients, 1) },
    },
    { key: "log", label: "Log", state: stateOf(4), detail: `${plural(logged, "message")} logged` },
    {
      key: "report",
      label: "Report",
      state: stateOf(5),
      detail: report ? `${n(report.opened)} opened, ${n(report.clicked)} clicked${toSend > 0 && !reportDone ? ", updating" : ""}` : "Waiting for the log",
    },
  ];
};
