import { z } from "zod";
import { segments } from "@/drizzle/schema";
import { AppError, type FieldErrors } from "@/server/errors";
import type { SegmentDefinition } from "./segment-rules";

export const ZSegmentName = z
  .string({ error: "Give the segment a name" })
  .trim()
  .min(1, "Give the segment a name")
  .max(120, "Segment names are at most 120 characters");

export const ZSegmentDescription = z
  .string()
  .trim()
  .max(500, "Descriptions are at most 500 characters")
  .transform((text) => text || null)
  .nullable();

export const ZSegmentId = z.uuid({ error: "segmentId must be a segment id" });

/** The columns every segment read returns. */
export const segmentColumns = {
  id: segments.id,
  name: segments.name,
  description: segments.description,
  definition: segments.definition,
  createdAt: segments.createdAt,
  updatedAt: segments.updatedAt,
};

export type Segment = {
  id: string;
  name: string;
  description: string | null;
  definition: SegmentDefinition;
  createdAt: Date;
  updatedAt: Date;
};

/** The stored document was checked when it was saved; the column is plain jsonb to Drizzle. */
export const asSegment = (row: { definition: unknown } & Omit<Segment, "definition">): Segment => ({
  ...row,
  definition: row.definition as SegmentDefinition,
});

/** Domain functions check their own input (the worker and scripts call them too), failing as BAD_REQUEST by field. */
export const parseInput = <T extends z.ZodType>(schema: T, input: unknown): z.output<T> => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) (fields[issue.path.join(".") || "input"] ??= []).push(issue.message);
  throw new AppError("BAD_REQUEST", parsed.error.issues.map((issue) => issue.message).join("; "), fields);
};
