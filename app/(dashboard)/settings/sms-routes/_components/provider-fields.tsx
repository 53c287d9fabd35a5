"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { PublicSmsProvider } from "@/server/domain/delivery/sms/sms-provider";

export const PROVIDER_FIELDS = [
  "provider",
  "provider.kind",
  "provider.host",
  "provider.port",
  "provider.systemId",
  "provider.password",
  "provider.systemType",
  "provider.sourceAddr",
  "provider.url",
  "provider.headers",
  "throttlePerSecond",
] as const;

type Kind = "none" | "smpp" | "http";

/** "Name: value" lines into a header object; blank lines are skipped. */
const parseHeaders = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const colon = line.indexOf(":");
        return colon === -1 ? [line, ""] : [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
      }),
  );

/**
 * What the form says about the provider, as the API takes it: null for none; a blank password or
 * headers box is left out, so the stored secret stays.
 */
export const providerFromForm = (form: FormData) => {
  const kind = String(form.get("providerKind") ?? "none") as Kind;
  const text = (name: string) => String(form.get(name) ?? "").trim();
  if (kind === "none") return null;
  if (kind === "http") {
    const headers = text("providerHeaders");
    return { kind, url: text("providerUrl"), sourceAddr: text("providerSourceAddr"), ...(headers ? { headers: parseHeaders(headers) } : {}) };
  }
  const port = text("providerPort");
  const password = String(form.get("providerPassword") ?? "");
  return {
    kind,
    host: text("providerHost"),
    port: port === "" ? 2775 : Number(port),
    systemId: text("providerSystemId"),
    systemType: text("providerSystemType"),
    sourceAddr: text("providerSourceAddr"),
    tls: form.get("providerTls") === "on",
    ...(password ? { password } : {}),
  };
};

/** The provider part of the route form: SMPP credentials or an HTTP endpoint, and the route's throttle. */
export function ProviderFields({
  provider,
  throttlePerSecond,
  errors,
}: {
  provider: PublicSmsProvider | null | undefined;
  throttlePerSecond: number | null | undefined;
  errors: Record<string, string | undefined>;
}) {
  const [kind, setKind] = useState<Kind>(provider?.kind ?? "none");
  const smpp = provider?.kind === "smpp" ? provider : null;
  const http = provider?.kind === "http" ? provider : null;
  return (
    <div className="space-y-4 border-t border-slate-200 pt-4">
      <Field label="Provider" hint="How messages leave. Without one the route only prices messages." error={errors["provider.kind"] ?? errors.provider}>
        {(control) => (
          <Select {...control} name="providerKind" value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
            <option value="none">None (prices only)</option>
            <option value="smpp">SMPP (an SMSC connection)</option>
            <option value="http">HTTP (POST JSON to a URL)</option>
          </Select>
        )}
      </Field>
      {kind === "smpp" && (
        <div className="grid gap-4 sm:grid-cols-[1fr_7rem]">
          <Field label="Host" error={errors["provider.host"]}>
            {(control) => <Input {...control} name="providerHost" defaultValue={smpp?.host} placeholder="smpp.provider.example" />}
          </Field>
          <Field label="Port" error={errors["provider.port"]}>
            {(control) => <Input {...control} name="providerPort" type="number" min={1} max={65535} defaultValue={smpp?.port ?? 2775} />}
          </Field>
          <Field label="System id" error={errors["provider.systemId"]}>
            {(control) => <Input {...control} name="providerSystemId" defaultValue={smpp?.systemId} maxLength={15} autoComplete="off" />}
          </Field>
          <Field label="System type" hint="Optional." error={errors["provider.systemType"]}>
            {(control) => <Input {...control} name="providerSystemType" defaultValue={smpp?.systemType} maxLength={12} />}
          </Field>
          <Field label="Password" hint={smpp?.passwordSet ? "Set. Leave blank to keep it." : undefined} error={errors["provider.password"]}>
            {(control) => <Input {...control} name="providerPassword" type="password" maxLength={8} autoComplete="new-password" placeholder={smpp?.passwordSet ? "••••••••" : ""} />}
          </Field>
          <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
            <input type="checkbox" name="providerTls" defaultChecked={smpp?.tls} className="size-4 rounded border-slate-300 text-brand-600" />
            TLS
          </label>
        </div>
      )}
      {kind === "http" && (
        <>
          <Field label="URL" hint="Herald POSTs {to, from, text} as JSON here." error={errors["provider.url"]}>
            {(control) => <Input {...control} name="providerUrl" type="url" defaultValue={http?.url} placeholder="https://sms.provider.example/send" />}
          </Field>
          <Field
            label="Headers"
            hint={http?.headerNames.length ? `Set: ${http.headerNames.join(", ")}. Leave blank to keep them; anything typed replaces them all.` : "One per line, e.g. Authorization: Bearer …"}
            error={errors["provider.headers"]}
          >
            {(control) => (
              <textarea
                {...control}
                name="providerHeaders"
                rows={2}
                className="block w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-sm shadow-sm focus:border-brand-500 focus:ring-brand-500"
              />
            )}
          </Field>
        </>
      )}
      {kind !== "none" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Sender" hint="A number or a name of up to 11 letters." error={errors["provider.sourceAddr"]}>
            {(control) => <Input {...control} name="providerSourceAddr" defaultValue={provider?.sourceAddr} placeholder="Herald" maxLength={16} />}
          </Field>
          <Field label="At most per second" hint="Parts submitted per second, across every worker. Optional." error={errors.throttlePerSecond}>
            {(control) => <Input {...control} name="throttlePerSecond" type="number" min={1} step={1} defaultValue={throttlePerSecond ?? ""} />}
          </Field>
        </div>
      )}
    </div>
  );
}
