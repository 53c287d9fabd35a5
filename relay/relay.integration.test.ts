import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPortFree } from "@/scripts/lib/embedded-postgres";
import { createTestApiKey, createTestWorkspace } from "@/server/testing/fixtures";
import { spawnHeraldProcess, type SpawnedProcess } from "@/server/testing/spawn-process";

const freePort = async (from: number) => {
  for (let port = from; port < from + 500; port++) if (await isPortFree(port, "127.0.0.1")) return port;
  throw new Error("no free port");
};

let relay: SpawnedProcess;
let relayPort: number;
let metricsPort: number;

beforeAll(async () => {
  relayPort = await freePort(42_500 + Math.floor(Math.random() * 1000));
  metricsPort = await freePort(relayPort + 1);
  relay = await spawnHeraldProcess(
    "relay/index.ts",
    { RELAY_PORT: String(relayPort), RELAY_HOST: "127.0.0.1", RELAY_METRICS_PORT: String(metricsPort) },
    /metrics endpoint listening/,
  );
});

afterAll(async () => {
  expect(await relay.stop()).toBe(0);
});

const transport = (password: string) =>
  nodemailer.createTransport({
    host: "127.0.0.1",
    port: relayPort,
    secure: false,
    ignoreTLS: true,
    auth: { user: "crm-sync", pass: password },
  });

describe("SMTP relay front door", () => {
  it("accepts AUTH with an API key that has the smtp scope, then defers mail until delivery lands", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { secret } = await createTestApiKey(workspace.id, owner.id, ["smtp"]);
    await expect(transport(secret).verify()).resolves.toBe(true);
    await expect(
      transport(secret).sendMail({ from: "news@example.test", to: "ana@example.test", subject: "hi", text: "hi" }),
    ).rejects.toMatchObject({ responseCode: 451 });
  });

  it("refuses a key without the smtp scope, a revoked-looking key and a plain password with 535", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { secret } = await createTestApiKey(workspace.id, owner.id, ["send"]);
    await expect(transport(secret).verify()).rejects.toMatchObject({ responseCode: 535, response: expect.stringContaining('"smtp" scope') });
    await expect(transport("hrld_not-a-real-key-at-all-000000").verify()).rejects.toMatchObject({ responseCode: 535 });
    await expect(transport("hunter2").verify()).rejects.toMatchObject({ responseCode: 535 });
  });

  it("serves Prometheus metrics with its connection and auth counters", async () => {
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/herald_relay_connections_total\{process="relay"\} [1-9]/);
    expect(metrics).toMatch(/herald_relay_auth_total\{outcome="refused",process="relay"\} [1-9]/);
  });
});
