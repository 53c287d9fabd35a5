/** The audience as saved on a campaign (ids only). */
export type AudienceIds = { listIds: string[]; segmentIds: string[]; excludeListIds: string[]; excludeSegmentIds: string[] };

const joinNames = (names: string[]) => {
  if (names.length <= 2) return names.join(" and ");
  return `${names.slice(0, 2).join(", ")} and ${names.length - 2} more`;
};

/**
 * One line for tables and headers: "Newsletter and VIP customers, except Bounced". `names` maps list
 * and segment ids to names; an id it lacks was deleted since the campaign was saved.
 */
export const describeAudience = (audience: AudienceIds, names: ReadonlyMap<string, string>): string => {
  const name = (fallback: string) => (id: string) => names.get(id) ?? fallback;
  const included = [...audience.listIds.map(name("a deleted list")), ...audience.segmentIds.map(name("a deleted segment"))];
  if (included.length === 0) return "No audience chosen yet";
  const excluded = [...audience.excludeListIds.map(name("a deleted list")), ...audience.excludeSegmentIds.map(name("a deleted segment"))];
  return excluded.length ? `${joinNames(included)}, except ${joinNames(excluded)}` : joinNames(included);
};
