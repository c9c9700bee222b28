import { describe, expect, it } from 'vitest';
import { Mutex, MutexTimeoutError } from './mutex';

describe('Mutex', () => {
  it('grants the lock in arrival order, one holder at a time', async () => {
    const mutex = new Mutex();
    const order: string[] = [];
    const hold = async (name: string, ms: number) => {
      const release = await mutex.acquire();
      order.push(`${name}+`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      order.push(`${name}-`);
      release();
    };
    await Promise.all([hold('a', 20), hold('b', 1), hold('c', 1)]);
    expect(order).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
    expect(mutex.locked).toBe(false);
  });

  it('fails a waiter loudly after its timeout and keeps the queue intact', async () => {
    const mutex = new Mutex();
    const release = await mutex.acquire();
    await expect(mutex.acquire(10)).rejects.toBeInstanceOf(MutexTimeoutError);
    const next = mutex.acquire(1_000);
    release();
    const releaseNext = await next;
    expect(mutex.locked).toBe(true);
    releaseNext();
    expect(mutex.locked).toBe(false);
  });

  it('ignores a second call of the same release function', async () => {
    const mutex = new Mutex();
    const release = await mutex.acquire();
    const waiting = mutex.acquire();
    release();
    release();
    const second = await waiting;
    expect(mutex.locked).toBe(true);
    second();
  });
});
