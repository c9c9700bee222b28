import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatResidentsV1, generateDemoResidents, todayInJapan } from '@madoguchi/core';
import { openDatabase } from '@madoguchi/db';
import { createTestTarget, type TestTarget } from '@madoguchi/db/testing';
import { sql } from 'kysely';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './memory-io';

// The promise of the import: a process killed half-way (SIGKILL: no handler, no cleanup) leaves
// the database exactly as it was. Real process, real kill, on the engine of this test run.
const BIN = fileURLToPath(new URL('../bin/madoguchi.js', import.meta.url));
const ROWS = 80_000;

describe('a killed import', () => {
  let target: TestTarget;
  let file: string;
  beforeAll(async () => {
    target = await createTestTarget();
    await runCli(target.flags, ['tenant', 'add', '--lg-code', '999997', '--name', 'デモ市']);
    const dir = mkdtempSync(path.join(tmpdir(), 'madoguchi-kill-'));
    file = path.join(dir, 'residents.csv');
    const text = [
      ...formatResidentsV1(generateDemoResidents({ residents: ROWS, seed: 'kill', today: todayInJapan() }), {
        includeIndividualNumber: false,
      }),
    ];
    writeFileSync(file, text.join(''));
  }, 120_000);
  afterAll(async () => {
    await target.close();
  });

  it('leaves the database as it was, and a second import then succeeds', async () => {
    const url = target.flags[0] === '--database-url' ? (target.flags[1] as string) : null;
    const indexesBefore = await indexCount(target.flags);
    expect(indexesBefore).toBeGreaterThan(5);
    const child = spawn(process.execPath, [BIN, 'residents', 'import', file, '--lg-code', '999997', ...target.flags], {
      env: { ...process.env, DATABASE_URL: '' },
    });
    let stderr = '';
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal })),
    );
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (stderr.includes('loading')) resolve();
      });
    });
    if (url) {
      // PostgreSQL: kill once the server reports rows copied inside the open transaction.
      const client = postgres(url, { max: 1 });
      for (;;) {
        const progress = await client.unsafe<{ n: number }[]>(
          'select coalesce(max(tuples_processed), 0)::int as n from pg_stat_progress_copy',
        );
        if ((progress[0]?.n ?? 0) > 1000) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await client.end();
    } else {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    child.kill('SIGKILL');
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });

    // The first load sets the secondary indexes aside inside its transaction: the kill restores them.
    expect(await indexCount(target.flags)).toBe(indexesBefore);
    const search = await runCli(target.flags, [
      'residents',
      'search',
      '--lg-code',
      '999997',
      '--address',
      'デモ',
      '--json',
    ]);
    expect(JSON.parse(search.out)).toEqual({ truncated: false, residents: [] });
    const retry = await runCli(target.flags, ['residents', 'import', file, '--lg-code', '999997', '--json']);
    expect(JSON.parse(retry.out)).toMatchObject({ rows: ROWS, inserted: ROWS });
  }, 180_000);
});

async function indexCount(flags: readonly string[]): Promise<number> {
  const target =
    flags[0] === '--database-url'
      ? { engine: 'postgres' as const, url: flags[1] as string }
      : { engine: 'pglite' as const, dataDir: flags[1] as string };
  const db = await openDatabase(target);
  try {
    const rows = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_indexes where tablename = 'resident_record'`.execute(db.kysely);
    return rows.rows[0]?.n ?? 0;
  } finally {
    await db.close();
  }
}
