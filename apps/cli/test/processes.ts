import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The real command, as `npx madoguchi` runs it: a separate process, real signals.
/** Commands run in a scratch directory, so defaults like ./.madoguchi/keys land there. */
export const WORK_DIR = mkdtempSync(path.join(tmpdir(), 'madoguchi-cwd-'));

const BIN = fileURLToPath(new URL('../bin/madoguchi.js', import.meta.url));

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function madoguchi(
  args: readonly string[],
  options: { env?: Readonly<Record<string, string>> } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: WORK_DIR,
      env: { ...process.env, DATABASE_URL: '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `serve` and resolves with its URLs once it says it is listening. */
export function serve(
  args: readonly string[],
): Promise<{ child: ChildProcess; urls: Record<string, string>; done: Promise<Finished> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--json', '--log-level', 'warn', ...args], {
      cwd: WORK_DIR,
      env: { ...process.env, DATABASE_URL: '' },
    });
    let stdout = '';
    let stderr = '';
    const done = new Promise<Finished>((finish) => child.on('close', (code) => finish({ code, stdout, stderr })));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const line = stdout.split('\n').find((l) => l.includes('"listening"'));
      if (line) resolve({ child, urls: JSON.parse(line).listening, done });
    });
    child.on('error', reject);
    done.then((finished) => reject(new Error(`serve exited early: ${finished.stderr}`)));
  });
}
