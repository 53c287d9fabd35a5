import { invalidFields, type FieldProblems } from "@/server/domain/contacts/field-errors";
import type { Executor } from "@/server/db/client";
import { findSmsRoute } from "./find-sms-route";
import { describeLiquidProblem, liquidProblem } from "./liquid-problem";
import { compileTextTemplate } from "@/server/domain/content/render/compile-text";

/**
 * What a save must not let through, all reported at once as field errors: a body that is not valid
 * Liquid ("Line 2, column 7: tag "endif" not found") and a route from outside the workspace (the same
 * answer as a route that does not exist, so other workspaces' ids cannot be probed).
 */
export const checkSmsTemplate = async (
  executor: Executor,
  { workspaceId, body, routeId }: { workspaceId: string; body?: string; routeId?: string | null },
) => {
  const problems: FieldProblems = {};
  if (body !== undefined) {
    try {
      compileTextTemplate(body, { escape: "none" });
    } catch (error) {
      const problem = liquidProblem(error);
      if (!problem) throw error;
      problems.body = describeLiquidProblem(problem);
    }
  }
  if (routeId && !(await findSmsRoute({ workspaceId, routeId }, executor))) {
    problems.routeId = "Choose one of this workspace's SMS routes";
  }
  if (Object.keys(problems).length) throw invalidFields(problems);
};
