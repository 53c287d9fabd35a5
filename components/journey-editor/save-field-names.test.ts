import { describe, expect, it } from "vitest";
import { emptyJourneyDefinition } from "@/server/domain/journeys/journey-definition";
import { addNode } from "./graph-edits";
import { createNode } from "./node-catalog";
import { describeSaveField } from "./save-field-names";

describe("describeSaveField", () => {
  const trigger = createNode("trigger_event", { x: 0, y: 0 }, "t");
  const definition = addNode(emptyJourneyDefinition(), trigger.type === "trigger_event" ? { ...trigger, config: { eventName: "cart_abandoned", filters: [] } } : trigger);

  it("names the step and the setting", () => {
    expect(describeSaveField(definition, "draft.nodes.0.config.filters.0.path")).toBe("Event cart_abandoned, property filter 1 path");
  });

  it("reads other fields without the document prefix", () => {
    expect(describeSaveField(definition, "draft.settings.goal.eventName")).toBe("settings goal eventName");
    expect(describeSaveField(definition, "draft.nodes.7.config.url")).toBe("nodes 7 config url");
  });
});
