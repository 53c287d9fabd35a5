import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getAuth } from "@/server/auth/auth";
import { authRequest } from "@/server/testing/auth-http";
import { createTestUser, TEST_PASSWORD } from "@/server/testing/fixtures";

// The test env turns rate limiting off (setup-env.ts) so other files can sign in freely. This file
// runs in its own process (pool: forks), so turning it back on here, before the first getAuth() call
// builds the auth instance, affects only this file.
process.env.HERALD_DISABLE_RATE_LIMIT = "0";

/** A documentation-range address unique to this test, so no other test or re-run shares its counter. */
const uniqueIp = () => {
  const bytes = randomUUID().replace(/-/g, "").slice(0, 4);
  return `198.51.${parseInt(bytes.slice(0, 2), 16)}.${parseInt(bytes.slice(2, 4), 16)}`;
};

describe("sign-in rate limit", () => {
  it("answers the 6th sign-in within a minute from one IP with 429, whatever the password; other IPs are unaffected", async () => {
    expect(getAuth().options.rateLimit?.enabled).toBe(true);
    const user = await createTestUser();
    const ip = uniqueIp();

    for (let attempt = 1; attempt <= 5; attempt++) {
      const failed = await authRequest("/sign-in/email", { email: user.email, password: `wrong password ${attempt}` }, { ip });
      expect(failed.status, `attempt ${attempt}`).toBe(401);
    }
    const sixth = await authRequest("/sign-in/email", { email: user.email, password: "wrong password 6" }, { ip });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.response.headers.get("x-retry-after"))).toBeGreaterThan(0);
    // Even the right password is refused while the limit holds, so guessing cannot continue.
    const right = await authRequest("/sign-in/email", { email: user.email, password: TEST_PASSWORD }, { ip });
    expect(right.status).toBe(429);

    let otherIp = uniqueIp();
    while (otherIp === ip) otherIp = uniqueIp();
    const elsewhere = await authRequest("/sign-in/email", { email: user.email, password: TEST_PASSWORD }, { ip: otherIp });
    expect(elsewhere.status).toBe(200);
  });
});
