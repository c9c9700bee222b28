import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError, type CertificateKind, issueCertificate, operatorActor, parseLgCode } from '@madoguchi/core';
import type { Command } from 'commander';
import { type DatabaseFlags, withDatabase, withDatabaseOptions } from '../database-options';
import { individualNumberCipher, KEY_OPTION } from '../individual-number-key';
import type { Io } from '../io';
import { printResult } from '../output';

const REQUESTERS = ['self', 'household-member', 'third-party', 'official'] as const;
const KINDS = ['resident-copy', 'removed-copy', 'entry-certificate'] as const;
const OPTIONAL = ['honseki', 'relationship', 'resident-code', 'individual-number'] as const;

interface IssueFlags extends DatabaseFlags {
  lgCode: string;
  personId: string;
  household?: boolean;
  requester: string;
  kind: string;
  include?: string[];
  items?: string;
  out: string;
  individualNumberKey?: string;
  json?: boolean;
}

export function certificatesCommand(program: Command, io: Io): void {
  const certificates = program
    .command('certificates')
    .description('certificates of the resident registry (住民票の写し等)');
  withDatabaseOptions(
    certificates
      .command('issue')
      .description('issue a certificate as an A4 PDF; recorded in the issuance history and the audit log')
      .requiredOption('--lg-code <code>', '地方公共団体コード of the municipality')
      .requiredOption('--person-id <id>', '宛名番号 of the person')
      .option('--household', 'the whole household (世帯全員) instead of the person alone')
      .requiredOption('--requester <kind>', `who asks: ${REQUESTERS.join(' | ')}`)
      .option('--kind <kind>', `${KINDS.join(' | ')}`, 'resident-copy')
      .option('--include <item...>', `optional items to show: ${OPTIONAL.join(', ')}`)
      .option('--items <list>', 'entry-certificate: comma-separated items, e.g. name,birthDate,address')
      .requiredOption('--out <file>', 'where to write the PDF')
      .option(...KEY_OPTION)
      .option('--json', 'print the result as JSON'),
  ).action(async (flags: IssueFlags) => {
    const lgCode = parseLgCode(flags.lgCode, '--lg-code');
    const requester = oneOf(flags.requester, REQUESTERS, '--requester');
    const kind = oneOf(flags.kind, KINDS, '--kind') as CertificateKind;
    const include = (flags.include ?? []).map((item) => oneOf(item, OPTIONAL, '--include'));
    const cipher = include.includes('individual-number')
      ? await individualNumberCipher(flags.individualNumberKey, io)
      : undefined;
    const issued = await withDatabase(flags, io, (db) =>
      issueCertificate(db, operatorActor('cli:certificates', 'certificate-issuance'), {
        lgCode,
        kind,
        personId: flags.personId,
        household: Boolean(flags.household),
        requester,
        channel: 'cli',
        include: {
          honseki: include.includes('honseki'),
          relationship: include.includes('relationship'),
          residentCode: include.includes('resident-code'),
          individualNumber: include.includes('individual-number'),
        },
        ...(flags.items ? { items: flags.items.split(',').map((s) => s.trim()) } : {}),
        ...(cipher ? { cipher } : {}),
      }),
    );
    await writeFile(path.resolve(io.cwd, flags.out), issued.pdf, { mode: 0o600 });
    printResult(
      io,
      Boolean(flags.json),
      { issueNo: issued.issueNo, persons: issued.personIds.length, out: flags.out, bytes: issued.pdf.length },
      () => `issued ${kind} no. ${issued.issueNo} (${issued.personIds.length} person(s)) to ${flags.out}`,
    );
  });
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new AppError('VALIDATION_FAILED', `${option} must be one of ${allowed.join(', ')}`, { option });
  }
  return value as T;
}
