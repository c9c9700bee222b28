import { describe, expect, it } from 'vitest';
import { SerialTable } from './serial-table';

describe('SerialTable', () => {
  it('adds a new key (-1) and then returns its first value', () => {
    const table = new SerialTable();
    expect(table.valueOrAdd(0, 2)).toBe(-1);
    expect(table.valueOrAdd(42, 3)).toBe(-1);
    expect(table.valueOrAdd(0, 9)).toBe(2);
    expect(table.valueOrAdd(42, 9)).toBe(3);
    expect(table.size).toBe(2);
  });

  it('keeps every entry while growing, for ascending, strided and 11-digit keys', () => {
    const keys = [
      ...Array.from({ length: 3000 }, (_, i) => i + 1),
      ...Array.from({ length: 3000 }, (_, i) => (i + 1) * 1024 * 1024),
      ...Array.from({ length: 3000 }, (_, i) => 99_999_999_999 - i * 7919),
    ];
    const table = new SerialTable();
    expect(keys.map((key, i) => table.valueOrAdd(key, i))).toEqual(keys.map(() => -1));
    expect(keys.map((key) => table.valueOrAdd(key, 0))).toEqual(keys.map((_, i) => i));
    expect(table.size).toBe(keys.length);
  });
});
