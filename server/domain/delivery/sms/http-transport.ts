import http from "node:http";
import https from "node:https";
import { allowPrivateUrls, publicOnlyLookup } from "@/server/net/fetch-public-url";
import type { HttpProvider } from "./sms-provider";
import type { SmsMessage, SmsSubmitResult, SmsTransport } from "./sms-transport";

const CONCURRENCY = 8;
const MAX_BODY = 64 * 1024;

type Answer = { status: number; body: string };

/**
 * An HTTP provider: POST {"to", "from", "text"} as JSON to the route's URL with its headers. A 2xx
 * answer is an acceptance (its JSON "id", "messageId" or "message_id" is the provider id), 429, 5xx,
 * timeouts and network errors are "not now", any other 4xx is a refusal for good.
 */
export class HttpSmsTransport implements SmsTransport {
  readonly name: string;
  constructor(
    private readonly config: HttpProvider,
    options: { name: string; timeoutMs?: number },
  ) {
    this.name = options.name;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }
  private readonly timeoutMs: number;

  async submit(messages: readonly SmsMessage[]): Promise<SmsSubmitResult[]> {
    const results: SmsSubmitResult[] = new Array(messages.length);
    let next = 0;
    const worker = async () => {
      while (next < messages.length) {
        const index = next++;
        results[index] = await this.submitOne(messages[index]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, messages.length) }, worker));
    return results;
  }

  private async submitOne(message: SmsMessage): Promise<SmsSubmitResult> {
    let answer: Answer;
    try {
      answer = await this.post(JSON.stringify({ to: message.to, from: this.config.sourceAddr, text: message.text }));
    } catch (error) {
      return { ok: false, retryable: true, reason: `Could not reach the SMS provider: ${(error as Error).message}` };
    }
    const { status, body } = answer;
    if (status >= 200 && status < 300) return { ok: true, providerId: providerIdOf(body), parts: 1 };
    const detail = body.trim().slice(0, 200);
    const reason = `The SMS provider answered HTTP ${status}${detail ? `: ${detail}` : ""}`;
    return { ok: false, retryable: status === 429 || status >= 500 || status === 408, reason };
  }

  private post(payload: string): Promise<Answer> {
    const url = new URL(this.config.url);
    const client = url.protocol === "https:" ? https : http;
    return new Promise((resolve, reject) => {
      const request = client.request(
        url,
        {
          method: "POST",
          lookup: allowPrivateUrls() ? undefined : publicOnlyLookup,
          headers: {
            ...this.config.headers,
            "content-type": "application/json",
            "content-length": Buffer.byteLength(payload),
            "user-agent": "Herald (+https://github.com/herald)",
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size <= MAX_BODY) chunks.push(chunk);
          });
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
          response.on("error", reject);
        },
      );
      request.setTimeout(this.timeoutMs, () => request.destroy(new Error("timed out")));
      request.on("error", reject);
      request.end(payload);
    });
  }

  async close() {}
}

const providerIdOf = (body: string): string | null => {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const id = parsed.id ?? parsed.messageId ?? parsed.message_id;
    return typeof id === "string" || typeof id === "number" ? String(id) : null;
  } catch {
    return null;
  }
};
