/** Joins class names, skipping falsy ones. Variants are written so they never need merging. */
export const cn = (...classes: Array<string | false | null | undefined>) => classes.filter(Boolean).join(" ");
