import { inject } from "vitest";

// Every test process talks to the run's database and a fixed secret; nothing reads the developer's env.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.BETTER_AUTH_SECRET = "test-secret-test-secret-test-secret-0123456789";
process.env.APP_URL = "http://localhost:3999";
(process.env as Record<string, string>).NODE_ENV = "test";
process.env.LOG_LEVEL = "silent";
process.env.HERALD_DISABLE_RATE_LIMIT ??= "1";
