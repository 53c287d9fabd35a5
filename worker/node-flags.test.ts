import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WORKER_NODE_FLAGS } from "./node-flags";

describe("WORKER_NODE_FLAGS", () => {
  it("are also on `npm run worker`, which cannot import them", () => {
    const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "package.json"), "utf8")) as { scripts: Record<string, string> };
    for (const flag of WORKER_NODE_FLAGS) expect(pkg.scripts.worker).toContain(flag);
  });
});
