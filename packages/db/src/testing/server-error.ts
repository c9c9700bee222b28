import { sql } from 'kysely';
import type { Database } from '../database';

/** A real error of the server, on whichever engine this run uses, that quotes a value in its message or detail. */
export async function serverErrorQuoting(db: Database, value: string): Promise<unknown> {
  await sql`create table if not exists probe_error (v text primary key)`.execute(db.kysely);
  await sql`insert into probe_error values (${value}) on conflict do nothing`.execute(db.kysely);
  return sql`insert into probe_error values (${value})`.execute(db.kysely).then(
    () => {
      throw new Error('the duplicate was accepted');
    },
    (error: unknown) => error,
  );
}
