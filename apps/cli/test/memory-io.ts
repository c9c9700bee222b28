import type { Io } from '../src/io';
import { run } from '../src/run';

/** An Io that records what a command prints; `stop()` plays the role of Ctrl+C. */
export function memoryIo(
  env: Record<string, string | undefined> = {},
  stdin = '',
): Io & {
  out: () => string;
  err: () => string;
  stop: () => void;
} {
  const out: string[] = [];
  const err: string[] = [];
  let stop: (signal: string) => void = () => {};
  const stopSignal = new Promise<string>((resolve) => {
    stop = resolve;
  });
  return {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    env,
    cwd: process.cwd(),
    stopSignal,
    readStdin: async () => stdin,
    out: () => out.join(''),
    err: () => err.join(''),
    stop: () => stop('SIGTERM'),
  };
}

/** Runs `madoguchi ARGS` in-process against a test database; returns exit code and output. */
export async function runCli(
  targetFlags: readonly string[],
  args: readonly string[],
  stdin = '',
): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({}, stdin);
  const code = await run([...args, ...targetFlags], io);
  return { code, out: io.out(), err: io.err() };
}
