import { createSocket } from "node:dgram";
import { txtChunks } from "@/server/domain/delivery/dkim/dkim-keys";

/**
 * For tests: a DNS server on a random loopback UDP port that answers TXT and MX questions from a zone
 * the test edits, so the real node:dns resolver (its wire parsing, its ENOTFOUND/ENODATA/ESERVFAIL
 * codes) is exercised end to end without the internet. Names not in the zone answer NXDOMAIN; names
 * listed in `servfail` answer SERVFAIL.
 */
export type FakeZone = {
  /** Each name's TXT records, each one string (cut into 255-byte strings on the wire, as DNS hosts do). */
  txt: Map<string, string[]>;
  mx: Map<string, { priority: number; exchange: string }[]>;
  servfail: Set<string>;
};

const TYPE_TXT = 16;
const TYPE_MX = 15;

const encodeName = (name: string) =>
  Buffer.concat([...name.split(".").filter(Boolean).map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label)])), Buffer.from([0])]);

const answer = (type: number, rdata: Buffer) => {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(0xc00c, 0); // a pointer to the question's name
  head.writeUInt16BE(type, 2);
  head.writeUInt16BE(1, 4); // IN
  head.writeUInt32BE(60, 6);
  head.writeUInt16BE(rdata.length, 10);
  return Buffer.concat([head, rdata]);
};

const txtData = (record: string) =>
  Buffer.concat(txtChunks(record).map((chunk) => Buffer.concat([Buffer.from([Buffer.byteLength(chunk)]), Buffer.from(chunk)])));

const respond = (query: Buffer, zone: FakeZone): Buffer => {
  // Question: labels from offset 12, then type and class.
  let offset = 12;
  const labels: string[] = [];
  while (query[offset]! > 0) {
    labels.push(query.subarray(offset + 1, offset + 1 + query[offset]!).toString());
    offset += query[offset]! + 1;
  }
  const name = labels.join(".").toLowerCase();
  const type = query.readUInt16BE(offset + 1);
  const question = query.subarray(12, offset + 5);
  const known = zone.txt.has(name) || zone.mx.has(name);
  const answers =
    type === TYPE_TXT
      ? (zone.txt.get(name) ?? []).map((record) => answer(TYPE_TXT, txtData(record)))
      : type === TYPE_MX
        ? (zone.mx.get(name) ?? []).map((mx) => answer(TYPE_MX, Buffer.concat([Buffer.from([mx.priority >> 8, mx.priority & 255]), encodeName(mx.exchange)])))
        : [];
  const rcode = zone.servfail.has(name) ? 2 : known ? 0 : 3;
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // id
  header.writeUInt16BE(0x8180 | rcode, 2); // response, recursion desired and available
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(rcode === 0 ? answers.length : 0, 6);
  return Buffer.concat([header, question, ...(rcode === 0 ? answers : [])]);
};

export const startFakeDnsServer = async () => {
  const zone: FakeZone = { txt: new Map(), mx: new Map(), servfail: new Set() };
  const socket = createSocket("udp4");
  socket.on("message", (message, remote) => socket.send(respond(message, zone), remote.port, remote.address));
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  const address = `127.0.0.1:${socket.address().port}`;
  return { zone, address, close: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
};
