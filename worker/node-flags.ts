/**
 * V8 flags every worker process starts with (npm start, npm run worker, the benchmarks).
 *
 * A sending worker keeps hundreds of ~40 KB messages alive while their SMTP transactions are in
 * flight. With V8's default 16 MB young generation they outlive a scavenge, get copied into the old
 * generation and are collected there: bench:send measured 0.40 s of worker CPU per 1,000 messages,
 * a fifth of it garbage collection. With 64 MB they die young: 0.29 s, for no more peak memory.
 */
export const WORKER_NODE_FLAGS = ["--max-semi-space-size=64"] as const;
