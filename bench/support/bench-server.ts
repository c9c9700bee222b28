import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from '@madoguchi/db';

const STARTUP_TIMEOUT_MS = 120_000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts a server script in a process of its own, so the load generator does not share its event
 * loop. The script prints one JSON line once listening; the server stops itself after `maxSeconds`
 * even if this process is killed before it can stop it. BENCH_NODE_ARGS adds flags to its node, e.g.
 * `BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof"` to profile the server under load.
 */
export function startBenchServer(script: string, target: DatabaseTarget, maxSeconds: number): ChildProcess {
  // `node --import tsx` rather than `npx tsx`: one process, so killing it kills the server.
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', fileURLToPath(script)],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
      env: {
        ...process.env,
        BENCH_ENGINE: target.engine,
        BENCH_DATABASE_URL: target.engine === 'postgres' ? target.url : '',
        BENCH_MAX_SECONDS: String(maxSeconds),
      },
    },
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  return child;
}

/** The first line the server prints, parsed: at least its port. */
export function waitForReady<T extends { port: number }>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start in time')), STARTUP_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`the server exited before listening (${code ?? signal})`)));
    if (!child.stdout) return fail(new Error('the server has no stdout'));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const ready = JSON.parse(line) as T;
      if (typeof ready.port === 'number') resolve(ready);
      else reject(new Error(`unexpected line from the server: ${line.slice(0, 200)}`));
    });
  });
}

export async function stopBenchServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
