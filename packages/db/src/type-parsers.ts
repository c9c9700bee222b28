/**
 * One set of result parsers for both engines, so a query returns the same JavaScript
 * values on PGlite and on PostgreSQL (out of the box they differ: `pg` returns int8 as a
 * string and `date` as a local-time Date; PGlite returns int8 as a number and `date` as
 * a UTC Date).
 */
export const PG_TYPE = {
  BYTEA: 17,
  INT8: 20,
  NUMERIC: 1700,
  DATE: 1082,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
} as const;

function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new RangeError('an int8 value is outside the safe integer range of JavaScript');
  }
  return n;
}

/** Calendar dates stay ISO strings (YYYY-MM-DD): a birth date has no time zone. */
function parseDate(value: string): string {
  return value;
}

/** `timestamp without time zone` is read as UTC; the schema uses timestamptz everywhere. */
function parseTimestamp(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}Z`);
}

function parseTimestamptz(value: string): Date {
  return new Date(value);
}

function parseNumeric(value: string): string {
  return value;
}

/** bytea arrives in hex form (`\\x…`); both engines return a Buffer. */
function parseBytea(value: string): Buffer {
  return Buffer.from(value.slice(2), 'hex');
}

export const typeParsers: Readonly<Record<number, (value: string) => unknown>> = {
  [PG_TYPE.BYTEA]: parseBytea,
  [PG_TYPE.INT8]: parseInt8,
  [PG_TYPE.NUMERIC]: parseNumeric,
  [PG_TYPE.DATE]: parseDate,
  [PG_TYPE.TIMESTAMP]: parseTimestamp,
  [PG_TYPE.TIMESTAMPTZ]: parseTimestamptz,
};
