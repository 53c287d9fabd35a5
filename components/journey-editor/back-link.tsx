import Link from "next/link";
import { ArrowLeftIcon } from "@/components/shell/icons";

export const backToJourneys = (
  <Link href="/journeys" className="mb-4 inline-flex items-center gap-1.5 text-sm font-medium text-slate-500 hover:text-slate-800">
    <ArrowLeftIcon className="size-4" />
    Journeys
  </Link>
);
