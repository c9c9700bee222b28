import type { Database } from '@madoguchi/db';
import { createTestDatabase, serverErrorQuoting } from '@madoguchi/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailure } from './errors';
import { EXIT } from './exit-codes';

describe('what the command says of an unexpected failure', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
  });
  afterAll(async () => {
    await db.close();
  });

  it("names the database's SQLSTATE and constraint, never the values the server's message quotes", async () => {
    const failure = describeFailure(await serverErrorQuoting(db, 'テスト太郎'));
    expect(failure).toMatchObject({ exitCode: EXIT.INTERNAL, code: 'INTERNAL_ERROR' });
    expect(failure.message).toContain('SQLSTATE 23505');
    expect(failure.message).toContain('probe_error_pkey');
    expect(JSON.stringify(failure)).not.toContain('テスト太郎');
    // This message quotes the value itself: "date/time field value out of range: "1990-13-45"".
    const outOfRange = await sql`select ${'1990-13-45'}::date`.execute(db.kysely).catch((e: unknown) => e);
    expect(String((outOfRange as Error).message)).toContain('1990-13-45');
    expect(JSON.stringify(describeFailure(outOfRange))).not.toContain('1990-13-45');
  });

  it('gives the first line of any other unexpected error', () => {
    expect(describeFailure(new Error('disk full\nat x')).message).toContain('(disk full)');
  });
});
