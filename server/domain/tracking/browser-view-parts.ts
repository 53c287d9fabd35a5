import { compileEmail, type CompiledEmail, type EmailContent } from "@/server/domain/content/render/compile-email";
import { loadMergeContact } from "@/server/domain/content/load-merge-parts";
import type { MergeContact } from "@/server/domain/content/render/merge-scope";
import type { TrackedMessage } from "./find-tracked-message";

const COMPILED_KEEP = 16;
// A launched campaign's content (a template revision) never changes, so its compile (MJML, inlining: tens of ms) is kept
// for the next reader of the same campaign. Promises, so readers arriving together compile once.
const compiledByCampaign = new Map<string, Promise<CompiledEmail>>();

/** The compiled content for `key` (which must change whenever the content does), compiled once per process. */
export const compiledFor = (key: string, content: EmailContent): Promise<CompiledEmail> => {
  const cached = compiledByCampaign.get(key);
  if (cached) {
    compiledByCampaign.delete(key); // re-insert: the Map's order is the least-recently-used order
    compiledByCampaign.set(key, cached);
    return cached;
  }
  const compiling = compileEmail(content);
  compiling.catch(() => compiledByCampaign.delete(key));
  compiledByCampaign.set(key, compiling);
  if (compiledByCampaign.size > COMPILED_KEEP) compiledByCampaign.delete(compiledByCampaign.keys().next().value!);
  return compiling;
};

/** The message's contact as it is now, read through the message's workspace. */
export const browserViewContact = (message: TrackedMessage): Promise<MergeContact | null> =>
  message.contactId ? loadMergeContact(message.workspaceId, message.contactId) : Promise.resolve(null);
