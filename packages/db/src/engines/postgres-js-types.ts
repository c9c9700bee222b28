import type postgres from 'postgres';
import { PG_TYPE, typeParsers } from '../type-parsers';

const JSON_TYPE = 114;
const JSONB = 3802;
const BOOL = 16;

/** A parameter as node-postgres sent it, which the service's queries were written against. */
const asText = (value: unknown): string => String(value);
const instant = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

/**
 * postgres.js custom types: results parsed as on the embedded engine (type-parsers.ts), parameters
 * serialised as node-postgres did — a string for a json/jsonb parameter is already JSON text (not
 * encoded again), a Date is an instant, and anything else is its text.
 */
export const postgresJsTypes: Record<string, postgres.PostgresType> = {
  int8: { to: PG_TYPE.INT8, from: [PG_TYPE.INT8], serialize: asText, parse: parserOf(PG_TYPE.INT8) },
  numeric: { to: PG_TYPE.NUMERIC, from: [PG_TYPE.NUMERIC], serialize: asText, parse: parserOf(PG_TYPE.NUMERIC) },
  date: { to: PG_TYPE.DATE, from: [PG_TYPE.DATE], serialize: instantOrDate, parse: parserOf(PG_TYPE.DATE) },
  timestamp: {
    to: PG_TYPE.TIMESTAMP,
    from: [PG_TYPE.TIMESTAMP],
    serialize: instant,
    parse: parserOf(PG_TYPE.TIMESTAMP),
  },
  timestamptz: {
    to: PG_TYPE.TIMESTAMPTZ,
    from: [PG_TYPE.TIMESTAMPTZ],
    serialize: instant,
    parse: parserOf(PG_TYPE.TIMESTAMPTZ),
  },
  bytea: {
    to: PG_TYPE.BYTEA,
    from: [PG_TYPE.BYTEA],
    serialize: (value: unknown) =>
      typeof value === 'string' ? value : `\\x${Buffer.from(value as Uint8Array).toString('hex')}`,
    parse: parserOf(PG_TYPE.BYTEA),
  },
  json: {
    to: JSON_TYPE,
    from: [JSON_TYPE, JSONB],
    serialize: (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value)),
    parse: (text: string) => JSON.parse(text),
  },
  boolean: {
    to: BOOL,
    from: [BOOL],
    serialize: (value: unknown) => (typeof value === 'boolean' ? (value ? 't' : 'f') : String(value)),
    parse: (text: string) => text === 't',
  },
};

/** A calendar date stays as given (YYYY-MM-DD); a Date is its UTC day. */
function instantOrDate(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

function parserOf(oid: number): (text: string) => unknown {
  const parser = typeParsers[oid];
  if (!parser) throw new Error(`no parser for type ${oid}`);
  return parser;
}
