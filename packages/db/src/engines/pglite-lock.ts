import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { DatabaseError } from '../errors';

/**
 * PGlite has no lock of its own: two processes on one data directory corrupt it. We
 * keep a lock file beside the directory holding the owner's process id; a lock whose
 * owner has died is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = `${dataDir}.lock`;
  await mkdir(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: 'wx' });
      return async () => {
        await rm(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && (owner === process.pid || isAlive(owner))) {
        throw new DatabaseError(
          'DATABASE_IN_USE',
          `the embedded database at ${dataDir} is in use by process ${owner}; stop that process first, or use a PostgreSQL server (--database-url)`,
          { pid: owner },
        );
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new DatabaseError('DATABASE_IN_USE', `could not lock the embedded database at ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
