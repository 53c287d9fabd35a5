import type { JourneyDefinition } from "@/server/domain/journeys/journey-definition";

/**
 * Undo/redo as a history of whole definitions (they are small: at most 200 nodes). Most edits are
 * recorded as they happen; a drag is recorded once, by a checkpoint when it starts, so the positions
 * it passes through on the way are not steps of their own.
 */
export type History = { past: JourneyDefinition[]; present: JourneyDefinition; future: JourneyDefinition[] };

export type HistoryAction =
  | { type: "edit"; change: (definition: JourneyDefinition) => JourneyDefinition; record: boolean }
  | { type: "checkpoint" }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "reset"; definition: JourneyDefinition };

export const HISTORY_LIMIT = 100;

export const initialHistory = (definition: JourneyDefinition): History => ({ past: [], present: definition, future: [] });

const pushed = (past: JourneyDefinition[], definition: JourneyDefinition) => [...past, definition].slice(-HISTORY_LIMIT);

export const historyReducer = (state: History, action: HistoryAction): History => {
  switch (action.type) {
    case "edit": {
      const next = action.change(state.present);
      if (next === state.present) return state;
      return action.record ? { past: pushed(state.past, state.present), present: next, future: [] } : { ...state, present: next };
    }
    case "checkpoint":
      return state.past.at(-1) === state.present ? state : { past: pushed(state.past, state.present), present: state.present, future: [] };
    case "undo": {
      // A checkpoint with no change after it (a click on a node without moving it) is not a step.
      let past = state.past;
      while (past.length > 0 && past.at(-1) === state.present) past = past.slice(0, -1);
      const previous = past.at(-1);
      if (!previous) return past === state.past ? state : { ...state, past };
      return { past: past.slice(0, -1), present: previous, future: [state.present, ...state.future] };
    }
    case "redo": {
      const [next, ...future] = state.future;
      if (!next) return state;
      return { past: pushed(state.past, state.present), present: next, future };
    }
    case "reset":
      return initialHistory(action.definition);
  }
};
