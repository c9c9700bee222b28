import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AppError,
  exportResidents,
  importResidents,
  inspectionList,
  operatorActor,
  parseLgCode,
  type ResidentSummary,
  searchResidents,
} from '@madoguchi/core';
import type { Command } from 'commander';
import { type DatabaseFlags, withDatabase, withDatabaseOptions } from '../database-options';
import { individualNumberCipher, KEY_OPTION } from '../individual-number-key';
import type { Io } from '../io';
import { formatTable, printResult } from '../output';
import { createProgress } from '../progress';

interface ImportFlags extends DatabaseFlags {
  lgCode: string;
  dryRun?: boolean;
  json?: boolean;
  individualNumberKey?: string;
}

interface ExportFlags extends DatabaseFlags {
  lgCode: string;
  out: string;
  includeIndividualNumber?: boolean;
  includeSupported?: boolean;
  reason?: string;
  individualNumberKey?: string;
  json?: boolean;
}

interface SearchFlags extends DatabaseFlags {
  lgCode: string;
  name?: string;
  kana?: string;
  birthDate?: string;
  address?: string;
  personId?: string;
  includeRemoved?: boolean;
  limit?: string;
  json?: boolean;
}

export function residentsCommand(program: Command, io: Io): void {
  const residents = program
    .command('residents')
    .description('the resident registry (住民記録): import, export, search');

  withDatabaseOptions(
    residents
      .command('import')
      .description('import a madoguchi-residents-v1 CSV file (docs/formats/residents-v1.md): all or nothing')
      .argument('<file>', 'the CSV file (UTF-8, or CP932/Shift_JIS)')
      .requiredOption('--lg-code <code>', '地方公共団体コード of the municipality')
      .option('--dry-run', 'check the file and count what would change; write nothing')
      .option(...KEY_OPTION)
      .option('--json', 'print the result as JSON'),
  ).action(async (file: string, flags: ImportFlags) => {
    const lgCode = parseLgCode(flags.lgCode, '--lg-code');
    const bytes = await readInput(io, file);
    const cipher = await individualNumberCipher(flags.individualNumberKey, io);
    const progress = createProgress(io, !flags.json);
    let phase = '';
    const result = await withDatabase(flags, io, (db) =>
      importResidents(db, operatorActor('cli:residents-import', 'data-migration'), {
        lgCode,
        bytes,
        dryRun: Boolean(flags.dryRun),
        ...(cipher ? { cipher } : {}),
        onProgress: ({ phase: next, done, total }) => {
          if (next !== phase && !io.stderr.isTTY && !flags.json) io.stderr.write(`madoguchi: ${next}…\n`);
          phase = next;
          progress.update(done, total ?? done, next);
        },
      }),
    ).finally(() => progress.stop());
    printResult(io, Boolean(flags.json), result, () =>
      result.dryRun
        ? `dry run: ${result.rows} rows are valid (${result.encoding}); ${result.inserted} new, ${result.updated} changed, ${result.unchanged} unchanged; nothing written`
        : `imported ${result.rows} rows (${result.encoding}): ${result.inserted} new, ${result.updated} changed, ${result.unchanged} unchanged`,
    );
  });

  withDatabaseOptions(
    residents
      .command('export')
      .description('export the current records in the madoguchi-residents-v1 layout')
      .requiredOption('--lg-code <code>', '地方公共団体コード of the municipality')
      .requiredOption('--out <file>', 'where to write the CSV (UTF-8); - for standard output')
      .option('--include-individual-number', 'include 個人番号 (needs the key and --reason; audited)')
      .option('--include-supported', 'include persons under a support measure (支援措置; needs --reason; audited)')
      .option(
        '--reason <text>',
        'why the individual numbers or supported persons are included (recorded in the audit log)',
      )
      .option(...KEY_OPTION)
      .option('--json', 'print the result as JSON'),
  ).action(async (flags: ExportFlags) => {
    const lgCode = parseLgCode(flags.lgCode, '--lg-code');
    if ((flags.includeIndividualNumber || flags.includeSupported) && !flags.reason?.trim()) {
      throw new AppError(
        'VALIDATION_FAILED',
        '--reason is required with --include-individual-number or --include-supported',
        {
          option: '--reason',
        },
      );
    }
    const cipher = flags.includeIndividualNumber
      ? await individualNumberCipher(flags.individualNumberKey, io)
      : undefined;
    const toStdout = flags.out === '-';
    const handle = toStdout ? null : await open(path.resolve(io.cwd, flags.out), 'w', 0o600);
    try {
      const result = await withDatabase(flags, io, (db) =>
        exportResidents(
          db,
          operatorActor(
            'cli:residents-export',
            flags.reason?.trim() ? `data-migration: ${flags.reason.trim()}` : 'data-migration',
          ),
          {
            lgCode,
            includeIndividualNumber: Boolean(flags.includeIndividualNumber),
            ...(cipher ? { cipher } : {}),
            ...(flags.includeSupported ? { includeSupported: { reason: flags.reason ?? '' } } : {}),
          },
          async (chunk) => {
            if (handle) await handle.write(chunk);
            else io.stdout.write(chunk);
          },
        ),
      );
      if (!toStdout) {
        printResult(
          io,
          Boolean(flags.json),
          { ...result, out: flags.out },
          () =>
            `exported ${result.rows} rows to ${flags.out}` +
            (result.excludedSupported > 0 ? `; ${result.excludedSupported} under a support measure left out` : ''),
        );
      }
    } finally {
      await handle?.close();
    }
  });

  withDatabaseOptions(
    residents
      .command('search')
      .description('search current records by name, kana, birth date, address (variant kanji and kana spellings match)')
      .requiredOption('--lg-code <code>', '地方公共団体コード of the municipality')
      .option('--name <text>', '氏名 or 通称, prefix')
      .option('--kana <text>', '振り仮名, prefix')
      .option('--birth-date <date>', '生年月日, YYYY-MM-DD')
      .option('--address <text>', '住所, prefix')
      .option('--person-id <id>', '宛名番号')
      .option('--include-removed', 'include removed records (除票)')
      .option('--limit <n>', 'at most this many (1–200)', '50')
      .option('--json', 'print the result as JSON'),
  ).action(async (flags: SearchFlags) => {
    const lgCode = parseLgCode(flags.lgCode, '--lg-code');
    const result = await withDatabase(flags, io, (db) =>
      searchResidents(db, operatorActor('cli:residents-search', 'resident-registration'), {
        lgCode,
        ...(flags.name !== undefined ? { name: flags.name } : {}),
        ...(flags.kana !== undefined ? { kana: flags.kana } : {}),
        ...(flags.birthDate !== undefined ? { birthDate: flags.birthDate } : {}),
        ...(flags.address !== undefined ? { address: flags.address } : {}),
        ...(flags.personId !== undefined ? { personId: flags.personId } : {}),
        includeRemoved: Boolean(flags.includeRemoved),
        limit: Number(flags.limit),
      }),
    );
    printResult(io, Boolean(flags.json), result, () => summaryTable(result.residents, result.truncated));
  });

  withDatabaseOptions(
    residents
      .command('inspection-list')
      .description('the 閲覧 list of an area (法第11条): name, address, birth date, sex; supported persons left out')
      .requiredOption('--lg-code <code>', '地方公共団体コード of the municipality')
      .requiredOption('--address <prefix>', 'the area: an address prefix, e.g. デモ県デモ市中央一丁目')
      .option('--include-supported', 'include persons under a support measure (needs --reason; audited)')
      .option('--reason <text>', 'why supported persons are included')
      .option('--json', 'print the result as JSON'),
  ).action(
    async (
      flags: DatabaseFlags & {
        lgCode: string;
        address: string;
        includeSupported?: boolean;
        reason?: string;
        json?: boolean;
      },
    ) => {
      const lgCode = parseLgCode(flags.lgCode, '--lg-code');
      const list = await withDatabase(flags, io, (db) =>
        inspectionList(db, operatorActor('cli:inspection-list', 'inspection'), {
          lgCode,
          addressPrefix: flags.address,
          ...(flags.includeSupported ? { includeSupported: { reason: flags.reason ?? '' } } : {}),
        }),
      );
      printResult(io, Boolean(flags.json), list, () =>
        formatTable(
          ['NAME', 'ADDRESS', 'BORN', 'SEX'],
          list.entries.map((e) => [`${e.familyName} ${e.givenName}`, e.address, e.birthDate, String(e.sex)]),
        ),
      );
    },
  );
}

function summaryTable(residents: readonly ResidentSummary[], truncated: boolean): string {
  if (residents.length === 0) return 'no match';
  const table = formatTable(
    ['PERSON_ID', 'NAME', 'KANA', 'BORN', 'ADDRESS', 'STATUS'],
    residents.map((r) => [
      r.personId,
      `${r.familyName} ${r.givenName}`,
      `${r.familyNameKana ?? ''} ${r.givenNameKana ?? ''}`.trim(),
      r.birthDate,
      r.address,
      `${r.status}${r.supportMeasure ? ' 支援措置' : ''}`,
    ]),
  );
  return truncated ? `${table}\n(more matched: narrow the search)` : table;
}

async function readInput(io: Io, file: string): Promise<Uint8Array> {
  try {
    return await readFile(path.resolve(io.cwd, file));
  } catch {
    throw new AppError('VALIDATION_FAILED', `cannot read the file ${file}`, { argument: 'file' });
  }
}
