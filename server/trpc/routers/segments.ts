import { router } from "../init";

export const segmentsRouter = router({});
