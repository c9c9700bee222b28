import type { Database } from '@madoguchi/db';
import { createTestDatabase } from '@madoguchi/db/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';

/** An app with default options on a database of its own, closed (both) whatever happens. */
export async function withFreshApp(
  work: (app: FastifyInstance, db: Database) => Promise<void>,
  options: { migrated?: boolean } = {},
): Promise<void> {
  const db = await createTestDatabase(options);
  const app = await buildApp({ db, logger: false });
  try {
    await work(app, db);
  } finally {
    await app.close();
    await db.close();
  }
}
