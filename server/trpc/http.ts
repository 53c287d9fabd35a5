import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContextFromHeaders } from "./context";
import { appRouter } from "./root";

/** The one HTTP entry to the API; Next's route handler and tests' plain servers both call it. */
export const handleTrpcRequest = (request: Request, endpoint = "/api/trpc") =>
  fetchRequestHandler({
    endpoint,
    req: request,
    router: appRouter,
    createContext: () => createContextFromHeaders(request.headers),
  });
