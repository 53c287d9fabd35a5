import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../server/trpc/root";

export type { AppRouter };
export type HeraldClient = TRPCClient<AppRouter>;

export type HeraldClientOptions = {
  /** Where Herald runs, e.g. "https://herald.example.com" (no trailing /api). */
  baseUrl: string;
  /** A workspace API key from Settings → API keys (`hrld_...`). */
  apiKey: string;
  /** Custom fetch (tests, proxies, older runtimes). */
  fetch?: typeof globalThis.fetch;
};

/**
 * The typed Herald client. Every call is checked against Herald's own router types, so a renamed
 * field or a missing argument fails at compile time in your project, not at run time.
 *
 *   const herald = createHeraldClient({ baseUrl, apiKey });
 *   const workspace = await herald.workspaces.current.query();
 */
export const createHeraldClient = ({ baseUrl, apiKey, fetch }: HeraldClientOptions): HeraldClient => {
  if (!/^https?:\/\//.test(baseUrl)) throw new Error(`baseUrl must start with http:// or https:// (got "${baseUrl}")`);
  if (!apiKey) throw new Error("apiKey is required: create one in Settings → API keys");
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl.replace(/\/+$/, "")}/api/trpc`,
        transformer: superjson,
        headers: () => ({ authorization: `Bearer ${apiKey}` }),
        fetch,
      }),
    ],
  });
};
