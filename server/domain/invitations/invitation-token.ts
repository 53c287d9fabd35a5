import { createHash, randomBytes } from "node:crypto";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** 256 random bits; only its hash is stored, so a database read cannot be turned into an accepted invite. */
export const newInvitationToken = () => {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
};

export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const invitationUrl = (appUrl: string, token: string) =>
  `${appUrl.replace(/\/$/, "")}/invitations/accept?token=${encodeURIComponent(token)}`;
