import { describe, expect, it } from "vitest";
import { noRouteReason, pickSmsRoute, type CampaignSmsRoute } from "./pick-sms-route";

const route = (name: string, markets: string[]): CampaignSmsRoute => ({ id: name, name, markets, pricePerSegment: 0.05, charset: "ucs2" });

describe("pickSmsRoute", () => {
  const hk = route("HK direct", ["HK", "MO"]);
  const intl = route("Global", ["INTL"]);
  it("takes the route for the number's market, else the international one", () => {
    expect(pickSmsRoute([intl, hk], "HK")).toBe(hk);
    expect(pickSmsRoute([intl, hk], "MO")).toBe(hk);
    expect(pickSmsRoute([intl, hk], "TW")).toBe(intl);
    expect(pickSmsRoute([intl, hk], "GB")).toBe(intl);
    expect(pickSmsRoute([intl, hk], null)).toBe(intl);
  });
  it("has none for a market nobody serves", () => {
    expect(pickSmsRoute([hk], "TW")).toBeNull();
    expect(pickSmsRoute([hk], "INTL")).toBeNull();
    expect(noRouteReason("TW")).toBe("no SMS route for TW");
  });
});
