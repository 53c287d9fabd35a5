import type { Variable } from "liquidjs";
import { liquidLenient } from "./liquid";
import { BUILTIN_CONTACT_FIELDS, MERGE_ROOTS } from "./merge-scope";
import type { TemplateField, TemplateProblem } from "./template-problems";

const WORKSPACE_FIELDS = new Set(["id", "name", "postal_address"]);
const CAMPAIGN_FIELDS = new Set(["id", "name"]);
const CONTACT_FIELDS = new Set<string>(BUILTIN_CONTACT_FIELDS);
const ARRAY_EXTRAS = new Set(["size", "first", "last"]);
const ROOTS = new Set<string>(MERGE_ROOTS);

/** Why a variable would always render empty, or null when it names something real. */
const unknownReason = (segments: (string | number | Variable)[], attributeKeys: ReadonlySet<string>): string | null => {
  const [root, first, second] = segments.map((s) => (typeof s === "object" ? null : String(s)));
  if (!root || !ROOTS.has(root)) return `“${root}” is not a merge field; use contact.*, workspace.*, campaign.*, event.* or one of the special links`;
  if (first == null || ARRAY_EXTRAS.has(first)) return null;
  if (root === "contact") {
    if (first === "attributes") return second == null || attributeKeys.has(second) ? null : `“${second}” is not an attribute of this workspace`;
    return CONTACT_FIELDS.has(first) || attributeKeys.has(first) ? null : `“contact.${first}” is neither a contact field nor an attribute of this workspace`;
  }
  if (root === "workspace") return WORKSPACE_FIELDS.has(first) ? null : `“workspace.${first}” does not exist; use workspace.name or workspace.postal_address`;
  if (root === "campaign") return CAMPAIGN_FIELDS.has(first) ? null : `“campaign.${first}” does not exist; use campaign.name or campaign.id`;
  return null; // event.* is whatever the triggering event carried
};

/**
 * Warnings (not errors: a value may legitimately be missing) for variables that can never have a value,
 * at the author's line and column. Variables the template assigns itself (assign, capture, for) are fine.
 */
export const unknownVariableProblems = (
  source: string,
  field: TemplateField,
  attributeKeys: ReadonlySet<string>,
  lineOffset = 0,
): TemplateProblem[] => {
  let globals: Record<string, Variable[]>;
  try {
    globals = liquidLenient.analyzeSync(liquidLenient.parse(source)).globals;
  } catch {
    return []; // syntax errors are reported on their own
  }
  const problems: TemplateProblem[] = [];
  for (const variables of Object.values(globals))
    for (const variable of variables) {
      const reason = unknownReason(variable.segments, attributeKeys);
      if (reason) problems.push({ severity: "warning", field, message: reason, line: variable.location.row + lineOffset, column: variable.location.col });
    }
  return problems;
};
