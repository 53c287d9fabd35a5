import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { count } from "drizzle-orm";
import { users } from "@/drizzle/schema";
import { getAuth } from "@/server/auth/auth";
import { db } from "@/server/db/client";
import { createWorkspace } from "@/server/domain/workspaces/create-workspace";

export type DemoCredentials = { email: string; password: string; workspace: string };

const DEMO_EMAIL = "demo@herald.localhost";

/**
 * On an empty database, creates a demo user and workspace so a newcomer can sign in at once.
 * The password is random per install and kept (git-ignored) in the data folder to be shown again.
 */
export const seedDemo = async (dataDir: string): Promise<{ created: boolean; credentials: DemoCredentials | null }> => {
  const file = path.join(dataDir, "demo-credentials.json");
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(users);
  if (n > 0) {
    const saved = await readFile(file, "utf8").then((text) => JSON.parse(text) as DemoCredentials, () => null);
    return { created: false, credentials: saved };
  }
  const credentials: DemoCredentials = {
    email: DEMO_EMAIL,
    password: randomBytes(9).toString("base64url"),
    workspace: "Demo Workspace",
  };
  const { user } = await getAuth().api.signUpEmail({
    body: { email: credentials.email, password: credentials.password, name: "Demo Marketer" },
  });
  await createWorkspace({ userId: user.id, name: credentials.workspace });
  await writeFile(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return { created: true, credentials };
};
