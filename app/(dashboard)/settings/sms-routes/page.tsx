import type { Metadata } from "next";
import { SMS_CHARSET_LABELS, SMS_CHARSETS, SMS_MARKET_LABELS, SMS_MARKETS } from "@/server/domain/content/sms/sms-rules";
import { hasRole } from "@/server/domain/workspaces/roles";
import { loadDashboardState } from "../../_lib/current-workspace";
import { SmsRoutesSettings } from "./_components/sms-routes-settings";

export const metadata: Metadata = { title: "SMS routes" };

export default async function SmsRoutesPage() {
  const { current } = await loadDashboardState();
  return (
    <SmsRoutesSettings
      canManage={hasRole(current.role, "admin")}
      markets={SMS_MARKETS.map((code) => ({ code, label: SMS_MARKET_LABELS[code] }))}
      charsets={SMS_CHARSETS.map((charset) => ({ charset, label: SMS_CHARSET_LABELS[charset] }))}
    />
  );
}
