import { EventEmitter } from "node:events";
import os from "node:os";
import type { WorkerEvents } from "graphile-worker";
import packageJson from "@/package.json" with { type: "json" };
import { heartbeat } from "@/server/domain/nodes/heartbeat";
import { markDownNodes } from "@/server/domain/nodes/mark-down-nodes";
import { markDraining } from "@/server/domain/nodes/mark-draining";
import { markStopped } from "@/server/domain/nodes/mark-stopped";
import { HEARTBEAT_INTERVAL_MS, NODE_DOWN_AFTER_SECONDS, poolIdForNode } from "@/server/domain/nodes/node-rules";
import { registerNode } from "@/server/domain/nodes/register-node";
import { messagesLastMinute, messagesSentTotal } from "@/server/domain/nodes/throughput";
import { logger } from "@/server/logger";

/**
 * This worker process as a sending node: registered at start, a heartbeat every few seconds that
 * reports throughput, learns whether an admin disabled the node and sweeps up nodes that went silent.
 */
export const startSendingNode = async ({ onDisabled }: { onDisabled: () => void }) => {
  const nodeId = await registerNode({ host: os.hostname(), pid: process.pid, version: packageJson.version });
  const log = logger.child({ nodeId });

  // graphile-worker locks jobs with its pool's id, which is random and not an option. `pool:create`
  // fires before the pool's first query and every lock reads `workerPool.id` when it runs (checked in
  // graphile-worker 0.18's dist/main.js), so naming the pool here lets markDownNodes release a dead
  // node's jobs knowing only its node id. The process test checks jobs really carry this lock.
  const workerEvents = new EventEmitter() as WorkerEvents;
  workerEvents.on("pool:create", ({ workerPool }) => {
    workerPool.id = poolIdForNode(nodeId);
  });

  let disabledSeen = false;
  const beat = async () => {
    try {
      const { disabled, wasMarkedDown } = await heartbeat(nodeId, {
        messagesLastMinute: messagesLastMinute(),
        messagesTotal: messagesSentTotal(),
      });
      if (wasMarkedDown) log.warn("this node was marked down after missing heartbeats; its jobs may have been handed to other nodes");
      if (disabled && !disabledSeen) {
        disabledSeen = true;
        log.info("node disabled by an administrator: finishing jobs in flight, then exiting");
        onDisabled();
      }
      const down = await markDownNodes({ olderThanSeconds: NODE_DOWN_AFTER_SECONDS });
      if (down.length > 0) log.warn({ nodes: down }, "marked silent nodes down and released their jobs");
    } catch (error) {
      log.error({ err: error }, "heartbeat failed");
    }
  };

  // A chain of timeouts rather than an interval, so a slow heartbeat never overlaps the next.
  // Unref'd: the heartbeat alone must not keep a finished process alive.
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let beating = true;
  const schedule = () => {
    timer = setTimeout(() => {
      inFlight = beat().finally(() => beating && schedule());
    }, HEARTBEAT_INTERVAL_MS);
    timer.unref();
  };
  schedule();
  log.info({ host: os.hostname(), version: packageJson.version }, "sending node registered");

  return {
    nodeId,
    /** Pass to graphile-worker's `run({ events })`. */
    workerEvents,
    /** The runner is about to stop taking jobs; heartbeats go on, so the node is not taken for dead meanwhile. */
    draining: () => markDraining(nodeId),
    /** The runner has finished its last job. */
    stopped: async () => {
      beating = false;
      clearTimeout(timer);
      await inFlight;
      await markStopped(nodeId);
      log.info("sending node stopped");
    },
  };
};
