import { Command, CommanderError } from 'commander';
import { auditCommand } from './commands/audit';
import { certificatesCommand } from './commands/certificates';
import { dbCommand } from './commands/db';
import { demoCommand } from './commands/demo';
import { devCaCommand } from './commands/dev-ca';
import { proceduresCommand } from './commands/procedures';
import { residentsCommand } from './commands/residents';
import { serveCommand } from './commands/serve';
import { staffCommand } from './commands/staff';
import { tenantCommand } from './commands/tenant';
import { describeFailure } from './errors';
import { EXIT } from './exit-codes';
import type { Io } from './io';
import { printFailure } from './output';

/** Runs one `madoguchi` command line; returns the exit code. Never throws, never prints a stack. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const program = new Command('madoguchi')
    .description('Madoguchi (窓口): service platform for Japanese local governments')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  serveCommand(program, io);
  dbCommand(program, io);
  tenantCommand(program, io);
  auditCommand(program, io);
  devCaCommand(program, io);
  staffCommand(program, io, () => io.readStdin());
  residentsCommand(program, io);
  certificatesCommand(program, io);
  demoCommand(program, io);
  proceduresCommand(program, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; they end well.
      return error.exitCode === 0 ? EXIT.OK : EXIT.INVALID_INPUT;
    }
    const failure = describeFailure(error);
    printFailure(io, argv.includes('--json'), failure);
    if (io.env.MADOGUCHI_DEBUG === '1' && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return failure.exitCode;
  }
}
