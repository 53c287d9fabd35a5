import { Liquid } from "liquidjs";

/**
 * The Liquid engines every template renders with. `ownPropertyOnly` keeps templates away from
 * prototypes (`{{ contact.constructor }}` is nothing); `strictFilters` turns a misspelt filter into a
 * save-time error instead of silent output. Contact data is never parsed as Liquid, so `{{` inside
 * a value is inert; HTML escaping is what keeps a `<script>` inside a value inert too.
 */
const options = { strictFilters: true, ownPropertyOnly: true, cache: false } as const;

/** For HTML bodies: every output is HTML-escaped unless the author writes `| raw`. */
export const liquidHtml = new Liquid({ ...options, outputEscape: "escape" });

/** For subjects, plain-text bodies and SMS: no escaping, since nothing there is markup. */
export const liquidText = new Liquid(options);

export type LiquidContext = "html" | "text";

export const liquidFor = (context: LiquidContext) => (context === "html" ? liquidHtml : liquidText);

/** For static analysis only: tolerant of unknown filters, so one misspelt filter does not hide every unknown variable. */
export const liquidLenient = new Liquid({ ...options, strictFilters: false });
