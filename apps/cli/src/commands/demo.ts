import {
  AppError,
  formatResidentsV1,
  generateDemoResidents,
  generateTotp,
  importResidents,
  operatorActor,
  parseLgCode,
  todayInJapan,
} from '@madoguchi/core';
import type { Command } from 'commander';
import { type DatabaseFlags, withDatabase, withDatabaseOptions } from '../database-options';
import { readDemoStaff } from '../demo-staff';
import type { Io } from '../io';
import { printResult } from '../output';
import { createProgress } from '../progress';

interface SeedFlags extends DatabaseFlags {
  lgCode: string;
  residents: string;
  seed: string;
  today?: string;
  json?: boolean;
}

export function demoCommand(program: Command, io: Io): void {
  const demo = program
    .command('demo')
    .description('synthetic demo data (obviously fake: デモ県デモ市, no individual numbers)');
  demoStaffCodeCommand(demo, io);
  withDatabaseOptions(
    demo
      .command('seed')
      .description('fill a municipality with a deterministic synthetic population (same seed and date, same people)')
      .requiredOption('--lg-code <code>', '地方公共団体コード of the municipality (it must be added)')
      .option('--residents <n>', 'how many residents', '2000')
      .option('--seed <text>', 'random seed', 'madoguchi')
      .option('--today <date>', 'the date the population is generated for (default: today in Japan)')
      .option('--json', 'print the result as JSON'),
  ).action(async (flags: SeedFlags) => {
    const lgCode = parseLgCode(flags.lgCode, '--lg-code');
    const residents = Number(flags.residents);
    if (!Number.isInteger(residents) || residents < 1 || residents > 2_000_000) {
      throw new AppError('VALIDATION_FAILED', '--residents must be an integer from 1 to 2000000', {
        option: '--residents',
      });
    }
    const result = await withDatabase(flags, io, (db) =>
      seedDemoResidents(db, io, {
        lgCode,
        residents,
        seed: flags.seed,
        today: flags.today,
        quiet: Boolean(flags.json),
      }),
    );
    printResult(
      io,
      Boolean(flags.json),
      result,
      () => `seeded ${lgCode}: ${result.inserted} new, ${result.updated} changed, ${result.unchanged} unchanged`,
    );
  });
}

/** `demo staff-code`: the current TOTP code of a demo staff account (the demo has no phone to read it from). */
export function demoStaffCodeCommand(demo: Command, io: Io): void {
  demo
    .command('staff-code')
    .description('print the current one-time code of a demo staff account (npm start made them)')
    .requiredOption('--login-name <name>', 'demo-kosodate, demo-shimin or demo-admin')
    .option('--json', 'print the result as JSON')
    .action(async (flags: { loginName: string; json?: boolean }) => {
      const account = (await readDemoStaff(io)).find((a) => a.loginName === flags.loginName);
      if (!account) {
        throw new AppError('VALIDATION_FAILED', `no demo staff account ${flags.loginName}: run npm start first`, {
          option: '--login-name',
        });
      }
      const code = generateTotp(account.totpSecret);
      printResult(io, Boolean(flags.json), { loginName: account.loginName, code }, () => code);
    });
}

/** Generates the population and loads it through the import path (validated, bulk, idempotent). */
export async function seedDemoResidents(
  db: Parameters<typeof importResidents>[0],
  io: Io,
  options: { lgCode: string; residents: number; seed: string; today?: string | undefined; quiet?: boolean },
) {
  const today = options.today ?? todayInJapan();
  const text = [
    ...formatResidentsV1(generateDemoResidents({ residents: options.residents, seed: options.seed, today }), {
      includeIndividualNumber: false,
    }),
  ].join('');
  const progress = createProgress(io, !options.quiet);
  try {
    return await importResidents(db, operatorActor('cli:demo-seed', 'demo'), {
      lgCode: options.lgCode,
      bytes: new TextEncoder().encode(text),
      onProgress: ({ phase, done, total }) => progress.update(done, total ?? done, phase),
    });
  } finally {
    progress.stop();
  }
}
