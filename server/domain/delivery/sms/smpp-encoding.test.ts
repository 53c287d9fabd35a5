import { describe, expect, it } from "vitest";
import { countSms } from "@/server/domain/content/sms/sms-encoding";
import { classifySubmitStatus, decodeGsm7, decodeUcs2, encodeGsm7, encodeSubmitParts, parseReceipt, senderAddress } from "./smpp-encoding";

describe("SMPP encoding", () => {
  it("writes GSM-7 as unpacked septets, extension characters behind an escape", () => {
    expect([...encodeGsm7("@A€{")]).toEqual([0x00, 0x41, 0x1b, 0x65, 0x1b, 0x28]);
    expect([...encodeGsm7("ÆÉ")]).toEqual([0x1c, 0x1f]);
    expect(decodeGsm7(encodeGsm7("Price: 5€ [today] ~ ÄÖ à"))).toBe("Price: 5€ [today] ~ ÄÖ à");
  });

  it("sends a short message whole, with data coding 0 for GSM-7 and 8 for UCS-2", () => {
    expect(encodeSubmitParts("Hello", 7)).toEqual([{ dataCoding: 0, esmClass: 0, shortMessage: Buffer.from("Hello") }]);
    const [part] = encodeSubmitParts("你好", 7);
    expect(part!.dataCoding).toBe(8);
    expect(decodeUcs2(part!.shortMessage)).toBe("你好");
  });

  it("cuts long messages into as many concatenated parts as the composer counted, each behind a UDH", () => {
    const text = "x".repeat(152) + "€" + "y".repeat(152);
    const parts = encodeSubmitParts(text, 42);
    expect(parts).toHaveLength(countSms(text).segments);
    expect(parts.every((p) => p.esmClass === 0x40 && p.dataCoding === 0)).toBe(true);
    expect(parts.map((p) => [...p.shortMessage.subarray(0, 6)])).toEqual(parts.map((_, i) => [5, 0, 3, 42, parts.length, i + 1]));
    expect(parts.map((p) => decodeGsm7(p.shortMessage.subarray(6))).join("")).toBe(text);
    expect(parts.every((p) => p.shortMessage.length <= 6 + 153)).toBe(true);

    const chinese = "優惠".repeat(50);
    const ucs2 = encodeSubmitParts(chinese, 1);
    expect(ucs2).toHaveLength(2);
    expect(ucs2.every((p) => p.shortMessage.length <= 140)).toBe(true);
    expect(ucs2.map((p) => decodeUcs2(p.shortMessage.subarray(6))).join("")).toBe(chinese);
  });

  it("addresses senders by kind", () => {
    expect(senderAddress("Herald")).toEqual({ addr: "Herald", ton: 5, npi: 0 });
    expect(senderAddress("+85291234567")).toEqual({ addr: "85291234567", ton: 1, npi: 1 });
    expect(senderAddress("12345")).toEqual({ addr: "12345", ton: 3, npi: 0 });
  });

  it("tells throttling from refusals, and reads receipts from TLVs or text", () => {
    expect(classifySubmitStatus(0x58)).toEqual({ retryable: true, reason: "The SMSC refused the message: ESME_RTHROTTLED" });
    expect(classifySubmitStatus(0x0b).retryable).toBe(false);
    expect(parseReceipt({ receipted_message_id: "abc", message_state: 2 })).toEqual({ providerId: "abc", state: "DELIVRD", error: null, status: "delivered" });
    expect(parseReceipt({ short_message: { message: "id:77 sub:001 dlvrd:000 submit date:2511252330 done date:2511252331 stat:UNDELIV err:034 text:" } })).toEqual({
      providerId: "77",
      state: "UNDELIV",
      error: "034",
      status: "failed",
    });
    expect(parseReceipt({ short_message: { message: "id:9 stat:ACCEPTD err:000" } })?.status).toBeNull();
    expect(parseReceipt({ short_message: { message: "hello" } })).toBeNull();
  });
});
