import { randomUUID } from "node:crypto";
import { sendingNodes } from "@/drizzle/schema";
import { db } from "@/server/db/client";

export type NodeIdentity = { host: string; pid: number; version: string };

/** A worker process announcing itself at start; every start is a new node (a restart gets a new id). */
export const registerNode = async ({ host, pid, version }: NodeIdentity): Promise<string> => {
  const id = randomUUID();
  await db.insert(sendingNodes).values({ id, host, pid, version });
  return id;
};
