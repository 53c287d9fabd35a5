import { z } from "zod";
import { normalizeEmail, normalizePhone } from "@/server/domain/contacts/normalize";
import type { FieldErrors } from "@/server/errors";

export const MAX_EVENTS_PER_BATCH = 1000;
export const MAX_EVENT_NAME_LENGTH = 200;
export const MAX_PROPERTIES_BYTES = 32 * 1024;
/** Clocks drift and batches arrive late, but an event from further in the future is a bug in the sender. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
const OLDEST_TIMESTAMP = Date.UTC(1970, 0, 1);

/**
 * The shape of one tracked event, as the SDK's types show it. Only types are checked here; the values
 * are checked per event by `validateTrackedEvent`, so one bad event is reported by its index instead
 * of failing the whole batch.
 */
export const ZTrackEventInput = z.object({
  contact: z.union([z.object({ id: z.string() }), z.object({ email: z.string() }), z.object({ phone: z.string() })]),
  event: z.string(),
  properties: z.record(z.string(), z.unknown()).optional(),
  /** When it happened (a Date, or an ISO 8601 string with an offset); defaults to when it is received. */
  timestamp: z.union([z.date(), z.string()]).optional(),
  /** Create the contact when no contact has this email or phone (never for an id). */
  createContact: z.boolean().optional(),
});
export type TrackEventInput = z.input<typeof ZTrackEventInput>;

export type ContactRef = { kind: "id"; value: string } | { kind: "email"; value: string } | { kind: "phone"; value: string; country: string | null };

export type ValidEvent = {
  contact: ContactRef;
  name: string;
  properties: Record<string, unknown>;
  occurredAt: Date;
  createContact: boolean;
};

/** Postgres text and jsonb refuse NUL and unpaired surrogates; find them before they fail a whole batch. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const badText = (text: string) => text.includes("\u0000") || LONE_SURROGATE.test(text);

const jsonProblem = (value: unknown, depth = 0): string | null => {
  if (depth > 32) return "properties are nested too deeply (at most 32 levels)";
  if (value === null || typeof value === "boolean") return null;
  if (typeof value === "number") return Number.isFinite(value) ? null : "properties must not hold NaN or Infinity";
  if (typeof value === "string") return badText(value) ? "properties must not hold NUL characters or broken Unicode" : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "properties must not hold invalid dates" : null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = jsonProblem(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      if (badText(key)) return "property names must not hold NUL characters or broken Unicode";
      if (item === undefined) continue;
      const problem = jsonProblem(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  return "properties must hold only JSON values (strings, numbers, booleans, null, arrays and objects)";
};

const ZContactRef = z
  .object(
    { id: z.unknown().optional(), email: z.unknown().optional(), phone: z.unknown().optional() },
    { message: "contact must be an object with one of id, email or phone" },
  )
  .transform((contact, ctx): ContactRef => {
    const given = (["id", "email", "phone"] as const).filter((key) => contact[key] !== undefined && contact[key] !== null);
    if (given.length !== 1) {
      ctx.addIssue({ code: "custom", message: "contact must have exactly one of id, email or phone" });
      return z.NEVER;
    }
    const key = given[0]!;
    const raw = contact[key];
    if (typeof raw !== "string") {
      ctx.addIssue({ code: "custom", path: [key], message: `contact.${key} must be a string` });
      return z.NEVER;
    }
    if (key === "id") {
      if (z.uuid().safeParse(raw).success) return { kind: "id", value: raw.toLowerCase() };
      ctx.addIssue({ code: "custom", path: ["id"], message: "contact.id must be a contact id (a UUID)" });
      return z.NEVER;
    }
    if (key === "email") {
      const email = normalizeEmail(raw);
      if (email) return { kind: "email", value: email };
      ctx.addIssue({ code: "custom", path: ["email"], message: "contact.email is not a valid email address" });
      return z.NEVER;
    }
    const phone = normalizePhone(raw);
    if (phone) return { kind: "phone", value: phone.e164, country: phone.country };
    ctx.addIssue({
      code: "custom",
      path: ["phone"],
      message: "contact.phone is not a valid phone number; use the international format, e.g. +85291234567",
    });
    return z.NEVER;
  });

const ZTimestamp = z
  .union([z.date(), z.iso.datetime({ offset: true }), z.iso.date()], {
    message: "timestamp must be a date or an ISO 8601 date-time with an offset, e.g. 2025-05-01T09:30:00+08:00",
  })
  .transform((value) => (value instanceof Date ? value : new Date(value)));

const ZTrackedEvent = z.object(
  {
    contact: ZContactRef,
    event: z
      .string({ message: "event must be a string" })
      .trim()
      .min(1, "event must not be empty")
      .max(MAX_EVENT_NAME_LENGTH, `event must be at most ${MAX_EVENT_NAME_LENGTH} characters`)
      .refine((name) => !badText(name), "event must not hold NUL characters or broken Unicode"),
    properties: z
      .record(z.string(), z.unknown(), { message: "properties must be a JSON object" })
      .optional()
      .superRefine((properties, ctx) => {
        const problem = properties && jsonProblem(properties);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    timestamp: ZTimestamp.optional(),
    createContact: z.boolean({ message: "createContact must be true or false" }).optional(),
  },
  { message: "each event must be an object with contact and event" },
);

export type EventValidation = { ok: true; event: ValidEvent } | { ok: false; reason: string; fieldErrors: FieldErrors };

/** Checks one event's values; `now` decides what "the future" is, so a whole batch shares one clock. */
export const validateTrackedEvent = (raw: unknown, now: Date): EventValidation => {
  const parsed = ZTrackedEvent.safeParse(raw);
  const fieldErrors: FieldErrors = {};
  const add = (field: string, message: string) => (fieldErrors[field] ??= []).push(message);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(issue.path.join(".") || "event", issue.message);
  } else {
    const { timestamp, properties } = parsed.data;
    if (timestamp && Number.isNaN(timestamp.getTime())) add("timestamp", "timestamp is not a real date");
    else if (timestamp && timestamp.getTime() > now.getTime() + MAX_FUTURE_MS) add("timestamp", "timestamp must not be more than 1 day in the future");
    else if (timestamp && timestamp.getTime() < OLDEST_TIMESTAMP) add("timestamp", "timestamp must not be before 1970");
    if (properties) {
      const json = JSON.stringify(properties);
      if (Buffer.byteLength(json) > MAX_PROPERTIES_BYTES) {
        add("properties", `properties must be at most ${MAX_PROPERTIES_BYTES / 1024} KB as JSON`);
      }
    }
  }
  if (!parsed.success || Object.keys(fieldErrors).length) {
    const reason = Object.entries(fieldErrors)
      .flatMap(([, messages]) => messages)
      .join("; ");
    return { ok: false, reason, fieldErrors };
  }
  const { contact, event, properties = {}, timestamp, createContact = false } = parsed.data;
  return {
    ok: true,
    event: {
      contact,
      name: event,
      properties,
      occurredAt: timestamp ?? now,
      createContact,
    },
  };
};
