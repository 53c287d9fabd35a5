import { router } from "../init";

export const dncRouter = router({});
