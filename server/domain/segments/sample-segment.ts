import { sql } from "drizzle-orm";
import { querySegment, type SegmentSource } from "./segment-query";

export const SEGMENT_SAMPLE_SIZE = 20;

export type SegmentSampleContact = {
  id: string;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
};

/** The first contacts (oldest first) a segment matches, to show beside the builder. */
export const sampleSegment = (input: { workspaceId: string; now?: Date } & SegmentSource) =>
  querySegment(input, async (where, executor) => {
    const rows = await executor.execute<SegmentSampleContact>(sql`
      select c.id, c.email, c.phone, c.first_name as "firstName", c.last_name as "lastName"
      from contacts c
      where ${where}
      order by c.created_at, c.id
      limit ${SEGMENT_SAMPLE_SIZE}`);
    return { contacts: [...rows] };
  });
