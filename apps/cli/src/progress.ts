import { SingleBar } from 'cli-progress';
import type { Io } from './io';

export interface Progress {
  update(done: number, total: number, label: string): void;
  stop(): void;
}

/** A progress bar on a terminal; silent when output is piped or --json is given. */
export function createProgress(io: Io, enabled: boolean): Progress {
  if (!enabled || !io.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new SingleBar({
    stream: io.stderr as NodeJS.WritableStream,
    format: ' {bar} {value}/{total} {label}',
    hideCursor: true,
    clearOnComplete: false,
  });
  let started = false;
  return {
    update(done, total, label) {
      if (!started) {
        bar.start(total, 0, { label });
        started = true;
      }
      bar.update(done, { label });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
