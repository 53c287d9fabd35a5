import { expect, test } from "@playwright/test";
import { startSmppPeer, type SmppPeer } from "../../server/testing/smpp-peer";
import { newPerson, signUpWithWorkspace } from "../fixtures/accounts";
import { addSubscribedContactOnList } from "../fixtures/audience";

let peer: SmppPeer;
test.beforeAll(async () => {
  peer = await startSmppPeer({ systemId: "herald", password: "s3cret" });
});
test.afterAll(() => peer.close());

/**
 * A marketer connects an SMS route to an SMSC (a real SMPP server on loopback), sends a test SMS
 * from the settings, then texts a subscribed contact with an SMS-only campaign through the real
 * worker: the message arrives at the SMSC once, and the campaign counts it as sent.
 */
test("SMS campaign: route with an SMPP provider, test SMS, campaign sent through the SMSC", async ({ page }) => {
  test.slow();
  const unique = Date.now().toString(36);
  await signUpWithWorkspace(page, newPerson("Tess Texter"), `Texts ${unique}`);

  // A contact who agreed to SMS marketing, on a list.
  await addSubscribedContactOnList(page, { channel: "sms", address: "+852 9123 4567", firstName: "Ana", listName: "Texts" });
  const dialog = page.getByRole("dialog");

  // A route with an SMPP provider; a missing password is named beside its field.
  await page.goto("/settings/sms-routes");
  await page.getByRole("button", { name: "Add route" }).click();
  await dialog.getByLabel("Name").fill("HK direct");
  await dialog.getByRole("checkbox", { name: /Hong Kong/ }).check();
  await dialog.getByLabel("Price per segment").fill("0.05");
  await dialog.getByLabel("Provider").selectOption("smpp");
  await dialog.getByLabel("Host").fill(peer.host);
  await dialog.getByLabel("Port").fill(String(peer.port));
  await dialog.getByLabel("System id").fill("herald");
  await dialog.getByLabel("Sender").fill("TessShop");
  await dialog.getByRole("button", { name: "Add route" }).click();
  await expect(dialog.getByText("Enter the password your provider gave you")).toBeVisible();
  await dialog.getByLabel("Password").fill("s3cret");
  await dialog.getByRole("button", { name: "Add route" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row", { name: /HK direct/ });
  await expect(row).toContainText("SMPP");
  await expect(row).toContainText(`${peer.host}:${peer.port}`);

  // The password is never sent back: the form says it is set.
  await row.getByRole("button", { name: "Edit HK direct" }).click();
  await expect(dialog.getByText("Set. Leave blank to keep it.")).toBeVisible();
  await expect(dialog.getByLabel("Password")).toHaveValue("");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // A test SMS really goes to the SMSC.
  await row.getByRole("button", { name: "Send a test SMS through HK direct" }).click();
  await dialog.getByLabel("Phone number").fill("+852 9123 4567");
  await dialog.getByLabel("Message").fill(`Test ${unique}`);
  await dialog.getByRole("button", { name: "Send test" }).click();
  await expect(dialog.getByText(/Accepted by the provider/)).toBeVisible();
  expect(peer.messages()).toEqual([expect.objectContaining({ to: "85291234567", text: `Test ${unique}`, from: "TessShop" })]);
  await dialog.getByRole("button", { name: "Close" }).last().click();

  // An SMS template.
  await page.goto("/templates/sms");
  await page.getByRole("button", { name: "New SMS template" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill("Flash sale");
  await page.getByRole("button", { name: "Create and write" }).click();
  await expect(page).toHaveURL(/\/templates\/sms\/[0-9a-f-]{36}$/);
  await page.getByLabel("Message", { exact: true }).fill(`Hi {{ contact.first_name }}, flash sale ${unique}!`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  // An SMS-only campaign: the SMS template is required, then it launches.
  await page.goto("/campaigns");
  await page.getByRole("button", { name: "New campaign" }).click();
  await dialog.getByLabel("Name").fill("Texts for Ana");
  await dialog.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await page.getByRole("checkbox", { name: "Email" }).uncheck();
  await page.getByRole("checkbox", { name: "SMS" }).check();
  await page.getByRole("group", { name: "Lists to send to" }).getByRole("checkbox", { name: /Texts/ }).check();
  await page.getByRole("button", { name: "Launch…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Launch", exact: true }).click();
  await expect(page.getByText("Choose an SMS template", { exact: true })).toBeVisible();
  await expect(page.getByLabel("SMS template")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("SMS template").selectOption({ label: "Flash sale" });
  await page.getByRole("button", { name: "Launch…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Launch", exact: true }).click();

  await expect(page.locator("[data-status]").first()).toHaveText("Sent", { timeout: 60_000 });
  const byChannel = page.getByRole("table", { name: "By channel" });
  await expect(byChannel.getByRole("row", { name: /SMS/ })).toContainText("1");
  await expect.poll(() => peer.messages().filter((m) => m.text.includes(`flash sale ${unique}`)).length).toBe(1);
  expect(peer.messages().find((m) => m.text.includes(`flash sale ${unique}`))).toMatchObject({ to: "85291234567", text: `Hi Ana, flash sale ${unique}!` });
});
