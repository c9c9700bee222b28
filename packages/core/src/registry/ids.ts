/**
 * Numbers of the registry and their check digits.
 *
 * 宛名番号 and 世帯番号 (standard section 130): a serial and one check digit, modulus 11 with
 * weights 2–7 from the right (M11W2-7). A remainder of 0 gives 0; the standard says nothing of
 * remainder 1 (11 − 1 = 10, two digits), which we also map to 0, as most implementations do.
 * We use 9 serial digits, so ids have 10 digits.
 *
 * 個人番号 (My Number): 11 digits and a check digit as defined by 行政手続における特定の個人を識別する
 * ための番号の利用等に関する法律施行令 第8条. Never a key, never in demo data (demo data uses none).
 */
const SERIAL_DIGITS = 9;

export function modulus11CheckDigit(serial: string): number {
  let sum = 0;
  for (let i = 0; i < serial.length; i += 1) {
    const digit = Number(serial[serial.length - 1 - i]);
    sum += digit * ((i % 6) + 2);
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/** The id for the n-th serial: 9 digits, zero-padded, then the check digit. */
export function registryIdFromSerial(serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 1 || serial >= 10 ** SERIAL_DIGITS) {
    throw new RangeError(`serial ${serial} is out of range`);
  }
  const digits = String(serial).padStart(SERIAL_DIGITS, '0');
  return `${digits}${modulus11CheckDigit(digits)}`;
}

/** True for a 10-digit 宛名番号 / 世帯番号 whose check digit is right. */
export function isValidRegistryId(id: string): boolean {
  if (!/^[0-9]{10}$/.test(id)) return false;
  return modulus11CheckDigit(id.slice(0, SERIAL_DIGITS)) === Number(id[SERIAL_DIGITS]);
}

/** The check digit of a 個人番号 from its first 11 digits (施行令第8条). */
export function individualNumberCheckDigit(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n += 1) {
    const p = Number(first11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/** True for 12 digits whose last is the right check digit. */
export function isValidIndividualNumber(value: string): boolean {
  if (!/^[0-9]{12}$/.test(value)) return false;
  return individualNumberCheckDigit(value.slice(0, 11)) === Number(value[11]);
}
