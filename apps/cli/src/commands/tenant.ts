import { addTenant, ensureTenant, listTenants, operatorActor, parseLgCode, type Tenant } from '@madoguchi/core';
import type { Command } from 'commander';
import { type DatabaseFlags, withDatabase, withDatabaseOptions } from '../database-options';
import type { Io } from '../io';
import { formatTable, printResult } from '../output';

interface AddFlags extends DatabaseFlags {
  lgCode: string;
  name: string;
  ifNotExists?: boolean;
  json?: boolean;
}

const toJson = (tenant: Tenant) => ({
  lgCode: tenant.lgCode,
  name: tenant.name,
  createdAt: tenant.createdAt.toISOString(),
});
const actor = operatorActor('cli:tenant');

export function tenantCommand(program: Command, io: Io): void {
  const tenant = program.command('tenant').description('municipalities (地方公共団体) served by this deployment');

  withDatabaseOptions(
    tenant
      .command('add')
      .description('add a municipality by its 6-digit code (check digit validated)')
      .requiredOption('--lg-code <code>', '地方公共団体コード, 6 digits, e.g. 131130')
      .requiredOption('--name <name>', 'name in Japanese, e.g. 渋谷区')
      .option('--if-not-exists', 'succeed without change when the code is already added')
      .option('--json', 'print the result as JSON'),
  ).action(async (flags: AddFlags) => {
    const input = { lgCode: parseLgCode(flags.lgCode, '--lg-code'), name: flags.name };
    const { tenant: added, created } = await withDatabase(flags, io, async (db) =>
      flags.ifNotExists ? ensureTenant(db, actor, input) : { tenant: await addTenant(db, actor, input), created: true },
    );
    printResult(io, Boolean(flags.json), { ...toJson(added), created }, () =>
      created ? `added ${added.lgCode} ${added.name}` : `${added.lgCode} ${added.name} is already added`,
    );
  });

  withDatabaseOptions(
    tenant.command('list').description('list the municipalities').option('--json', 'print the result as JSON'),
  ).action(async (flags: DatabaseFlags & { json?: boolean }) => {
    const tenants = await withDatabase(flags, io, (db) => listTenants(db, actor));
    printResult(io, Boolean(flags.json), { items: tenants.map(toJson) }, () =>
      tenants.length === 0
        ? 'no municipalities yet: add one with `madoguchi tenant add --lg-code CODE --name NAME`'
        : formatTable(
            ['LG_CODE', 'NAME', 'ADDED'],
            tenants.map((t) => [t.lgCode, t.name, t.createdAt.toISOString()]),
          ),
    );
  });
}
