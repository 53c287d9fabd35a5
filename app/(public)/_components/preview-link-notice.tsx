import { CenteredPage } from "@/components/shell/centered-page";

const WHAT = {
  u: "unsubscribes the recipient in one click",
  p: "opens the recipient's subscription preferences",
  v: "shows the message in the browser",
} as const;

/**
 * Previews and test sends carry stand-in special links (`/u/preview…`), since no real recipient is
 * behind them. Following one explains that rather than showing a bare 404. Real message tokens are
 * served by the delivery engine's pages.
 */
export function PreviewLinkNotice({ kind, token }: { kind: keyof typeof WHAT; token: string }) {
  const preview = token.startsWith("preview");
  return (
    <CenteredPage>
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-lg font-semibold text-slate-900">{preview ? "This link came from a preview" : "This link is not valid"}</h1>
        <p className="mt-2 text-sm text-slate-600">
          {preview
            ? `It was in a preview or a test message, so it does nothing. In a real send, it ${WHAT[kind]}.`
            : "It may have been copied incompletely, or it has expired."}
        </p>
      </div>
    </CenteredPage>
  );
}
