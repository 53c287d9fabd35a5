import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { dncRegistries } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { uniqueViolation } from "@/server/domain/contacts/unique-violation";
import { AppError, invalidField } from "@/server/errors";
import { checkPublicUrl } from "@/server/net/fetch-public-url";
import { countryName, ZDncCountry } from "./dnc-countries";

const ZSourceUrl = z
  .string()
  .trim()
  .max(2000)
  .transform((url) => url || null)
  .nullish()
  .superRefine((url, ctx) => {
    if (!url) return;
    const checked = checkPublicUrl(url);
    if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.reason });
  });

const ZRegistryFields = {
  name: z.string().trim().min(1, "Give the register a name").max(120, "Keep the name under 120 characters"),
  /** Where to download the list from; without one, numbers are uploaded by hand. */
  sourceUrl: ZSourceUrl,
  /** How often the worker downloads the list again; null or absent for never. */
  refreshIntervalHours: z
    .number()
    .int("Refresh every whole number of hours")
    .min(1, "Refresh at most once an hour")
    .max(24 * 366, "Refresh at least once a year")
    .nullish(),
};

export const ZCreateDncRegistry = z.object({ country: ZDncCountry, ...ZRegistryFields });
export const ZUpdateDncRegistry = z.object({
  registryId: z.uuid({ message: "registryId must be a register id" }),
  name: ZRegistryFields.name.optional(),
  sourceUrl: ZRegistryFields.sourceUrl,
  refreshIntervalHours: ZRegistryFields.refreshIntervalHours,
});

const parse = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw invalidField(String(issue.path[0] ?? "input"), issue.message);
};

const checkInterval = (sourceUrl: string | null | undefined, hours: number | null | undefined) => {
  if (hours && !sourceUrl) throw invalidField("refreshIntervalHours", "Automatic refreshes need a source URL to download from");
};

/** One register per country and workspace; its numbers come later (upload or refresh). */
export const createDncRegistry = async ({ workspaceId, ...input }: z.input<typeof ZCreateDncRegistry> & { workspaceId: string }) => {
  const { country, name, sourceUrl, refreshIntervalHours } = parse(ZCreateDncRegistry, input);
  checkInterval(sourceUrl, refreshIntervalHours);
  try {
    const [row] = await db
      .insert(dncRegistries)
      .values({ workspaceId, country, name, sourceUrl: sourceUrl ?? null, refreshIntervalHours: refreshIntervalHours ?? null })
      .returning();
    return row!;
  } catch (error) {
    if (uniqueViolation(error) === "dnc_registries_workspace_country_key") {
      throw invalidField("country", `This workspace already has a Do-Not-Call register for ${countryName(country)}`);
    }
    throw error;
  }
};

/** Name, source and schedule; the country stays, since it decides which numbers the list applies to. */
export const updateDncRegistry = async ({ workspaceId, ...input }: z.input<typeof ZUpdateDncRegistry> & { workspaceId: string }) => {
  const { registryId, name, sourceUrl, refreshIntervalHours } = parse(ZUpdateDncRegistry, input);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(dncRegistries)
      .where(and(eq(dncRegistries.id, registryId), eq(dncRegistries.workspaceId, workspaceId)))
      .for("update");
    if (!current) throw new AppError("NOT_FOUND", "No Do-Not-Call register with that id in this workspace");
    const next = {
      name: name ?? current.name,
      sourceUrl: sourceUrl === undefined ? current.sourceUrl : sourceUrl,
      refreshIntervalHours: refreshIntervalHours === undefined ? current.refreshIntervalHours : refreshIntervalHours,
    };
    checkInterval(next.sourceUrl, next.refreshIntervalHours);
    const [row] = await tx.update(dncRegistries).set(next).where(eq(dncRegistries.id, registryId)).returning();
    return row!;
  });
};

/** Removes the register and its numbers: SMS marketing to that country is no longer checked against it. */
export const deleteDncRegistry = async ({ workspaceId, registryId }: { workspaceId: string; registryId: string }) => {
  const [row] = await db
    .delete(dncRegistries)
    .where(and(eq(dncRegistries.id, registryId), eq(dncRegistries.workspaceId, workspaceId)))
    .returning({ id: dncRegistries.id });
  if (!row) throw new AppError("NOT_FOUND", "No Do-Not-Call register with that id in this workspace");
  return row;
};
