/** The login levels of the service: 1 e-mail code, 2 passkey, 3 My Number card. */
export type AssuranceLevel = 1 | 2 | 3;

/** A level from the API, as one of the three (an unknown one is treated as the strictest). */
export function assuranceLevelOf(level: number): AssuranceLevel {
  return level === 1 || level === 2 ? level : 3;
}
