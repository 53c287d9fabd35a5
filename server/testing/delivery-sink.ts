import { afterAll, beforeAll, expect } from "vitest";
import { closeTransports } from "@/server/domain/delivery/transports/smarthosts";
import { env } from "@/server/env";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

/**
 * For a test file that sends through the delivery engine: a loopback SMTP sink is its smarthost from
 * beforeAll to afterAll (pooled connections closed first). Call at the top level; the returned object
 * stands for the sink once it has started (`sink.messagesTo(...)` inside tests).
 */
export const useDeliverySink = (): SmtpSink => {
  let started: SmtpSink | undefined;
  beforeAll(async () => {
    started = await startSmtpSink();
    process.env.DELIVERY_SMTP_URL = started.url;
    expect(env().DELIVERY_SMTP_URL).toBe(started.url);
  });
  afterAll(async () => {
    closeTransports();
    await started?.close();
  });
  return new Proxy({} as SmtpSink, {
    get: (_target, property) => {
      if (!started) throw new Error("useDeliverySink: the sink is only there inside tests (after beforeAll)");
      const value = Reflect.get(started, property);
      return typeof value === "function" ? value.bind(started) : value;
    },
  });
};
