/**
 * The emails and phones seen so far in an import, each with the first line it was on, to tell which
 * rows may repeat an earlier line: 12 bytes per slot (an open-addressing table of doubles and line
 * numbers) rather than a Map of strings at ~190 bytes a key. Phones are exact (E.164 digits fit a
 * double); emails are 52-bit hashes, so a "seen" answer is a candidate line that the import confirms
 * against the staged row on that line (see prepareBatch). A clean file costs nothing more.
 */
export class KeySet {
  private keys: Float64Array;
  private lines: Int32Array;
  private size = 0;

  constructor(capacity = 1 << 16) {
    this.keys = new Float64Array(capacity);
    this.lines = new Int32Array(capacity);
  }

  /**
   * Adds the key first seen on `line`; returns the line it was first seen on when it was already
   * there, else 0. Keys are positive integers below 2^53; lines are positive.
   */
  add(key: number, line: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    for (let slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
      const current = this.keys[slot]!;
      if (current === 0) {
        this.keys[slot] = key;
        this.lines[slot] = line;
        this.size++;
        return 0;
      }
      if (current === key) return this.lines[slot]!;
    }
  }

  private grow() {
    const keys = this.keys;
    const lines = this.lines;
    this.keys = new Float64Array(keys.length * 2);
    this.lines = new Int32Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.add(keys[i]!, lines[i]!);
  }
}

/** A slot index from a key: the low and high halves mixed (keys are often sequential numbers). */
const mix = (key: number) => {
  const low = key >>> 0;
  const high = (key / 4_294_967_296) >>> 0;
  return Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b) ^ (low >>> 15);
};

/** A 52-bit hash of a string (two 32-bit FNV-1a variants), never 0. */
export const stringKey = (text: string) => {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 1_048_576 + ((b >>> 12) & 0xfffff) + 1;
};

/** An E.164 number as an exact key: its digits (15 at most) fit a double. */
export const phoneKey = (e164: string) => Number(e164.slice(1)) + 1;
