/**
 * One core's share of bench:render: compile the newsletter once, then personalise and build the full
 * MIME message for each contact in [from, to), with per-message click tracking and signed special links.
 */
import { createHmac } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import { buildMime, prepareMime } from "@/server/domain/content/render/build-mime";
import { compileEmail } from "@/server/domain/content/render/compile-email";
import { buildMergeScope } from "@/server/domain/content/render/merge-scope";
import { benchContact, newsletterMjml } from "./newsletter";

export type RenderShare = { from: number; to: number };
export type RenderResult = { messages: number; bytes: number; ms: number; cpuMs: number };

export const renderShare = async ({ from, to }: RenderShare): Promise<RenderResult> => {
  const compiled = await compileEmail({
    subject: "{{ contact.first_name | default: 'Hi' }}, your week in retail",
    preheader: "12 stories, picked for {{ contact.attributes.company | default: 'you' }}",
    sourceFormat: "mjml",
    source: newsletterMjml(),
  });
  const prepared = prepareMime(compiled, {
    from: { email: "news@news.example.com", name: "Retail Weekly" },
    headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "Feedback-ID": "c1:w1:herald" },
  });
  const workspace = { id: "w1", name: "Retail Weekly", postalAddress: "1 Queen's Road Central, Hong Kong" };
  const key = Buffer.alloc(32, 7);
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let bytes = 0;
  for (let n = from; n < to; n++) {
    const messageId = `m${n}`;
    // One signature per message covers all its links: the link index rides in the path.
    const token = `${messageId}.${createHmac("sha256", key).update(messageId).digest("base64url").slice(0, 22)}`;
    const scope = buildMergeScope({
      contact: benchContact(n),
      workspace,
      appUrl: "https://herald.example",
      links: {
        unsubscribeUrl: `https://herald.example/u/${token}`,
        preferencesUrl: `https://herald.example/p/${token}`,
        viewInBrowserUrl: `https://herald.example/v/${token}`,
      },
    });
    const built = buildMime(prepared, {
      to: `reader${n}@example.com`,
      toName: scope.contact ? (scope.contact as { full_name: string }).full_name : null,
      messageId: `${messageId}@news.example.com`,
      scope,
      hooks: { rewriteLink: (_href, index) => `https://herald.example/c/${token}/${index ?? "x"}` },
      headers: { "List-Unsubscribe": `<https://herald.example/u/${token}>` },
    });
    // Into a Buffer, as a socket write would: the built string is a rope until something reads it.
    bytes += Buffer.from(built.raw, "latin1").length;
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { messages: to - from, bytes, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
};

if (parentPort && workerData) {
  renderShare(workerData as RenderShare).then((result) => parentPort!.postMessage(result));
}
