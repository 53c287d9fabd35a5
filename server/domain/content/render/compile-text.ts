/** The text-template entry point other areas (SMS, subjects) import. */
export { compileTextTemplate } from "./pieces";
export type { Scope } from "./pieces";
