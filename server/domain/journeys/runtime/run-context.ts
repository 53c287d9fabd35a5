/**
 * A run's context is the triggering event's properties (or API data), what {{ event.* }} reads, plus the
 * runtime's own bookkeeping under `_herald`, which templates never see:
 * - wait: the wait a run is in ({ node, step, until }), so a woken run knows it already waited;
 * - matched: set by event ingest when the awaited event arrived ({ event, at });
 * - goal: set by event ingest when the journey's goal event arrived ({ event, at });
 * - errors: how many times in a row the current step threw.
 */
export type HeraldBookkeeping = {
  wait?: { node: string; step: number; until: string | null };
  matched?: { event: string; at: string };
  goal?: { event: string; at: string };
  errors?: number;
};

export const HERALD_KEY = "_herald";

export const bookkeeping = (context: Record<string, unknown>): HeraldBookkeeping => {
  const value = context[HERALD_KEY];
  return value && typeof value === "object" && !Array.isArray(value) ? (value as HeraldBookkeeping) : {};
};

export const withBookkeeping = (context: Record<string, unknown>, patch: Partial<HeraldBookkeeping>): Record<string, unknown> => {
  const next: HeraldBookkeeping = { ...bookkeeping(context), ...patch };
  for (const key of Object.keys(next) as Array<keyof HeraldBookkeeping>) if (next[key] === undefined) delete next[key];
  const copy = { ...context };
  if (Object.keys(next).length) copy[HERALD_KEY] = next;
  else delete copy[HERALD_KEY];
  return copy;
};

/** Leaving a node: its wait, match and error count no longer apply. */
export const leavingNode = (context: Record<string, unknown>) =>
  withBookkeeping(context, { wait: undefined, matched: undefined, errors: undefined });

/** What {{ event.* }} and wait keys read: the context without the runtime's bookkeeping. */
export const eventScope = (context: Record<string, unknown>): Record<string, unknown> => {
  if (!(HERALD_KEY in context)) return context;
  const { [HERALD_KEY]: _omitted, ...rest } = context;
  return rest;
};

/** Whether this run already started waiting at this node on this step (a woken run, not a new arrival). */
export const isWaitingHere = (context: Record<string, unknown>, nodeId: string, stepNo: number) => {
  const wait = bookkeeping(context).wait;
  return wait !== undefined && wait.node === nodeId && wait.step === stepNo;
};
