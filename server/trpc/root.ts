import { createCallerFactory, router } from "./init";
import { apiKeysRouter } from "./routers/api-keys";
import { invitationsRouter } from "./routers/invitations";
import { meRouter } from "./routers/me";
import { membersRouter } from "./routers/members";
import { outboxRouter } from "./routers/outbox";
import { workspacesRouter } from "./routers/workspaces";

export const appRouter = router({
  me: meRouter,
  workspaces: workspacesRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  apiKeys: apiKeysRouter,
  outbox: outboxRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
