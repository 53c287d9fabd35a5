import { Liquid } from "liquidjs";

// TEMPORARY until server/domain/content/render/compile-text.ts lands: the same options as the shared
// text engine (no escaping, strict filters, own properties only), so swapping is one import.
const engine = new Liquid({ strictFilters: true, ownPropertyOnly: true, cache: false });

/** Parses an SMS body once (throws liquidjs's ParseError/TokenizationError on bad syntax); render is synchronous. */
export const compileSmsTemplate = (source: string): { render(scope: Record<string, unknown>): string } => {
  const template = engine.parse(source);
  return { render: (scope) => engine.renderSync(template, scope) };
};
