import { describe, expect, it } from 'vitest';
import { postgresJsConnection } from './postgres-url';

describe('a DATABASE_URL for postgres.js', () => {
  it('is left as it is without ?host=', () => {
    const url = 'postgres://app:secret@db.example:6432/madoguchi?sslmode=verify-full';
    expect(postgresJsConnection(url)).toEqual({ url });
  });

  it("takes ?host=/dir as the Unix socket's directory, with the URL's port or 5432", () => {
    expect(postgresJsConnection('postgres://app@localhost/madoguchi?host=/var/run/postgresql')).toEqual({
      url: 'postgres://app@localhost/madoguchi',
      path: '/var/run/postgresql/.s.PGSQL.5432',
    });
    expect(postgresJsConnection('postgres://app@localhost:5433/madoguchi?host=/tmp/&sslmode=disable')).toEqual({
      url: 'postgres://app@localhost:5433/madoguchi?sslmode=disable',
      path: '/tmp/.s.PGSQL.5433',
    });
  });

  it('takes ?host=name as the host', () => {
    expect(postgresJsConnection('postgres://app@localhost/madoguchi?host=db.internal')).toEqual({
      url: 'postgres://app@db.internal/madoguchi',
    });
  });
});
