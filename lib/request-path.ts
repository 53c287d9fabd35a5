/**
 * Set by proxy.ts on every page request: the path and query the browser asked for. Layouts cannot
 * see the URL otherwise, and the dashboard needs it to send a signed-out visitor back after sign-in.
 */
export const REQUEST_PATH_HEADER = "x-herald-path";
