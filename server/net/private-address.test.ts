import { describe, expect, it } from "vitest";
import { isPrivateAddress } from "./fetch-public-url";
import { privateAddressReason } from "./private-address";

// One list serves the journey editor, the webhook executor and every other server-side fetch.
describe("privateAddressReason and isPrivateAddress agree on one list", () => {
  const refused = [
    ["127.0.0.1", /loopback/],
    ["10.1.2.3", /private/],
    ["172.31.255.255", /private/],
    ["192.168.1.1", /private/],
    ["169.254.169.254", /link-local/],
    ["100.64.0.1", /carrier-grade NAT/],
    ["0.0.0.0", /unspecified/],
    ["192.0.2.10", /documentation/],
    ["198.51.100.7", /documentation/],
    ["203.0.113.99", /documentation/],
    ["198.19.0.1", /benchmarking/],
    ["224.0.0.251", /multicast/],
    ["255.255.255.255", /broadcast/],
    ["::1", /loopback/],
    ["::", /unspecified/],
    ["::ffff:10.0.0.1", /private.*inside an IPv6/],
    ["64:ff9b::7f00:1", /loopback.*inside an IPv6/],
    ["fd00::1", /unique local/],
    ["fe80::1", /link-local/],
    ["ff02::1", /multicast/],
    ["100::1", /discard-only/],
    ["2001:db8::1", /documentation/],
  ] as const;

  it.each(refused)("refuses %s with its reason", (address, reason) => {
    expect(privateAddressReason(address)).toMatch(reason);
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.216.34", "64:ff9b::808:808"])("allows the public address %s", (address) => {
    expect(privateAddressReason(address)).toBeNull();
    expect(isPrivateAddress(address)).toBe(false);
  });

  it("treats anything that is not an address as private for fetching (a name must be resolved first)", () => {
    expect(isPrivateAddress("example.com")).toBe(true);
    expect(isPrivateAddress("")).toBe(true);
  });
});
