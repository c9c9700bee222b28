import path from 'node:path';
import {
  bindCard,
  initDevCa,
  issueCard,
  operatorActor,
  parseLgCode,
  readCardCertificate,
  revokeCard,
  signChallenge,
} from '@madoguchi/core';
import type { Command } from 'commander';
import { type DatabaseFlags, withDatabase, withDatabaseOptions } from '../database-options';
import { UsageError } from '../errors';
import type { Io } from '../io';
import { printResult, warn } from '../output';

const PERSON_ID = /^[0-9A-Za-z_-]{1,32}$/;

/**
 * A development certificate authority that stands in for J-LIS, so card login runs end to end
 * without hardware. Never trust it in production: `serve` warns loudly when it does.
 */
export function devCaCommand(program: Command, io: Io): void {
  const devCa = program.command('dev-ca').description('development CA for demo My Number cards (NOT for production)');
  const dirOf = (dir: string) => path.resolve(io.cwd, dir);

  devCa
    .command('init')
    .description('create the CA (ca-cert.pem, ca-key.pem, an empty CRL)')
    .requiredOption('--dir <dir>', 'directory for the CA files')
    .option('--json', 'print the result as JSON')
    .action(async (flags: { dir: string; json?: boolean }) => {
      await initDevCa(dirOf(flags.dir));
      warn(io, 'this CA is for development and demos only; never configure it as a trust anchor in production');
      printResult(
        io,
        Boolean(flags.json),
        { dir: dirOf(flags.dir) },
        () => `created a development CA in ${dirOf(flags.dir)}`,
      );
    });

  withDatabaseOptions(
    devCa
      .command('issue-card')
      .description('issue a demo card (cert.pem, key.pem) and record its serial on the resident')
      .requiredOption('--dir <dir>', 'the CA directory')
      .requiredOption('--lg-code <code>', '地方公共団体コード')
      .requiredOption('--person-id <id>', 'the resident (宛名番号) the card belongs to')
      .requiredOption('--out <dir>', 'directory for the card files')
      .option('--json', 'print the result as JSON'),
  ).action(
    async (flags: DatabaseFlags & { dir: string; lgCode: string; personId: string; out: string; json?: boolean }) => {
      const lgCode = parseLgCode(flags.lgCode, '--lg-code');
      if (!PERSON_ID.test(flags.personId)) throw new UsageError('--person-id must be 1–32 letters, digits, _ or -');
      const card = await issueCard(dirOf(flags.dir), { outDir: dirOf(flags.out) });
      await withDatabase(flags, io, (db) =>
        bindCard(db, operatorActor('cli:dev-ca'), {
          lgCode,
          issuer: card.issuer,
          serialHex: card.serialHex,
          personId: flags.personId,
        }),
      );
      const value = { serialHex: card.serialHex, notAfter: card.notAfter.toISOString(), out: dirOf(flags.out) };
      printResult(
        io,
        Boolean(flags.json),
        value,
        () => `issued card ${card.serialHex} to ${dirOf(flags.out)}, valid until ${value.notAfter}`,
      );
    },
  );

  devCa
    .command('revoke')
    .description('revoke a card and rewrite the CRL')
    .requiredOption('--dir <dir>', 'the CA directory')
    .requiredOption('--serial <hex>', 'the card serial number (hex)')
    .option('--json', 'print the result as JSON')
    .action(async (flags: { dir: string; serial: string; json?: boolean }) => {
      const revoked = await revokeCard(dirOf(flags.dir), flags.serial);
      printResult(
        io,
        Boolean(flags.json),
        { serialHex: revoked.serialHex, revokedAt: revoked.revokedAt.toISOString() },
        () =>
          `revoked ${revoked.serialHex}; servers see it once they reload ${path.join(dirOf(flags.dir), 'ca.crl.pem')}`,
      );
    });

  program
    .command('card')
    .description('the demo card')
    .command('sign')
    .description('sign a login challenge with a demo card, as the card would')
    .requiredOption('--card <dir>', 'the card directory (cert.pem, key.pem)')
    .requiredOption('--challenge <c>', 'the challenge (base64url) from the login page or API')
    .option('--json', 'print certificate and signature as JSON, ready for POST /api/v1/auth/card/login')
    .action(async (flags: { card: string; challenge: string; json?: boolean }) => {
      const signature = await signChallenge(dirOf(flags.card), flags.challenge);
      const certificate = await readCardCertificate(dirOf(flags.card));
      printResult(io, Boolean(flags.json), { certificate, signature }, () => signature);
    });
}
