import type { JourneyDefinition, JourneyEdge, JourneyNode, JourneySettings } from "../journey-definition";

/**
 * A pre-built journey: its graph, and the email templates a copy needs. Copying one
 * (createJourney({ templateKey })) makes each email in the workspace from a content starter, then
 * builds the graph with their ids, so the copy only waits for choices that are the marketer's own
 * (which list, which segment).
 */
export type JourneyTemplate = {
  key: string;
  name: string;
  description: string;
  /** Email templates made in the workspace for a copy, by slot (the key `build` reads them by). */
  emails: ReadonlyArray<{ slot: string; starterKey: string; name: string; subject?: string; preheader?: string }>;
  build: (refs: { templateIds: Record<string, string | undefined> }) => JourneyDefinition;
};

/** Rows are this far apart, columns this far: the editor opens a copy readable top to bottom. */
export const ROW = 150;
export const COLUMN = 320;

export const at = (column: number, row: number) => ({ x: column * COLUMN, y: row * ROW });

export const step = <T extends JourneyNode["type"]>(
  id: string,
  type: T,
  position: { x: number; y: number },
  config: Extract<JourneyNode, { type: T }>["config"],
): JourneyNode => ({ id, type, position, config }) as JourneyNode;

export const link = (source: string, target: string, sourceHandle = "next"): JourneyEdge => ({
  id: `${source}__${sourceHandle}__${target}`,
  source,
  sourceHandle,
  target,
});

export const definition = (nodes: JourneyNode[], edges: JourneyEdge[], settings: Partial<JourneySettings> = {}): JourneyDefinition => ({
  version: 1,
  nodes,
  edges,
  settings: { entry: { mode: "once" }, goal: null, respectMessagingLimits: true, ...settings },
});
