/**
 * What may be told of an error the PostgreSQL server returned. Never its message or detail: they
 * can quote the statement's values (`invalid input syntax for type date: "…"`, `Key (…)=(…) already
 * exists`), and those are personal data. The SQLSTATE, the server routine and the names of the
 * table, column and constraint are enough to find the cause.
 */
export interface ServerErrorSummary {
  readonly sqlState: string;
  readonly routine?: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The summary of an error from either driver (postgres.js or node-postgres), or null for any other error. */
export function summarizeServerError(error: unknown): ServerErrorSummary | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as Record<string, unknown>;
  if (typeof e.code !== 'string' || !SQLSTATE.test(e.code) || typeof e.severity !== 'string') return null;
  const text = (...values: unknown[]) => values.find((v): v is string => typeof v === 'string' && v !== '');
  const summary: Record<string, string> = { sqlState: e.code };
  const routine = text(e.routine);
  const table = text(e.table_name, e.table);
  const column = text(e.column_name, e.column);
  const constraint = text(e.constraint_name, e.constraint);
  if (routine) summary.routine = routine;
  if (table) summary.table = table;
  if (column) summary.column = column;
  if (constraint) summary.constraint = constraint;
  return summary as unknown as ServerErrorSummary;
}
