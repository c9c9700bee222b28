import path from 'node:path';
import { type IndividualNumberCipher, loadIndividualNumberKey } from '@madoguchi/core';
import type { Io } from './io';

/** --individual-number-key FILE, or MADOGUCHI_INDIVIDUAL_NUMBER_KEY; undefined when neither is given. */
export async function individualNumberCipher(
  flag: string | undefined,
  io: Io,
): Promise<IndividualNumberCipher | undefined> {
  const file = flag ?? io.env.MADOGUCHI_INDIVIDUAL_NUMBER_KEY;
  if (!file) return undefined;
  return loadIndividualNumberKey(path.resolve(io.cwd, file));
}

export const KEY_OPTION = [
  '--individual-number-key <file>',
  'key file for individual numbers (32 bytes, base64), or MADOGUCHI_INDIVIDUAL_NUMBER_KEY',
] as const;
