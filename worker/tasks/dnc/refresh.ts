import type { Task } from "graphile-worker";
import { z } from "zod";
import { refreshDncRegistry } from "@/server/domain/dnc/refresh-dnc-registry";
import { isAppError } from "@/server/errors";

// Payloads may have been queued by older code, so check them at run time.
const Payload = z.object({ workspaceId: z.uuid(), registryId: z.uuid(), force: z.boolean().optional() });

/**
 * Downloads a register's list from its source URL. A failure is already recorded on the register
 * (the old list stays in force); network trouble is thrown so graphile-worker retries, a refused list
 * is not (downloading it again would give the same answer).
 */
export const refresh: Task = async (raw, helpers) => {
  const { workspaceId, registryId, force } = Payload.parse(raw);
  try {
    const result = await refreshDncRegistry({ workspaceId, registryId, force, source: { kind: "url" } });
    if (result.ok) {
      helpers.logger.info(`Do-Not-Call register ${registryId}: ${result.numberCount} numbers in force (was ${result.previousCount})`);
    } else if (result.retryable) {
      throw new Error(result.error);
    } else {
      helpers.logger.warn(`Do-Not-Call register ${registryId} refused its new list: ${result.error}`);
    }
  } catch (error) {
    // Deleted since it was queued, its URL removed, or another refresh of it running: nothing to retry.
    if (isAppError(error) && ["NOT_FOUND", "BAD_REQUEST", "CONFLICT"].includes(error.code)) {
      helpers.logger.info(`Do-Not-Call register ${registryId} skipped: ${error.message}`);
      return;
    }
    throw error;
  }
};
