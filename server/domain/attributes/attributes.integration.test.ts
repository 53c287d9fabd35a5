import { describe, expect, it } from "vitest";
import { createContact } from "@/server/domain/contacts/create-contact";
import { getContact } from "@/server/domain/contacts/get-contact";
import { createTestWorkspace } from "@/server/testing/fixtures";
import { createAttributeDefinition } from "./create-attribute-definition";
import { deleteAttributeDefinition } from "./delete-attribute-definition";
import { listAttributeDefinitions } from "./list-attribute-definitions";
import { updateAttributeDefinition } from "./update-attribute-definition";

const workspace = async () => (await createTestWorkspace()).workspace.id;

describe("attribute definitions", () => {
  it("creates, lists by key, relabels and deletes", async () => {
    const workspaceId = await workspace();
    const plan = await createAttributeDefinition({ workspaceId, key: "plan", label: "Plan", type: "text" });
    await createAttributeDefinition({ workspaceId, key: " lifetime_value ", label: " Lifetime value ", type: "number" });
    expect((await listAttributeDefinitions({ workspaceId })).map(({ key, label, type }) => ({ key, label, type }))).toEqual([
      { key: "lifetime_value", label: "Lifetime value", type: "number" },
      { key: "plan", label: "Plan", type: "text" },
    ]);
    expect(await updateAttributeDefinition({ workspaceId, attributeId: plan.id, label: "Subscription plan" })).toMatchObject({
      key: "plan",
      label: "Subscription plan",
      type: "text",
    });
    expect(await deleteAttributeDefinition({ workspaceId, attributeId: plan.id })).toEqual({ key: "plan", contactsCleared: 0 });
    expect((await listAttributeDefinitions({ workspaceId })).map((d) => d.key)).toEqual(["lifetime_value"]);
  });

  it("refuses keys that are not snake_case or that shadow a built-in field, and duplicates", async () => {
    const workspaceId = await workspace();
    for (const key of ["Plan", "1st_order", "has space", "a-b", `a${"b".repeat(63)}`, ""]) {
      await expect(createAttributeDefinition({ workspaceId, key, label: "X", type: "text" }), key).rejects.toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: { key: [expect.stringMatching(/lower-case letters/)] },
      });
    }
    for (const key of ["email", "phone", "first_name", "last_name", "timezone", "locale"]) {
      await expect(createAttributeDefinition({ workspaceId, key, label: "X", type: "text" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: { key: ["This is a built-in contact field; choose another key"] },
      });
    }
    await expect(createAttributeDefinition({ workspaceId, key: "ok", label: " ", type: "text" })).rejects.toMatchObject({
      fieldErrors: { label: ["Enter a label, such as Lifetime value"] },
    });
    await expect(
      // @ts-expect-error: not a type
      createAttributeDefinition({ workspaceId, key: "ok", label: "OK", type: "colour" }),
    ).rejects.toMatchObject({ fieldErrors: { type: [expect.stringContaining("Type must be one of")] } });

    await createAttributeDefinition({ workspaceId, key: "tier", label: "Tier", type: "text" });
    await expect(createAttributeDefinition({ workspaceId, key: "tier", label: "Tier again", type: "number" })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { key: ['An attribute with the key "tier" already exists'] },
    });
    // Keys are per workspace.
    await expect(createAttributeDefinition({ workspaceId: await workspace(), key: "tier", label: "Tier", type: "text" })).resolves.toBeTruthy();
  });

  it("deleting a definition strips its values from contacts, so a new type never meets old values", async () => {
    const workspaceId = await workspace();
    const score = await createAttributeDefinition({ workspaceId, key: "score", label: "Score", type: "text" });
    await createAttributeDefinition({ workspaceId, key: "city", label: "City", type: "text" });
    const a = await createContact({ workspaceId, source: "manual", email: "a@example.com", attributes: { score: "high", city: "HK" } });
    await createContact({ workspaceId, source: "manual", email: "b@example.com", attributes: { city: "Macau" } });
    expect(await deleteAttributeDefinition({ workspaceId, attributeId: score.id })).toEqual({ key: "score", contactsCleared: 1 });
    expect((await getContact({ workspaceId, contactId: a.id })).contact.attributes).toEqual({ city: "HK" });
  });

  it("only touches the workspace's own definitions", async () => {
    const workspaceId = await workspace();
    const mine = await createAttributeDefinition({ workspaceId, key: "plan", label: "Plan", type: "text" });
    const other = await workspace();
    await expect(updateAttributeDefinition({ workspaceId: other, attributeId: mine.id, label: "Stolen" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(deleteAttributeDefinition({ workspaceId: other, attributeId: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listAttributeDefinitions({ workspaceId: other })).toEqual([]);
    expect((await listAttributeDefinitions({ workspaceId }))[0]!.label).toBe("Plan");
  });
});
