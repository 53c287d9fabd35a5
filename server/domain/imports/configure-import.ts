import { and, eq } from "drizzle-orm";
import { isSupportedCountry } from "libphonenumber-js/max";
import { z } from "zod";
import { contactImports, lists } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { listAttributeDefinitions } from "@/server/domain/attributes/list-attribute-definitions";
import { invalidFields, type FieldProblems } from "@/server/domain/contacts/field-errors";
import { AppError } from "@/server/errors";
import { asImport, findImportRow } from "./import-fields";
import { CONTACT_FIELD_LABELS, encodeMapping, ZColumnTarget, ZCountryCode, type ColumnTarget } from "./import-mapping";
import { getImport } from "./get-import";

export const IMPORT_POLICIES = ["add_only", "update_existing", "overwrite"] as const;
export const ZImportPolicy = z.enum(IMPORT_POLICIES, { message: `Policy must be one of ${IMPORT_POLICIES.join(", ")}` });

export const ZConfigureImport = z.object({
  importId: z.uuid({ message: "importId must be an import id" }),
  /** One target per CSV column, in column order. */
  columns: z.array(ZColumnTarget).min(1, "Map at least one column").max(1000),
  policy: ZImportPolicy,
  listId: z.uuid({ message: "listId must be a list id" }).nullish(),
  defaultCountry: ZCountryCode.nullish(),
});
export type ConfigureImportInput = z.infer<typeof ZConfigureImport>;

/** Problems with a mapping, keyed like the form's fields ("columns.3", "defaultCountry"...). */
const checkColumns = (
  columns: ColumnTarget[],
  existing: Map<string, { type: string }>,
): FieldProblems => {
  const problems: FieldProblems = {};
  const seen = new Map<string, number>();
  columns.forEach((target, index) => {
    if (target.kind === "ignore") return;
    const what = target.kind === "field" ? `field:${target.field}` : `attribute:${target.key}`;
    const earlier = seen.get(what);
    if (earlier !== undefined) {
      const name = target.kind === "field" ? CONTACT_FIELD_LABELS[target.field] : `attribute "${target.key}"`;
      problems[`columns.${index}`] = `${name} is already mapped from column ${earlier + 1}`;
      return;
    }
    seen.set(what, index);
    if (target.kind === "attribute" && !existing.has(target.key)) {
      problems[`columns.${index}`] = `There is no attribute "${target.key}" in this workspace`;
    }
    if (target.kind === "new_attribute") {
      const current = existing.get(target.key);
      if (current && current.type !== target.type) {
        problems[`columns.${index}`] = `An attribute "${target.key}" already exists with type ${current.type}`;
      }
    }
  });
  if (!seen.has("field:email") && !seen.has("field:phone")) problems.columns = "Map a column to Email or Phone: every contact needs one of them";
  return problems;
};

/**
 * Saves what each column becomes, the policy, the target list and the phone country, while the
 * import waits to be started (or after it failed, to fix the mapping and start it again).
 */
export const configureImport = async ({ workspaceId, ...input }: ConfigureImportInput & { workspaceId: string }) => {
  const row = await findImportRow({ workspaceId, importId: input.importId });
  const summary = asImport(row);
  if (summary.phase !== "mapping" && summary.phase !== "failed") {
    throw new AppError("CONFLICT", `This import is ${summary.phase}; its mapping can no longer change`);
  }
  const headers = row.columns ?? [];
  if (input.columns.length !== headers.length) {
    throw invalidFields({ columns: `The file has ${headers.length} columns; send one target for each (got ${input.columns.length})` });
  }
  const attributes = await listAttributeDefinitions({ workspaceId });
  const problems = checkColumns(input.columns, new Map(attributes.map((a) => [a.key, a])));
  if (input.defaultCountry && !isSupportedCountry(input.defaultCountry)) {
    problems.defaultCountry = `${input.defaultCountry} is not a country Herald can read phone numbers for`;
  }
  if (input.listId) {
    const [list] = await db.select({ id: lists.id }).from(lists).where(and(eq(lists.id, input.listId), eq(lists.workspaceId, workspaceId)));
    if (!list) problems.listId = "No list with that id in this workspace";
  }
  if (Object.keys(problems).length) throw invalidFields(problems);

  const columns = new Map(input.columns.map((target, index) => [index, target] as const));
  await db
    .update(contactImports)
    .set({
      mapping: encodeMapping({ columns, defaultCountry: input.defaultCountry ?? null }),
      policy: input.policy,
      listId: input.listId ?? null,
    })
    .where(and(eq(contactImports.id, input.importId), eq(contactImports.workspaceId, workspaceId)));
  return getImport({ workspaceId, importId: input.importId });
};
