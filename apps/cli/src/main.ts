import { processIo } from './io';
import { run } from './run';

export async function main(): Promise<void> {
  process.exitCode = await run(process.argv.slice(2), processIo());
  // Nothing may keep the process alive after the command is done (open handles are bugs).
}
