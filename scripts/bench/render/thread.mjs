// Worker threads do not inherit `--import tsx`, so each registers tsx itself before loading TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./render-worker.ts");
