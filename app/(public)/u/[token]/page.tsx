import type { Metadata } from "next";
import { PreviewLinkNotice } from "../../_components/preview-link-notice";

export const metadata: Metadata = { title: "Herald", robots: { index: false } };

export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <PreviewLinkNotice kind="u" token={token} />;
}
