import type { Metadata } from "next";
import { CenteredCard, CenteredPage } from "@/components/shell/centered-page";
import { loadPreferences } from "@/server/domain/tracking/find-subscriber";
import { isPreviewToken } from "@/server/domain/tracking/message-token";
import { PreviewLinkNotice } from "../../_components/preview-link-notice";
import { PreferencesForm } from "./preferences-form";

export const metadata: Metadata = { title: "Subscription preferences", robots: { index: false }, referrer: "no-referrer" };

/** No session: the token from the message is the credential, and only shows this one recipient's lists. */
export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = isPreviewToken(token) ? null : await loadPreferences(token);
  if (!view) return <PreviewLinkNotice kind="p" token={token} />;
  return (
    <CenteredPage>
      <CenteredCard
        title="Your subscription preferences"
        description={
          <>
            What {view.workspaceName} sends to <span className="font-medium text-slate-900">{view.maskedAddress}</span>.
          </>
        }
      >
        <PreferencesForm token={token} initial={view} />
      </CenteredCard>
    </CenteredPage>
  );
}
