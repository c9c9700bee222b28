/**
 * A first-in first-out async lock. PGlite has exactly one connection, so the embedded
 * driver holds this lock from the moment Kysely acquires the connection until it
 * releases it: a transaction runs alone, never interleaved with another request.
 */
export class MutexTimeoutError extends Error {
  constructor(waitedMs: number) {
    super(
      `waited ${waitedMs} ms for the embedded database connection; ` +
        'a query inside a transaction may be using the database handle instead of the transaction',
    );
    this.name = 'MutexTimeoutError';
  }
}

export class Mutex {
  #locked = false;
  readonly #waiters: Array<{ grant: () => void }> = [];

  get locked(): boolean {
    return this.#locked;
  }

  /** Resolves with a release function once the lock is held. */
  acquire(timeoutMs = Number.POSITIVE_INFINITY): Promise<() => void> {
    if (!this.#locked) {
      this.#locked = true;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          if (timer) clearTimeout(timer);
          resolve(this.#releaser());
        },
      };
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            const index = this.#waiters.indexOf(waiter);
            if (index >= 0) this.#waiters.splice(index, 1);
            reject(new MutexTimeoutError(timeoutMs));
          }, timeoutMs)
        : undefined;
      this.#waiters.push(waiter);
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiters.shift();
      if (next) next.grant();
      else this.#locked = false;
    };
  }
}
