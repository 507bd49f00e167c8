// Work for one pull request runs one job at a time in this process: two deliveries for the same PR
// (a push and an edit a second apart) would otherwise race to create the sticky comment. Across
// processes the sticky comment's own duplicate cleanup settles the race, so no shared state is needed.

export class SerialQueue {
  private readonly tails = new Map<string, Promise<void>>();

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

  /** Resolves when every queued job has finished (graceful shutdown). */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }

  get busyKeys(): number {
    return this.tails.size;
  }
}
