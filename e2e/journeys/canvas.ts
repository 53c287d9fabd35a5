import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Drives components/journey-editor (React Flow) like a marketer does: steps dragged from the palette
 * with native HTML5 drag and drop (Playwright's dragTo turns a held mouse into a real drag in
 * Chromium, DataTransfer included), and outputs connected to inputs by pressing the mouse on a
 * handle, moving and releasing over the other node's handle.
 */

export const pane = (page: Page) => page.locator(".react-flow__pane");
export const stepNodes = (page: Page, type: string) => page.locator(`.react-flow__node-${type}`);
export const edges = (page: Page) => page.locator(".react-flow__edge");
export const sidePanel = (page: Page) => page.getByRole("complementary", { name: "Step settings" });

/** Drags the palette item `label` onto the canvas so the step lands centred at `at` (pixels from the pane's top-left; zoom 1). */
export const dropStep = async (page: Page, label: string, at: { x: number; y: number }) => {
  const item = page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: label, exact: true });
  const nodes = page.locator(".react-flow__node");
  const before = await nodes.count();
  await item.dragTo(pane(page), { targetPosition: at });
  await expect(nodes, `"${label}" dropped on the canvas`).toHaveCount(before + 1);
  return nodes.nth(before);
};

const centre = async (locator: Locator) => {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not on screen");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

/** Connects `source`'s output `handle` ("next", "yes", "no"...) to `target`'s input, by dragging between the two handles. */
export const connectSteps = async (page: Page, source: Locator, handle: string, target: Locator) => {
  const before = await edges(page).count();
  const from = await centre(source.locator(`.react-flow__handle.source[data-handleid="${handle}"]`));
  const to = await centre(target.locator(".react-flow__handle.target"));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
  await expect(edges(page), `an edge from the "${handle}" output`).toHaveCount(before + 1);
};
