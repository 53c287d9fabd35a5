import { detectEncoding, splitSms } from "@/server/domain/content/sms/sms-encoding";

/**
 * What an SMPP submit_sm carries, built without the smpp package's own encoders so the bytes follow
 * exactly the rule the composer counted segments by (splitSms): GSM-7 as unpacked septets with
 * data_coding 0, anything else as UCS-2 (UTF-16BE) with data_coding 8, and a message longer than one
 * segment as parts behind a concatenation UDH (esm_class 0x40).
 */

// GSM 03.38 default alphabet in code order; 0x1B is the escape to the extension table.
const GSM7_TABLE =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENSION: Record<string, number> = { "\f": 0x0a, "^": 0x14, "{": 0x28, "}": 0x29, "\\": 0x2f, "[": 0x3c, "~": 0x3d, "]": 0x3e, "|": 0x40, "€": 0x65 };
const BASIC_CODES = new Map([...GSM7_TABLE].map((char, code) => [char, code]));
const EXTENSION_CHARS = new Map(Object.entries(GSM7_EXTENSION).map(([char, code]) => [code, char]));

export const DATA_CODING = { gsm7: 0x00, ucs2: 0x08 } as const;
export const ESM_CLASS_UDHI = 0x40;
export const ESM_CLASS_RECEIPT = 0x04;

/** One septet per octet (the SMSC packs them); extension characters are ESC + their code. */
export const encodeGsm7 = (text: string): Buffer => {
  const bytes: number[] = [];
  for (const char of text) {
    const basic = BASIC_CODES.get(char);
    if (basic !== undefined && char !== "\u001b") bytes.push(basic);
    else if (char in GSM7_EXTENSION) bytes.push(0x1b, GSM7_EXTENSION[char]!);
    else bytes.push(0x3f); // "?": the renderer already kept such characters out of GSM-7 messages
  }
  return Buffer.from(bytes);
};

export const decodeGsm7 = (bytes: Buffer): string => {
  let text = "";
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x1b && i + 1 < bytes.length) text += EXTENSION_CHARS.get(bytes[++i]!) ?? " ";
    else text += GSM7_TABLE[bytes[i]!] ?? " ";
  }
  return text;
};

export const encodeUcs2 = (text: string): Buffer => Buffer.from(text, "utf16le").swap16();
export const decodeUcs2 = (bytes: Buffer): string => Buffer.from(bytes).swap16().toString("utf16le");

export type SubmitPart = { dataCoding: number; esmClass: number; shortMessage: Buffer };

/** An 8-bit concatenation reference from the message id, so a resubmitted message reuses its reference. */
export const concatReference = (messageId: string): number => {
  let hash = 0;
  for (const char of messageId) hash = (hash * 31 + char.charCodeAt(0)) & 0xff;
  return hash;
};

export const encodeSubmitParts = (text: string, reference: number): SubmitPart[] => {
  const encoding = detectEncoding(text);
  const dataCoding = DATA_CODING[encoding];
  const encode = encoding === "gsm7" ? encodeGsm7 : encodeUcs2;
  const parts = splitSms(text);
  if (parts.length <= 1) return [{ dataCoding, esmClass: 0, shortMessage: encode(parts[0] ?? "") }];
  return parts.map((part, index) => ({
    dataCoding,
    esmClass: ESM_CLASS_UDHI,
    // IEI 0x00: concatenated short messages, 8-bit reference.
    shortMessage: Buffer.concat([Buffer.from([0x05, 0x00, 0x03, reference & 0xff, parts.length, index + 1]), encode(part)]),
  }));
};

/** TON/NPI for a sender: a name is alphanumeric (5/0), a short code network-specific (3/0), a full number international (1/1). */
export const senderAddress = (sourceAddr: string) => {
  if (/^\+?\d+$/.test(sourceAddr)) {
    const digits = sourceAddr.replace(/^\+/, "");
    return digits.length <= 8 && !sourceAddr.startsWith("+") ? { addr: digits, ton: 0x03, npi: 0x00 } : { addr: digits, ton: 0x01, npi: 0x01 };
  }
  return { addr: sourceAddr, ton: 0x05, npi: 0x00 };
};

// Refusals an SMSC means "not now": throttled, queue full, system error, submit failed, try later.
const RETRYABLE_STATUSES = new Set([0x58, 0x14, 0x08, 0x45, 0x64]);
const STATUS_NAMES: Record<number, string> = {
  0x01: "ESME_RINVMSGLEN",
  0x08: "ESME_RSYSERR",
  0x0a: "ESME_RINVSRCADR",
  0x0b: "ESME_RINVDSTADR",
  0x0d: "ESME_RBINDFAIL",
  0x0e: "ESME_RINVPASWD",
  0x0f: "ESME_RINVSYSID",
  0x14: "ESME_RMSGQFUL",
  0x45: "ESME_RSUBMITFAIL",
  0x58: "ESME_RTHROTTLED",
  0x64: "ESME_RX_T_APPN",
};

export const statusName = (status: number) => STATUS_NAMES[status] ?? `0x${status.toString(16).padStart(8, "0")}`;

export const classifySubmitStatus = (status: number): { retryable: boolean; reason: string } => ({
  retryable: RETRYABLE_STATUSES.has(status),
  reason: `The SMSC refused the message: ${statusName(status)}`,
});

/** message_state values (SMPP 3.4 §5.2.28) and the receipt text's stat: field, as final outcomes. */
const STATE_NAMES: Record<number, string> = { 2: "DELIVRD", 3: "EXPIRED", 4: "DELETED", 5: "UNDELIV", 6: "ACCEPTD", 7: "UNKNOWN", 8: "REJECTD" };

export type ParsedReceipt = { providerId: string; state: string; error: string | null; status: "delivered" | "failed" | null };

/**
 * A delivery receipt's id and outcome, from the receipted_message_id and message_state TLVs when the
 * SMSC sends them, else from the conventional text "id:… sub:… dlvrd:… stat:DELIVRD err:000 …".
 * status is null for states that are not final (ACCEPTD, ENROUTE).
 */
export const parseReceipt = (pdu: { receipted_message_id?: string; message_state?: number; short_message?: { message?: string | Buffer } | Buffer }): ParsedReceipt | null => {
  const raw = pdu.short_message && !Buffer.isBuffer(pdu.short_message) ? pdu.short_message.message : pdu.short_message;
  const text = Buffer.isBuffer(raw) ? raw.toString("latin1") : (raw ?? "");
  const id = pdu.receipted_message_id?.replace(/\0+$/, "") || /\bid:(\S+)/i.exec(text)?.[1];
  if (!id) return null;
  const state = (pdu.message_state !== undefined ? STATE_NAMES[pdu.message_state] : undefined) ?? /\bstat:(\w+)/i.exec(text)?.[1]?.toUpperCase() ?? "UNKNOWN";
  const error = /\berr:(\w+)/i.exec(text)?.[1] ?? null;
  const status = state === "DELIVRD" ? "delivered" : ["EXPIRED", "DELETED", "UNDELIV", "REJECTD"].includes(state) ? "failed" : null;
  return { providerId: id, state, error: error && /^0+$/.test(error) ? null : error, status };
};
