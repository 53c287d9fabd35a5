import { router } from "../init";

export const attributesRouter = router({});
