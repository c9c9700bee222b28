import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { summarizeServerError } from './server-error';
import { createTestDatabase, serverErrorQuoting } from './testing';

describe('errors of the PostgreSQL server', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
  });
  afterAll(async () => {
    await db.close();
  });

  it('are summarised by SQLSTATE and names, never by the values their messages quote', async () => {
    const error = await serverErrorQuoting(db, 'テスト太郎');
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).toContain('テスト太郎');
    const summary = summarizeServerError(error);
    expect(summary).toMatchObject({ sqlState: '23505', table: 'probe_error', constraint: 'probe_error_pkey' });
    expect(JSON.stringify(summary)).not.toContain('テスト太郎');

    const syntax = await sql`select ${'1990-13-45'}::date`.execute(db.kysely).catch((e: unknown) => e);
    expect(summarizeServerError(syntax)).toMatchObject({ sqlState: '22008' });
  });

  it('are told apart from other errors', () => {
    expect(summarizeServerError(new Error('x'))).toBeNull();
    expect(summarizeServerError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBeNull();
    expect(summarizeServerError('23505')).toBeNull();
  });
});
