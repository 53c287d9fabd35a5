import { describe, expect, it } from "vitest";
import { expandSelfClosingMjml, normalizeInitialMjml } from "./normalize-mjml";

describe("normalizeInitialMjml", () => {
  it("writes self-closing MJML tags as pairs so the HTML parser keeps siblings as siblings", () => {
    const source = `<mj-column><mj-image src="https://x.test/a.png" alt="a/b" /><mj-divider/><mj-text>Hi</mj-text></mj-column>`;
    expect(expandSelfClosingMjml(source)).toBe(
      `<mj-column><mj-image src="https://x.test/a.png" alt="a/b"></mj-image><mj-divider></mj-divider><mj-text>Hi</mj-text></mj-column>`,
    );
  });

  it("leaves HTML void tags inside text alone", () => {
    const source = "<mj-text>a<br/>b<img src='x.png' /></mj-text>";
    expect(expandSelfClosingMjml(source)).toBe(source);
  });

  it("turns empty input and a body-less document into an empty body", () => {
    expect(normalizeInitialMjml("")).toBe("<mjml><mj-body></mj-body></mjml>");
    expect(normalizeInitialMjml("<mjml><mj-head><mj-title>T</mj-title></mj-head></mjml>")).toBe(
      "<mjml><mj-head><mj-title>T</mj-title></mj-head><mj-body></mj-body></mjml>",
    );
    expect(normalizeInitialMjml("<mjml><mj-body></mj-body></mjml>")).toBe("<mjml><mj-body></mj-body></mjml>");
  });
});
