import { buildMime, prepareMime } from "@/server/domain/content/render/build-mime";
import { compileEmail } from "@/server/domain/content/render/compile-email";
import { buildMergeScope } from "@/server/domain/content/render/merge-scope";
import { benchContact, newsletterMjml } from "../render/newsletter";


/**
 * The same newsletter, personalised and built ahead of time, dot-stuffed for DATA: what the raw client
 * sends. At most 2,000 distinct messages (as Buffers), cycled by the client: a million 40 KB strings
 * would not fit in memory, and building them is not what the ceiling measures.
 */
export const buildRawMessages = async (_workspaceId: string, count: number): Promise<Buffer[]> => {
  const compiled = await compileEmail({ subject: "{{ contact.first_name }}, your week", preheader: "", sourceFormat: "mjml", source: newsletterMjml() }, { openPixel: true });
  const prepared = prepareMime(compiled, { from: { email: "news@news.example.com", name: "Retail Weekly" } });
  const workspace = { id: "w", name: "Retail Weekly", postalAddress: "Hong Kong" };
  const links = { unsubscribeUrl: "https://h/u/t", preferencesUrl: "https://h/p/t", viewInBrowserUrl: "https://h/v/t" };
  return Array.from({ length: Math.min(2_000, Math.floor(count)) }, (_, n) => {
    const scope = buildMergeScope({ contact: benchContact(n), workspace, appUrl: "https://h", links });
    scope.open_pixel_url = "https://h/o/t";
    const raw = buildMime(prepared, { to: `reader${n}@example.com`, messageId: `m${n}@news.example.com`, scope }).raw.replace(/\r\n\./g, "\r\n..");
    return Buffer.from(`MAIL FROM:<bench@bench.example>\r\nRCPT TO:<r@bench.example>\r\nDATA\r\n${raw}\r\n.\r\n`, "latin1");
  });
};
