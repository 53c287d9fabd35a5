/**
 * Which addresses are not on the public internet: loopback, private, link-local, carrier-grade NAT,
 * documentation, multicast and reserved ranges, IPv4 inside IPv6 included. The one list behind every
 * server-side fetch of a URL a workspace typed in (Do-Not-Call sources, SMS providers, journey
 * webhooks), and pure, so the journey editor applies the same rule as the marketer types.
 */

type Range = { base: number; bits: number; reason: string };

const ipv4 = (a: number, b: number, c: number, d: number) => ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;

const PRIVATE_V4: Range[] = [
  { base: ipv4(0, 0, 0, 0), bits: 8, reason: "an unspecified (0.0.0.0/8) address" },
  { base: ipv4(10, 0, 0, 0), bits: 8, reason: "a private (10.0.0.0/8) address" },
  { base: ipv4(100, 64, 0, 0), bits: 10, reason: "a shared carrier-grade NAT (100.64.0.0/10) address" },
  { base: ipv4(127, 0, 0, 0), bits: 8, reason: "a loopback (127.0.0.0/8) address" },
  { base: ipv4(169, 254, 0, 0), bits: 16, reason: "a link-local (169.254.0.0/16) address" },
  { base: ipv4(172, 16, 0, 0), bits: 12, reason: "a private (172.16.0.0/12) address" },
  { base: ipv4(192, 0, 0, 0), bits: 24, reason: "a reserved (192.0.0.0/24) address" },
  { base: ipv4(192, 168, 0, 0), bits: 16, reason: "a private (192.168.0.0/16) address" },
  { base: ipv4(192, 0, 2, 0), bits: 24, reason: "a documentation (192.0.2.0/24) address" },
  { base: ipv4(198, 18, 0, 0), bits: 15, reason: "a benchmarking (198.18.0.0/15) address" },
  { base: ipv4(198, 51, 100, 0), bits: 24, reason: "a documentation (198.51.100.0/24) address" },
  { base: ipv4(203, 0, 113, 0), bits: 24, reason: "a documentation (203.0.113.0/24) address" },
  { base: ipv4(224, 0, 0, 0), bits: 4, reason: "a multicast address" },
  { base: ipv4(240, 0, 0, 0), bits: 4, reason: "a reserved (240.0.0.0/4) or broadcast address" },
];

const inRange = (value: number, { base, bits }: Range) => bits === 0 || value >>> (32 - bits) === base >>> (32 - bits);

/**
 * An IPv4 address in any form inet_aton and URL parsers accept: dotted with 1 to 4 parts, each
 * decimal, octal (leading 0) or hex (0x); "2130706433" and "0x7f000001" are 127.0.0.1. Null if not one.
 */
export const parseIPv4 = (text: string): number | null => {
  const parts = text.split(".");
  if (parts.length > 1 && parts.at(-1) === "") parts.pop(); // a trailing dot: "127.0.0.1."
  if (parts.length < 1 || parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) value = parseInt(part.slice(1), 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) value = Number(part);
    else return null;
    if (!Number.isFinite(value)) return null;
    numbers.push(value);
  }
  const last = numbers.pop()!;
  if (numbers.some((n) => n > 255)) return null;
  if (last >= 2 ** (8 * (4 - numbers.length))) return null;
  return numbers.reduce((sum, n, i) => sum + n * 2 ** (8 * (3 - i)), 0) + last;
};

/** An IPv6 address (brackets, zone ids and an embedded dotted IPv4 allowed) as 8 16-bit groups; null if not one. */
export const parseIPv6 = (input: string): number[] | null => {
  let text = input.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!text.includes(":")) return null;
  const dotted = /:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (dotted) {
    const parts = dotted[1]!.split(".").map(Number);
    if (parts.some((n) => n > 255)) return null;
    text = `${text.slice(0, dotted.index)}:${((parts[0]! << 8) | parts[1]!).toString(16)}:${((parts[2]! << 8) | parts[3]!).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = (half: string) => (half === "" ? [] : half.split(":"));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (all.some((group) => !/^[0-9a-f]{1,4}$/i.test(group))) return null;
  return all.map((group) => parseInt(group, 16));
};

const v4Reason = (value: number) => PRIVATE_V4.find((range) => inRange(value, range))?.reason ?? null;

const v6Reason = (groups: number[]): string | null => {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const embedded = ((g6 << 16) >>> 0) + g7;
  const zeroPrefix = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroPrefix && g5 === 0 && g6 === 0) {
    if (g7 === 1) return "the IPv6 loopback address (::1)";
    if (g7 === 0) return "the unspecified IPv6 address (::)";
  }
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach the IPv4 address inside.
  if (zeroPrefix && (g5 === 0xffff || g5 === 0)) {
    const inner = v4Reason(embedded);
    return inner ? `${inner} inside an IPv6 address` : null;
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    const inner = v4Reason(embedded);
    return inner ? `${inner} inside an IPv6 address` : null;
  }
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return "a discard-only IPv6 (100::/64) address";
  if (g0 === 0x2001 && g1 === 0xdb8) return "a documentation IPv6 (2001:db8::/32) address";
  if ((g0 & 0xfe00) === 0xfc00) return "a unique local IPv6 (fc00::/7) address";
  if ((g0 & 0xffc0) === 0xfe80) return "a link-local IPv6 (fe80::/10) address";
  if ((g0 & 0xffc0) === 0xfec0) return "a site-local IPv6 (fec0::/10) address";
  if ((g0 & 0xff00) === 0xff00) return "a multicast IPv6 address";
  return null;
};

/**
 * Why an address (IPv4 or IPv6 text, as a resolver returns it or as written in a URL) must not be
 * called, or null if it is public. Also used by the webhook executor on resolved addresses.
 */
export const privateAddressReason = (address: string): string | null => {
  const v4 = parseIPv4(address);
  if (v4 !== null) return v4Reason(v4);
  const v6 = parseIPv6(address);
  return v6 ? v6Reason(v6) : null;
};
