import { abandonedCart } from "./abandoned-cart";
import { birthday } from "./birthday";
import { doubleOptIn } from "./double-opt-in";
import { reEngagement } from "./re-engagement";
import type { JourneyTemplate } from "./template-parts";
import { welcomeSeries } from "./welcome-series";

export type { JourneyTemplate } from "./template-parts";

/** The pre-built journeys, in the order the "new journey" dialog offers them. */
export const JOURNEY_TEMPLATES: readonly JourneyTemplate[] = [welcomeSeries, abandonedCart, reEngagement, birthday, doubleOptIn];

export const findJourneyTemplate = (key: string): JourneyTemplate | undefined => JOURNEY_TEMPLATES.find((template) => template.key === key);

/** What the dialog lists: no graphs, just enough to choose. */
export const listJourneyTemplates = () =>
  JOURNEY_TEMPLATES.map((template) => ({
    key: template.key,
    name: template.name,
    description: template.description,
    nodeCount: template.build({ templateIds: {} }).nodes.length,
  }));
