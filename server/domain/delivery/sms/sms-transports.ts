import { HttpSmsTransport } from "./http-transport";
import { recordSmsReceipts } from "./record-sms-receipts";
import { SmppTransport } from "./smpp-transport";
import type { SmsProvider } from "./sms-provider";
import type { SmsTransport } from "./sms-transport";

type Entry = { fingerprint: string; transport: SmsTransport };
const cache = new Map<string, Entry>();

export type SendingRoute = { id: string; workspaceId: string; name: string; provider: SmsProvider };

/**
 * The route's transport in this process, created on first use and kept (one SMPP bind per route per
 * process, whatever the number of batches). A changed provider configuration replaces it.
 */
export const smsTransportFor = (route: SendingRoute): SmsTransport => {
  const fingerprint = JSON.stringify(route.provider);
  const cached = cache.get(route.id);
  if (cached?.fingerprint === fingerprint) return cached.transport;
  if (cached) void cached.transport.close();
  const name = `sms-route:${route.id}`;
  const provider = route.provider;
  const transport =
    provider.kind === "smpp"
      ? new SmppTransport(provider, { name, onReceipts: (receipts) => recordSmsReceipts({ workspaceId: route.workspaceId, receipts }) })
      : new HttpSmsTransport(provider, { name });
  cache.set(route.id, { fingerprint, transport });
  return transport;
};

/** At shutdown (and between tests): unbind every connection. */
export const closeSmsTransports = async () => {
  const entries = [...cache.values()];
  cache.clear();
  await Promise.all(entries.map((entry) => entry.transport.close()));
};
