import { formatDateTime } from "@/lib/format";

/** The published versions, newest first; the live one marked. */
export function VersionHistory({ versions, liveVersion }: { versions: Array<{ version: number; publishedAt: Date | string }>; liveVersion: number | null }) {
  if (versions.length === 0) return null;
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="journey-versions" className="mt-6 border-t border-slate-100 pt-4">
      <h2 id="journey-versions" className="mb-2 text-sm font-semibold text-slate-900">
        Published versions
      </h2>
      <ol className="space-y-1 text-sm text-slate-600">
        {newestFirst.map(({ version, publishedAt }) => (
          <li key={version} className="flex items-baseline justify-between gap-2">
            <span className="font-medium text-slate-800">
              Version {version}
              {version === liveVersion && <span className="ml-1.5 text-xs font-normal text-emerald-700">current</span>}
            </span>
            <time dateTime={new Date(publishedAt).toISOString()} className="text-xs text-slate-500">
              {formatDateTime(new Date(publishedAt))}
            </time>
          </li>
        ))}
      </ol>
      <p className="mt-2 text-xs text-slate-500">Contacts already inside finish on the version they entered.</p>
    </section>
  );
}
