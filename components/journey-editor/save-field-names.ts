import type { JourneyDefinition } from "@/server/domain/journeys/journey-definition";
import { describeNode } from "@/server/domain/journeys/journey-graph";

const place = (path: string) => path.replace(/filters\.(\d+)/g, (_, n: string) => `property filter ${Number(n) + 1}`).replace(/\./g, " ");

/**
 * A field the server refused on save ("draft.nodes.3.config.filters.0.path") as people read it:
 * "Event cart_abandoned, property filter 1 path". Other fields lose the "draft." prefix only.
 */
export const describeSaveField = (definition: JourneyDefinition, field: string) => {
  const step = /^draft\.nodes\.(\d+)\.(?:config\.)?(.*)$/.exec(field);
  const node = step ? definition.nodes[Number(step[1])] : undefined;
  return node && step ? `${describeNode(node)}, ${place(step[2]!)}` : place(field.replace(/^draft\./, ""));
};
