import type { Metadata } from "next";
import Link from "next/link";
import { PhoneOffIcon } from "@/components/audience/block-icons";
import { SmsIcon } from "@/components/shell/icons";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "SMS" };

export default function SMSPage() {
  return (
    <>
      <PageHeader title="SMS" description="Text messages to contacts who agreed to receive them." />
      <EmptyState
        icon={<SmsIcon />}
        title="No text messages yet"
        description="Connect an SMS provider to send text messages in campaigns and journeys, with opt-outs handled for you."
      />
      <Link
        href="/sms/dnc"
        className="mt-6 flex items-center gap-4 rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-xs transition-colors hover:border-brand-200 hover:bg-brand-50/40"
      >
        <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-600 [&_svg]:size-5">
          <PhoneOffIcon />
        </span>
        <span className="min-w-0 flex-1">
          <span className="block font-medium text-slate-900">Do-Not-Call registers</span>
          <span className="block text-sm text-slate-500">
            Keep marketing texts away from numbers on a country&apos;s Do-Not-Call register (Hong Kong, Macau, Taiwan, mainland China and more), refreshed on a schedule.
          </span>
        </span>
        <span className={buttonClasses({ variant: "secondary", size: "sm" })}>Manage</span>
      </Link>
    </>
  );
}
