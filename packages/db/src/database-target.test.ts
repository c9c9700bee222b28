import { describe, expect, it } from 'vitest';
import { describeDatabaseTarget, resolveDatabaseTarget } from './database-target';
import { DatabaseError } from './errors';

describe('resolveDatabaseTarget', () => {
  const cwd = '/srv/madoguchi';

  it('defaults to the embedded engine in ./.madoguchi/db', () => {
    expect(resolveDatabaseTarget({}, {}, cwd)).toEqual({ engine: 'pglite', dataDir: '/srv/madoguchi/.madoguchi/db' });
  });

  it('reads MADOGUCHI_DATA_DIR and DATABASE_URL from the environment, the URL first', () => {
    expect(resolveDatabaseTarget({}, { MADOGUCHI_DATA_DIR: 'data' }, cwd)).toEqual({
      engine: 'pglite',
      dataDir: '/srv/madoguchi/data',
    });
    expect(resolveDatabaseTarget({}, { MADOGUCHI_DATA_DIR: 'data', DATABASE_URL: 'postgres://u@h/db' }, cwd)).toEqual({
      engine: 'postgres',
      url: 'postgres://u@h/db',
    });
  });

  it('lets a flag win over the environment', () => {
    expect(resolveDatabaseTarget({ dataDir: 'x' }, { DATABASE_URL: 'postgres://u@h/db' }, cwd)).toEqual({
      engine: 'pglite',
      dataDir: '/srv/madoguchi/x',
    });
  });

  it('refuses both flags at once, and URLs that are not PostgreSQL', () => {
    expect(() => resolveDatabaseTarget({ dataDir: 'x', databaseUrl: 'postgres://h/d' }, {}, cwd)).toThrow(
      DatabaseError,
    );
    expect(() => resolveDatabaseTarget({ databaseUrl: 'mysql://h/d' }, {}, cwd)).toThrow(
      /must start with postgres:\/\//,
    );
    expect(() => resolveDatabaseTarget({ databaseUrl: 'not a url' }, {}, cwd)).toThrow(/not a valid URL/);
  });

  it('describes a server without its password', () => {
    const text = describeDatabaseTarget({ engine: 'postgres', url: 'postgres://app:s3cret@db.example:6432/madoguchi' });
    expect(text).toBe('PostgreSQL app@db.example:6432/madoguchi');
    expect(text).not.toContain('s3cret');
  });
});
