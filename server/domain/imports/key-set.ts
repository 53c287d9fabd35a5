/**
 * The emails and phones seen so far in an import, to tell which rows may repeat an earlier line,
 * in 8 bytes per key (an open-addressing table of doubles) rather than a Map of strings at ~190 bytes.
 * Phones are exact (E.164 digits fit a double). Emails are 52-bit hashes, so a "seen" answer means
 * "maybe": the import confirms those rows against the staged rows themselves (see prepareBatch), and
 * a clean file, with no repeats, costs nothing more.
 */
export class KeySet {
  private table: Float64Array;
  private size = 0;

  constructor(capacity = 1 << 16) {
    this.table = new Float64Array(capacity);
  }

  /** Adds the key; true when it was already there. Keys are positive integers below 2^53. */
  add(key: number): boolean {
    if ((this.size + 1) * 2 > this.table.length) this.grow();
    const mask = this.table.length - 1;
    for (let slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
      const current = this.table[slot]!;
      if (current === 0) {
        this.table[slot] = key;
        this.size++;
        return false;
      }
      if (current === key) return true;
    }
  }

  private grow() {
    const old = this.table;
    this.table = new Float64Array(old.length * 2);
    this.size = 0;
    for (const key of old) if (key !== 0) this.add(key);
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
