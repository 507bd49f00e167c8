// The App's per-key queue: `run` keeps every job in order, `coalesce` keeps at most one waiting.

import { describe, expect, it } from 'vitest';
import { SerialQueue } from '../../src/app/serial-queue.js';

/** A promise the test settles by hand, to hold a job in the middle of running. */
function gate() {
  let release = () => {};
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { opened, release };
}

/** Lets queued promise callbacks run, so what can start has started. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SerialQueue.coalesce', () => {
  it('runs the first job at once and folds the jobs that arrive meanwhile into one run of the latest', async () => {
    const queue = new SerialQueue();
    const ran: string[] = [];
    const first = gate();
    const settled: string[] = [];
    const call = (name: string, hold?: Promise<void>) =>
      queue
        .coalesce('pr#1', async () => {
          ran.push(name);
          await hold;
        })
        .then(() => settled.push(name));

    const calls = [call('a', first.opened)];
    await settle();
    calls.push(call('b'), call('c'), call('d'));
    await settle();
    expect(ran).toEqual(['a']);
    expect(settled).toEqual([]);

    first.release();
    await Promise.all(calls);
    expect(ran).toEqual(['a', 'd']);
    // b and c settle with d's run, which did what theirs would have done, and not before it.
    expect(settled).toEqual(['a', 'b', 'c', 'd']);
  });

  it('queues a job that arrives after the waiting one started, so the latest is never lost', async () => {
    const queue = new SerialQueue();
    const ran: string[] = [];
    const first = gate();
    const second = gate();
    const job = (name: string, hold?: Promise<void>) => async () => {
      ran.push(name);
      await hold;
    };

    const a = queue.coalesce('k', job('a', first.opened));
    await settle();
    const b = queue.coalesce('k', job('b', second.opened));
    first.release();
    await a;
    await settle();
    expect(ran).toEqual(['a', 'b']);
    const c = queue.coalesce('k', job('c'));
    second.release();
    await Promise.all([b, c]);
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('hands a failure to every caller it stood for, and the key keeps working', async () => {
    const queue = new SerialQueue();
    const first = gate();
    const running = queue.coalesce('k', () => first.opened);
    await settle();
    const replaced = queue.coalesce('k', async () => {
      throw new Error('not this one');
    });
    const latest = queue.coalesce('k', async () => {
      throw new Error('GitHub answered 502');
    });
    first.release();

    await expect(running).resolves.toBeUndefined();
    await expect(replaced).rejects.toThrow('GitHub answered 502');
    await expect(latest).rejects.toThrow('GitHub answered 502');
    let ranAfter = false;
    await queue.coalesce('k', async () => {
      ranAfter = true;
    });
    expect(ranAfter).toBe(true);
  });

  it('runs only the latest of jobs that arrive before any has started', async () => {
    const queue = new SerialQueue();
    const ran: string[] = [];
    await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        queue.coalesce('k', async () => {
          ran.push(name);
        }),
      ),
    );
    expect(ran).toEqual(['c']);
  });

  it('keeps its place among run() jobs of the same key and leaves other keys alone', async () => {
    const queue = new SerialQueue();
    const events: string[] = [];
    const first = gate();
    const coalesced = queue.coalesce('pr#1', async () => {
      events.push('recheck start');
      await first.opened;
      events.push('recheck end');
    });
    const queued = queue.run('pr#1', async () => {
      events.push('synchronize');
    });
    await queue.run('pr#2', async () => {
      events.push('other pull request');
    });
    expect(events).toEqual(['recheck start', 'other pull request']);

    first.release();
    await Promise.all([coalesced, queued]);
    expect(events).toEqual(['recheck start', 'other pull request', 'recheck end', 'synchronize']);
  });

  it('idle() waits for the waiting run as well as the running one', async () => {
    const queue = new SerialQueue();
    const first = gate();
    const ran: string[] = [];
    void queue.coalesce('k', async () => {
      await first.opened;
      ran.push('a');
    });
    await settle();
    void queue.coalesce('k', async () => {
      ran.push('b');
    });
    const idle = queue.idle().then(() => ran.length);
    await settle();
    expect(queue.busyKeys).toBe(1);

    first.release();
    expect(await idle).toBe(2);
    expect(queue.busyKeys).toBe(0);
  });
});
