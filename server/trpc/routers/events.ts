import { router } from "../init";

export const eventsRouter = router({});
