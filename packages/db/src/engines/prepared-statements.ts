/**
 * Which statements each connection prepares (parses and plans once, then reuses; PostgreSQL keeps
 * a generic plan after five executions when it is no worse than custom ones). Planning was most of
 * the server's time per request: a submission's statements took 0.2–1.2 ms each to parse and plan
 * and a fraction of that to run.
 *
 * postgres.js would prepare every distinct statement text on every connection, and keep it for the
 * connection's life. The service's statements are templates, so their number is small; a text built
 * with a varying number of placeholders (`in ($1, $2, …)`) is not, and would grow each backend's
 * memory without bound. So only the first MAX_PREPARED distinct texts are prepared; any text after
 * that runs unprepared (a well-behaved service never gets there).
 */
const MAX_PREPARED = 2_000;
const prepared = new Set<string>();

export function preparable(text: string): boolean {
  if (prepared.has(text)) return true;
  if (prepared.size >= MAX_PREPARED) return false;
  prepared.add(text);
  return true;
}
