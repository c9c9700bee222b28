import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, openDatabase } from '@madoguchi/db';
import { adminQuery } from '@madoguchi/db/testing/admin';
import type { TestProject } from 'vitest/node';

/**
 * Runs once per `npm test`: builds an empty and a migrated template database, so each
 * test gets its own database by copying one (PGlite: load a dump; PostgreSQL:
 * CREATE DATABASE … TEMPLATE). DATABASE_URL selects PostgreSQL; it is used as the
 * maintenance connection that creates and drops the per-test databases.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = await mkdtemp(path.join(tmpdir(), 'madoguchi-test-'));
    const db = await openDatabase({ engine: 'pglite', dataDir: null });
    const emptyDump = path.join(dir, 'empty.tar');
    await writeFile(emptyDump, Buffer.from(await (await db.dump()).arrayBuffer()));
    await migrate(db);
    const migratedDump = path.join(dir, 'migrated.tar');
    await writeFile(migratedDump, Buffer.from(await (await db.dump()).arrayBuffer()));
    await db.close();
    project.provide('madoguchiTestDb', { engine: 'pglite', emptyDump, migratedDump });
    console.log('[madoguchi] tests run on the embedded engine (PGlite)');
    return async () => {
      await rm(dir, { recursive: true, force: true });
    };
  }
  const suffix = randomBytes(4).toString('hex');
  const emptyTemplate = `madoguchi_tpl_empty_${suffix}`;
  const migratedTemplate = `madoguchi_tpl_migrated_${suffix}`;
  const options = "template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'";
  await adminQuery(adminUrl, `create database "${emptyTemplate}" ${options}`);
  await adminQuery(adminUrl, `create database "${migratedTemplate}" ${options}`);
  const url = new URL(adminUrl);
  url.pathname = `/${migratedTemplate}`;
  const db = await openDatabase({ engine: 'postgres', url: url.toString() });
  await migrate(db);
  await db.close();
  project.provide('madoguchiTestDb', { engine: 'postgres', adminUrl, emptyTemplate, migratedTemplate });
  console.log(`[madoguchi] tests run on PostgreSQL (${url.hostname}:${url.port || 5432})`);
  return async () => {
    await adminQuery(adminUrl, `drop database if exists "${emptyTemplate}" with (force)`);
    await adminQuery(adminUrl, `drop database if exists "${migratedTemplate}" with (force)`);
  };
}
