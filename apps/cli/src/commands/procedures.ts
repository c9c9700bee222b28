import { readFile } from 'node:fs/promises';
import {
  AppError,
  listProcedures,
  operatorActor,
  parseLgCode,
  publishProcedure,
  retireProcedure,
  syncProcedureCatalog,
} from '@madoguchi/core';
import type { Command } from 'commander';
import { type DatabaseFlags, withDatabase, withDatabaseOptions } from '../database-options';
import type { Io } from '../io';
import { formatTable, printResult } from '../output';

interface Flags extends DatabaseFlags {
  lgCode: string;
  json?: boolean;
}

const actor = operatorActor('cli:procedures', 'procedure-administration');

/** Reads a definition file: a syntax error says where (line, column), never what the file holds. */
async function readDefinition(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AppError('VALIDATION_FAILED', `cannot read ${file}`, { field: 'FILE' });
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    const offset = at ? Number(at[1]) : text.length;
    const before = text.slice(0, offset).split('\n');
    throw new AppError('VALIDATION_FAILED', `${file} is not JSON`, {
      problems: [{ line: before.length, column: (before.at(-1)?.length ?? 0) + 1, message: 'not valid JSON here' }],
    });
  }
}

/** The procedure catalog of a municipality: publish the standard catalog, one file, list, retire. */
export function proceduresCommand(program: Command, io: Io): void {
  const procedures = program.command('procedures').description('online procedures (手続) a municipality offers');

  withDatabaseOptions(
    procedures
      .command('sync')
      .description('publish the standard catalog: a new version of each procedure whose content changed')
      .requiredOption('--lg-code <code>', '地方公共団体コード')
      .option('--json', 'print the result as JSON'),
  ).action(async (flags: Flags) => {
    const lgCode = parseLgCode(flags.lgCode, '--lg-code');
    const results = await withDatabase(flags, io, (db) => syncProcedureCatalog(db, actor, lgCode));
    printResult(io, Boolean(flags.json), { items: results }, () =>
      formatTable(
        ['procedure', 'version', 'published'],
        results.map((r) => [r.procedureId, String(r.version), r.published ? 'new' : 'unchanged']),
      ),
    );
  });

  withDatabaseOptions(
    procedures
      .command('publish <file>')
      .description('publish a definition file (JSON) as the next version of its procedure; every problem is listed')
      .requiredOption('--lg-code <code>', '地方公共団体コード')
      .option('--json', 'print the result as JSON'),
  ).action(async (file: string, flags: Flags) => {
    const lgCode = parseLgCode(flags.lgCode, '--lg-code');
    const definition = await readDefinition(file);
    const result = await withDatabase(flags, io, (db) => publishProcedure(db, actor, { lgCode, definition }));
    printResult(io, Boolean(flags.json), result, () =>
      result.published
        ? `published ${result.procedureId} version ${result.version}`
        : `${result.procedureId} version ${result.version} already has this content`,
    );
  });

  withDatabaseOptions(
    procedures
      .command('list')
      .description('the procedures offered now')
      .requiredOption('--lg-code <code>', '地方公共団体コード')
      .option('--json', 'print the result as JSON'),
  ).action(async (flags: Flags) => {
    const lgCode = parseLgCode(flags.lgCode, '--lg-code');
    const items = await withDatabase(flags, io, (db) => listProcedures(db, lgCode));
    printResult(io, Boolean(flags.json), { items }, () =>
      formatTable(
        ['procedure', 'version', 'department', 'login', 'name'],
        items.map((p) => [p.procedureId, String(p.version), p.department, String(p.minimumAssurance), p.names.ja]),
      ),
    );
  });

  withDatabaseOptions(
    procedures
      .command('retire <procedureId>')
      .description('stop offering a procedure (applications already started go on)')
      .requiredOption('--lg-code <code>', '地方公共団体コード')
      .option('--json', 'print the result as JSON'),
  ).action(async (procedureId: string, flags: Flags) => {
    const lgCode = parseLgCode(flags.lgCode, '--lg-code');
    const result = await withDatabase(flags, io, (db) => retireProcedure(db, actor, { lgCode, procedureId }));
    printResult(io, Boolean(flags.json), result, () => `retired ${result.procedureId} (version ${result.version})`);
  });
}
