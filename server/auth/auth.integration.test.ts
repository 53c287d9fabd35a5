import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { authRequest, cookieFrom, signInCookie } from "@/server/testing/auth-http";
import { callerFromHeaders } from "@/server/testing/fixtures";
import { startSmtpSink, type SmtpSink } from "@/server/testing/smtp-sink";
import { queuedSystemEmails, runWorkerOnce, useSmtpSinkForSystemMail, withSystemMailQueue } from "@/server/testing/system-mail";

const PASSWORD = "a long enough password";
const newEmail = () => `person-${randomUUID()}@example.test`;
const usersWithEmail = async (email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email));

const signUp = (email: string, password = PASSWORD, name = "Ana Person") =>
  authRequest("/sign-up/email", { email, password, name });

let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
  useSmtpSinkForSystemMail(sink.url);
});
afterAll(async () => {
  await sink?.close();
});

describe("sign-up", () => {
  it("creates the user and returns a session cookie that the tRPC context accepts", async () => {
    const email = newEmail();
    const { status, response, json } = await signUp(email);
    expect(status).toBe(200);
    expect(json).toMatchObject({ user: { email, name: "Ana Person" } });

    const cookie = cookieFrom(response);
    expect(cookie).toContain("session_token=");
    const me = await (await callerFromHeaders({ cookie })).me.get();
    expect(me).toEqual({ user: { id: (json!.user as { id: string }).id, email, name: "Ana Person" }, workspaces: [] });
  });

  it("refuses a second sign-up with the same address and keeps one user", async () => {
    const email = newEmail();
    expect((await signUp(email)).status).toBe(200);
    const again = await signUp(email.toUpperCase(), "another long password", "Impostor");
    expect(again.status).toBe(422);
    expect(again.json).toMatchObject({ message: "User already exists. Use another email." });
    expect(cookieFrom(again.response)).toBe("");
    expect(await usersWithEmail(email)).toHaveLength(1);
  });

  it("refuses a malformed email and a short password, creating no user", async () => {
    const malformed = await signUp("not-an-email");
    expect(malformed.status).toBe(400);
    expect(String(malformed.json?.message)).toMatch(/email/i);
    expect(await usersWithEmail("not-an-email")).toHaveLength(0);

    const email = newEmail();
    const short = await signUp(email, "short");
    expect(short.status).toBe(400);
    expect(short.json).toMatchObject({ message: "Password too short" });
    expect(await usersWithEmail(email)).toHaveLength(0);
  });
});

describe("sign-in and sign-out", () => {
  it("refuses a wrong password without a session, accepts the right one", async () => {
    const email = newEmail();
    await signUp(email);

    const wrong = await authRequest("/sign-in/email", { email, password: "not the password at all" });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ message: "Invalid email or password" });
    expect(cookieFrom(wrong.response)).toBe("");

    const unknown = await authRequest("/sign-in/email", { email: newEmail(), password: PASSWORD });
    expect(unknown.status).toBe(401);
    expect(unknown.json).toMatchObject({ message: "Invalid email or password" });

    const cookie = await signInCookie(email, PASSWORD);
    expect((await (await callerFromHeaders({ cookie })).me.get()).user.email).toBe(email);
  });

  it("sign-out invalidates the session for every later request", async () => {
    const email = newEmail();
    await signUp(email);
    const cookie = await signInCookie(email, PASSWORD);
    const [user] = await usersWithEmail(email);
    expect(await db.select().from(sessions).where(eq(sessions.userId, user!.id))).toHaveLength(2); // sign-up + sign-in

    const out = await authRequest("/sign-out", {}, { cookie });
    expect(out.status).toBe(200);

    await expect((await callerFromHeaders({ cookie })).me.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const session = await authRequest("/get-session", undefined, { cookie });
    expect(session.json).toBeNull();
    // Only the sign-up session (another device, in effect) is left.
    expect(await db.select().from(sessions).where(eq(sessions.userId, user!.id))).toHaveLength(1);
  });
});

describe("password reset", () => {
  it("mails a link through the worker; the link's token sets a new password and ends old sessions", async () => {
    const email = newEmail();
    await signUp(email, "the original password");
    const oldSession = await signInCookie(email, "the original password");

    // Request and deliver under the queue lock, so no other test file's worker takes this job.
    await withSystemMailQueue(async () => {
      const requested = await authRequest("/request-password-reset", { email, redirectTo: "/reset-password" });
      expect(requested.status).toBe(200);
      const queued = await queuedSystemEmails(email);
      expect(queued).toHaveLength(1);
      expect(queued[0]!.subject).toBe("Reset your Herald password");
      await runWorkerOnce();
    });
    expect(await queuedSystemEmails(email)).toEqual([]);

    const received = sink.messagesTo(email);
    expect(received).toHaveLength(1);
    const mail = received[0]!.parsed;
    expect(mail.subject).toBe("Reset your Herald password");
    expect(mail.from?.text).toContain("no-reply@herald.localhost");
    const link = mail.text?.match(/https?:\/\/\S+/)?.[0];
    expect(link).toMatch(/^http:\/\/localhost:3999\/api\/auth\/reset-password\/[A-Za-z0-9_-]+\?callbackURL=/);
    expect(mail.html).toContain(`href="${link!.replaceAll("&", "&amp;")}"`);

    // Following the link redirects to the app's reset page with the token, as a browser would see it.
    const followed = await authRequest(link!);
    expect(followed.status).toBe(302);
    const redirect = new URL(followed.response.headers.get("location")!);
    expect(redirect.pathname).toBe("/reset-password");
    const token = redirect.searchParams.get("token");
    expect(token).toBeTruthy();

    const tooShort = await authRequest("/reset-password", { token, newPassword: "short" });
    expect(tooShort.status).toBe(400);
    const reset = await authRequest("/reset-password", { token, newPassword: "a brand new password" });
    expect(reset.status).toBe(200);
    // The token is single use.
    expect((await authRequest("/reset-password", { token, newPassword: "yet another password" })).status).toBe(400);

    expect((await authRequest("/sign-in/email", { email, password: "the original password" })).status).toBe(401);
    const cookie = await signInCookie(email, "a brand new password");
    expect((await (await callerFromHeaders({ cookie })).me.get()).user.email).toBe(email);
    await expect((await callerFromHeaders({ cookie: oldSession })).me.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("answers the same for an unknown address and queues no mail", async () => {
    const email = newEmail();
    const requested = await authRequest("/request-password-reset", { email, redirectTo: "/reset-password" });
    expect(requested.status).toBe(200);
    expect(requested.json).toMatchObject({ status: true });
    expect(await queuedSystemEmails(email)).toEqual([]);
  });
});
