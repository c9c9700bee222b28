import { getMigrationStatus, migrate } from '@madoguchi/db';
import type { Command } from 'commander';
import {
  type DatabaseFlags,
  describeDatabaseTarget,
  targetOf,
  withDatabase,
  withDatabaseOptions,
} from '../database-options';
import type { Io } from '../io';
import { printResult, warn } from '../output';
import { createProgress } from '../progress';

type Flags = DatabaseFlags & { json?: boolean };

export function dbCommand(program: Command, io: Io): void {
  const db = program.command('db').description('the database: migrations and status');

  withDatabaseOptions(
    db.command('migrate').description('apply pending SQL migrations').option('--json', 'print the result as JSON'),
  ).action(async (flags: Flags) => {
    const target = targetOf(flags, io);
    const progress = createProgress(io, !flags.json);
    const result = await withDatabase(
      flags,
      io,
      (database) =>
        migrate(database, { onProgress: (done, total, file) => progress.update(done, total, file.fileName) }),
      { requireMigrated: false },
    ).finally(() => progress.stop());
    if (target.engine === 'postgres' && result.appRole === 'missing') {
      warn(
        io,
        'role madoguchi_app does not exist, so no privileges were granted; see docs/operations/database-roles.md',
      );
    }
    const applied = result.applied.map((m) => m.fileName);
    printResult(
      io,
      Boolean(flags.json),
      { database: describeDatabaseTarget(target), applied, appRole: result.appRole },
      () =>
        applied.length === 0
          ? `${describeDatabaseTarget(target)}: up to date`
          : `${describeDatabaseTarget(target)}: applied ${applied.length} migration(s)\n${applied.map((f) => `  ${f}`).join('\n')}`,
    );
  });

  withDatabaseOptions(
    db
      .command('status')
      .description('show applied and pending migrations')
      .option('--json', 'print the result as JSON'),
  ).action(async (flags: Flags) => {
    const target = targetOf(flags, io);
    const status = await withDatabase(flags, io, (database) => getMigrationStatus(database), {
      requireMigrated: false,
    });
    const pending = status.pending.map((m) => m.fileName);
    printResult(
      io,
      Boolean(flags.json),
      { database: describeDatabaseTarget(target), applied: status.applied, pending },
      () =>
        [
          `${describeDatabaseTarget(target)}: ${status.applied.length} applied, ${pending.length} pending`,
          ...pending.map((f) => `  pending ${f}`),
        ].join('\n'),
    );
  });
}
