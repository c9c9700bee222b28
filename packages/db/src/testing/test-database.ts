import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import type { Database, Engine } from '../database';
import { openPglite } from '../engines/open-pglite';
import { openPostgres } from '../engines/open-postgres';
import { adminQuery } from './admin';

declare module 'vitest' {
  export interface ProvidedContext {
    madoguchiTestDb:
      | { engine: 'pglite'; emptyDump: string; migratedDump: string }
      | { engine: 'postgres'; adminUrl: string; emptyTemplate: string; migratedTemplate: string };
  }
}

/** The engine this test run uses: PostgreSQL when DATABASE_URL is set, else PGlite. */
export function testEngine(): Engine {
  return inject('madoguchiTestDb').engine;
}

const dumps = new Map<string, Promise<Blob>>();

function readDump(file: string): Promise<Blob> {
  let dump = dumps.get(file);
  if (!dump) {
    dump = readFile(file).then((bytes) => new Blob([bytes]));
    dumps.set(file, dump);
  }
  return dump;
}

/**
 * A database of its own for one test: a copy of a template made once per run by
 * test/global-setup.ts, migrated unless `{ migrated: false }`. Close it when done.
 */
export async function createTestDatabase(
  options: { migrated?: boolean /** PostgreSQL only; 5 unless given. */; poolSize?: number } = {},
): Promise<Database> {
  const migrated = options.migrated ?? true;
  const setup = inject('madoguchiTestDb');
  if (setup.engine === 'pglite') {
    const dump = await readDump(migrated ? setup.migratedDump : setup.emptyDump);
    const db = await openPglite({ dataDir: null, loadDataDir: dump });
    return db;
  }
  const name = `madoguchi_t_${randomBytes(6).toString('hex')}`;
  const template = migrated ? setup.migratedTemplate : setup.emptyTemplate;
  await adminQuery(setup.adminUrl, `create database "${name}" template "${template}"`);
  const url = new URL(setup.adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres({ url: url.toString(), poolSize: options.poolSize ?? 5 });
  return {
    ...db,
    async close() {
      await db.close();
      await adminQuery(setup.adminUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}
