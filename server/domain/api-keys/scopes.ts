import { z } from "zod";

/** What an API key may do. A key never manages members or other keys: that needs a signed-in person. */
export const API_SCOPES = [
  "workspace:read",
  "contacts:read",
  "contacts:write",
  "templates:read",
  "templates:write",
  "send",
  "smtp",
  "reports:read",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  "workspace:read": "Read the workspace's name and settings",
  "contacts:read": "Read contacts, lists and segments",
  "contacts:write": "Create and update contacts, lists and events",
  "templates:read": "Read templates, starter designs and uploaded files",
  "templates:write": "Create and update templates, upload files and images",
  send: "Send transactional messages and campaigns; read the Outbox",
  smtp: "Authenticate to the SMTP relay",
  "reports:read": "Read delivery reports",
};

export const ZApiScope = z.enum(API_SCOPES, { message: `Scope must be one of ${API_SCOPES.join(", ")}` });
