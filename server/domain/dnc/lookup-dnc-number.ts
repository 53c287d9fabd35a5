import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/server/db/client";
import { normalizePhone } from "@/server/domain/contacts/normalize";
import { invalidField } from "@/server/errors";
import { countryName, ZDncCountry } from "./dnc-countries";

export const ZLookupDncNumber = z.object({
  phone: z.string().trim().min(1, "Enter a phone number").max(40),
  /** Reads a national number (without +) in this country. */
  country: ZDncCountry.nullish(),
});

export type DncLookup = {
  e164: string;
  country: string | null;
  countryName: string | null;
  /** The workspace's register for the number's country, if it has one. */
  registry: { id: string; name: string; numberCount: number; lastRefreshedAt: Date | null } | null;
  listed: boolean;
};

/** "Is +852 9123 4567 on the list?": checks the register in force for the number's own country. */
export const lookupDncNumber = async ({ workspaceId, ...input }: z.input<typeof ZLookupDncNumber> & { workspaceId: string }): Promise<DncLookup> => {
  const parsed = ZLookupDncNumber.safeParse(input);
  if (!parsed.success) throw invalidField(String(parsed.error.issues[0]?.path[0] ?? "phone"), parsed.error.issues[0]!.message);
  const { phone, country } = parsed.data;
  const normalized = normalizePhone(phone, country ?? undefined);
  if (!normalized) {
    throw invalidField("phone", country ? `Not a valid phone number in ${countryName(country)}` : "Not a valid phone number; include the country code, e.g. +852 9123 4567");
  }
  const [row] = await db.execute<{ id: string; name: string; number_count: number; last_refreshed_at: string | null; listed: boolean }>(sql`
    select r.id, r.name, r.number_count, r.last_refreshed_at,
      exists (
        select 1 from dnc_numbers n
        where n.registry_id = r.id and n.generation = r.active_generation and n.phone = ${normalized.e164}
      ) as listed
    from dnc_registries r
    where r.workspace_id = ${workspaceId} and r.country = ${normalized.country ?? ""}`);
  return {
    e164: normalized.e164,
    country: normalized.country,
    countryName: normalized.country ? countryName(normalized.country) : null,
    registry: row
      ? { id: row.id, name: row.name, numberCount: row.number_count, lastRefreshedAt: row.last_refreshed_at ? new Date(row.last_refreshed_at) : null }
      : null,
    listed: row?.listed ?? false,
  };
};
