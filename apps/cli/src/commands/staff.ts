import { createStaffAccount, operatorActor, parseLgCode } from '@madoguchi/core';
import type { Command } from 'commander';
import { type DatabaseFlags, withDatabase, withDatabaseOptions } from '../database-options';
import { UsageError } from '../errors';
import type { Io } from '../io';
import { printResult } from '../output';

interface AddFlags extends DatabaseFlags {
  lgCode: string;
  staffId: string;
  loginName: string;
  roles: string;
  departments: string;
  json?: boolean;
}

const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** Staff accounts. The password is read from standard input, never from a flag (flags show in ps). */
export function staffCommand(program: Command, io: Io, readStdin: () => Promise<string>): void {
  const staff = program.command('staff').description('municipal staff accounts');
  withDatabaseOptions(
    staff
      .command('add')
      .description('create a staff account; reads the password from standard input and prints the TOTP set-up URI')
      .requiredOption('--lg-code <code>', '地方公共団体コード')
      .requiredOption('--staff-id <id>', 'stable id used in the audit log, e.g. s-0001')
      .requiredOption('--login-name <name>', 'what the staff member types to log in')
      .requiredOption('--roles <list>', 'comma-separated roles, e.g. counter-clerk')
      .option('--departments <list>', 'comma-separated departments', 'citizen')
      .option('--json', 'print the result as JSON'),
  ).action(async (flags: AddFlags) => {
    const lgCode = parseLgCode(flags.lgCode, '--lg-code');
    const password = (await readStdin()).replace(/\r?\n$/, '');
    if (!password)
      throw new UsageError('give the password on standard input, e.g. `madoguchi staff add … < password-file`');
    const created = await withDatabase(flags, io, (db) =>
      createStaffAccount(db, operatorActor('cli:staff'), {
        lgCode,
        staffId: flags.staffId,
        loginName: flags.loginName,
        password,
        roles: list(flags.roles),
        departments: list(flags.departments),
      }),
    );
    printResult(io, Boolean(flags.json), { staffId: created.staffId, totpUri: created.totpUri }, () =>
      [
        `created staff account ${created.staffId}`,
        "Add this to the staff member's authenticator app (it is shown once):",
        `  ${created.totpUri}`,
      ].join('\n'),
    );
  });
}
