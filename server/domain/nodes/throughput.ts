/**
 * Messages this process has handed to a transport: a running total and a sliding one-minute count
 * (one-second buckets), which the worker reports with each heartbeat. Counted per process on purpose:
 * the nodes page shows what each node sends. The sending pipeline calls `recordSent` after each batch.
 */
const WINDOW_SECONDS = 60;

export const createThroughputCounter = (now: () => number = Date.now) => {
  const counts = new Array<number>(WINDOW_SECONDS).fill(0);
  // The second each bucket last counted; a bucket from more than a minute ago no longer counts.
  const seconds = new Array<number>(WINDOW_SECONDS).fill(-Infinity);
  let total = 0;
  return {
    record(count: number) {
      if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`recordSent expects a whole number of messages, got ${count}`);
      const second = Math.floor(now() / 1000);
      const slot = second % WINDOW_SECONDS;
      if (seconds[slot] !== second) {
        seconds[slot] = second;
        counts[slot] = 0;
      }
      counts[slot]! += count;
      total += count;
    },
    lastMinute() {
      const second = Math.floor(now() / 1000);
      let sum = 0;
      for (let slot = 0; slot < WINDOW_SECONDS; slot++) if (second - seconds[slot]! < WINDOW_SECONDS) sum += counts[slot]!;
      return sum;
    },
    total: () => total,
  };
};

const processCounter = createThroughputCounter();

/** Count `count` messages as sent by this process (call once per batch with the number accepted). */
export const recordSent = (count: number) => processCounter.record(count);

/** Messages this process sent in the last 60 seconds. */
export const messagesLastMinute = () => processCounter.lastMinute();

/** Messages this process sent since it started. */
export const messagesSentTotal = () => processCounter.total();
