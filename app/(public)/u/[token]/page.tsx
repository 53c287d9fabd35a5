import type { Metadata } from "next";
import { CenteredCard, CenteredPage } from "@/components/shell/centered-page";
import { findSubscriber, STOPPED } from "@/server/domain/tracking/find-subscriber";
import { isPreviewToken } from "@/server/domain/tracking/message-token";
import { PreviewLinkNotice } from "../../_components/preview-link-notice";
import { UnsubscribeForm } from "./unsubscribe-form";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false }, referrer: "no-referrer" };

/** GET only shows who would be unsubscribed: link scanners open every URL in a message. The button posts. */
export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const subscriber = isPreviewToken(token) ? null : await findSubscriber(token);
  if (!subscriber) return <PreviewLinkNotice kind="u" token={token} />;
  const stopped = subscriber.consent !== null && STOPPED.includes(subscriber.consent);
  const what = subscriber.message.channel === "email" ? "emails" : "text messages";
  return (
    <CenteredPage>
      <CenteredCard
        title={`Unsubscribe from ${subscriber.workspaceName}`}
        description={
          <>
            Stop {what} from {subscriber.workspaceName} to <span className="font-medium text-slate-900">{subscriber.maskedAddress}</span>.
          </>
        }
      >
        <UnsubscribeForm token={token} stopped={stopped} />
      </CenteredCard>
    </CenteredPage>
  );
}
