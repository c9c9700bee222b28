/**
 * postgres.js reads host, port, user, password and database from the URL and sends every other
 * query parameter to the server as a setting; libpq, node-postgres and the operations guide take
 * `?host=` as the host or, when it is a path, the directory of the server's Unix socket. This
 * turns that form into postgres.js options, so the same DATABASE_URL works for both drivers.
 */
export function postgresJsConnection(url: string): { readonly url: string; readonly path?: string } {
  const parsed = new URL(url);
  const host = parsed.searchParams.get('host');
  if (host === null) return { url };
  parsed.searchParams.delete('host');
  if (host.startsWith('/')) {
    return { url: parsed.toString(), path: `${host.replace(/\/$/, '')}/.s.PGSQL.${parsed.port || '5432'}` };
  }
  parsed.hostname = host;
  return { url: parsed.toString() };
}
