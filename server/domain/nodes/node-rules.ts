import { z } from "zod";

/** How often a worker process reports in. */
export const HEARTBEAT_INTERVAL_MS = 5_000;

/**
 * A node silent this long is down: six missed heartbeats, so a slow query or a GC pause is not
 * mistaken for a crash, yet a dead node's jobs wait half a minute rather than graphile-worker's 4 hours.
 */
export const NODE_DOWN_AFTER_SECONDS = 30;

export const ZNodeRef = z.object({ nodeId: z.string().uuid("Choose a node") });

/**
 * graphile-worker (0.17+) locks jobs with its worker pool's id. The worker names its pool after its
 * node (worker/sending-node.ts), so a node's locks can be found and released by the node id alone.
 */
export const poolIdForNode = (nodeId: string) => `herald-node-${nodeId}`;
