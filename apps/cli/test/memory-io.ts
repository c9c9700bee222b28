import type { Io } from '../src/io';

/** An Io that records what a command prints; `stop()` plays the role of Ctrl+C. */
export function memoryIo(env: Record<string, string | undefined> = {}): Io & {
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
    out: () => out.join(''),
    err: () => err.join(''),
    stop: () => stop('SIGTERM'),
  };
}
