import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { accounts, rateLimits, sessions, users, verifications } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { enqueueSystemEmail } from "@/server/domain/system-mail/enqueue-system-email";
import { passwordResetEmail } from "@/server/auth/emails";

/**
 * Identity only: users, sessions, password hashing (scrypt, memory-hard), resets and login limits.
 * Workspaces, members, roles and invitations are Herald's own domain (server/domain/workspaces etc.)
 * so the tRPC guard, the SDK and the tests all see one set of rules, rather than a second set of
 * organization endpoints beside them.
 */
const createAuth = () =>
  betterAuth({
    appName: "Herald",
    baseURL: env().APP_URL,
    secret: env().BETTER_AUTH_SECRET,
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => {
        await enqueueSystemEmail(db, passwordResetEmail({ to: user.email, name: user.name, url }));
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: process.env.HERALD_DISABLE_RATE_LIMIT !== "1",
      storage: "database",
      window: 60,
      max: 200,
      customRules: {
        "/sign-in/email": { window: 60, max: 5 },
        "/sign-up/email": { window: 60, max: 10 },
        "/request-password-reset": { window: 300, max: 5 },
      },
    },
    trustedOrigins: [env().APP_URL],
    telemetry: { enabled: false },
    // better-auth logs to the console itself; honour LOG_LEVEL=silent (tests) like the rest of Herald.
    logger: { disabled: env().LOG_LEVEL === "silent" },
  });

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { heraldAuth?: Auth };

/** Built on first use so importing this module needs no configuration (tests set env first). */
export const getAuth = (): Auth => (globalForAuth.heraldAuth ??= createAuth());
