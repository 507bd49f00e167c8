// Work for one pull request runs one job at a time in this process: two deliveries for the same PR
// (a push and an edit a second apart) would otherwise race to create the sticky comment. Across
// processes the sticky comment's own duplicate cleanup settles the race, so no shared state is needed.
// Jobs that each redo the whole work (evaluate the pull request as it is now) can coalesce instead
// of queueing: fifty `/readiness recheck` comments in a minute cost two evaluations, not fifty.

export class SerialQueue {
  private readonly tails = new Map<string, Promise<void>>();
  /** Per key, the coalesced job waiting for its turn: its latest version and the callers' promise. */
  private readonly waiting = new Map<string, { job: () => Promise<void>; done: Promise<void> }>();

  /** Runs `job` after every job queued earlier under `key`; settles with the job's own result. */
  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(job);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /**
   * Like `run`, but while a coalesced job for `key` still waits for its turn, a newer one replaces
   * it instead of queueing behind it: at most one runs and one waits per key, and the latest wins.
   * Every caller's promise settles with the outcome of the first run that starts after its call,
   * which did everything its own job would have done.
   */
  coalesce(key: string, job: () => Promise<void>): Promise<void> {
    const waiting = this.waiting.get(key);
    if (waiting) {
      waiting.job = job;
      return waiting.done;
    }
    const entry = { job, done: Promise.resolve() };
    this.waiting.set(key, entry);
    entry.done = this.run(key, () => {
      // From here on the job is running: the next call waits again instead of replacing it.
      this.waiting.delete(key);
      return entry.job();
    });
    return entry.done;
  }

  /** Resolves when every queued job has finished (graceful shutdown). */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }

  get busyKeys(): number {
    return this.tails.size;
  }
}
