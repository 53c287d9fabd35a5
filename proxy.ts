import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";

/**
 * Only passes the requested path to server components (see lib/request-path.ts). Authentication
 * is checked where the data is read (the dashboard layout and every tRPC procedure), not here.
 */
export function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  const search = new URLSearchParams(request.nextUrl.search);
  search.delete("_rsc"); // Next's cache-buster on client navigations, not part of the page's address
  const query = search.toString();
  requestHeaders.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${query ? `?${query}` : ""}`);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

// Open pixels and click redirects (/o/, /c/) are the busiest, and render no server components.
export const config = {
  matcher: ["/((?!api/|o/|c/|_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|jpeg|svg|ico|webp|txt)$).*)"],
};
