import { z } from "zod";

/**
 * Process configuration, read once. Every front door (web, worker, relay, scripts) reads the same
 * variables, so an operator configures a fleet of processes with one set of environment variables.
 */
const ZEnv = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgres:// URL" }),
  APP_URL: z.string().url().default("http://localhost:3000"),
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters"),
  /** Where the app's own mail (password resets, invitations) goes; the local mail catcher by default. */
  SYSTEM_SMTP_URL: z.string().default("smtp://127.0.0.1:1025"),
  SYSTEM_MAIL_FROM: z.string().default("Herald <no-reply@herald.localhost>"),
  /**
   * Where workspaces' mail (test sends now; campaigns when the delivery engine lands) is handed over:
   * an SMTP smarthost URL, the local mail catcher by default.
   */
  DELIVERY_SMTP_URL: z.string().default("smtp://127.0.0.1:1025"),
  /** Several smarthosts with weights, "smtp://a:25*3, smtp://b:587*1"; overrides DELIVERY_SMTP_URL when set. */
  DELIVERY_SMARTHOSTS: z.string().optional(),
  /** Messages in flight at once to one recipient domain, per worker process. */
  DOMAIN_CONCURRENCY: z.coerce.number().int().min(1).default(10),
  /** Optional caps, in messages per second across all workers: per smarthost and per workspace. */
  TRANSPORT_RATE_PER_SECOND: z.coerce.number().int().min(1).optional(),
  WORKSPACE_RATE_PER_SECOND: z.coerce.number().int().min(1).optional(),
  /** The domain of VERP Return-Paths (bounce+<token>@…); the sender's own domain when unset. */
  BOUNCE_DOMAIN: z.string().optional(),
  /** Set by `npm start` when it runs the local mail catcher, so pages can point people at it. */
  MAIL_CATCHER_URL: z.string().optional(),
  /** When set, uploaded files are written under this folder (one subfolder per workspace) instead of Postgres. */
  HERALD_FILES_DIR: z
    .string()
    .trim()
    .optional()
    .transform((dir) => dir || undefined),
  /** Largest single attachment, in bytes (10 MiB). */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  /** All of one message's attachments together (18 MiB): base64 grows them by a third, keeping mail under 25 MB. */
  MESSAGE_ATTACHMENTS_MAX_BYTES: z.coerce.number().int().positive().default(18 * 1024 * 1024),
  /** Largest builder image, in bytes (5 MiB). */
  IMAGE_MAX_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  /** Credits one email costs (SMS costs its segments times its route's price per segment). */
  EMAIL_CREDIT_PRICE: z.coerce.number().min(0, "EMAIL_CREDIT_PRICE cannot be negative").max(1_000_000).default(1),
  /** Credits every new workspace starts with, as a "Starting credits" top-up; 0 for none. */
  STARTING_CREDITS: z.coerce.number().min(0, "STARTING_CREDITS cannot be negative").max(10_000_000).default(1000),
  /** Instance administrators (comma-separated emails); unset: the owners of the oldest workspace. */
  HERALD_ADMIN_EMAILS: z
    .string()
    .optional()
    .transform((list) => {
      const emails = list?.split(",").map((email) => email.trim().toLowerCase()).filter(Boolean);
      return emails?.length ? emails : undefined;
    }),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export const env = (): Env => {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Herald is not configured correctly:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
};
