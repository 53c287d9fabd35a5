import { router } from "../init";

export const suppressionsRouter = router({});
