// Deliveries this process is still working on. A delivery can outlive its HTTP request (the webhook
// middleware answers 202 after 9 s and the work goes on), so a graceful shutdown waits for this,
// not only for open connections.

export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Counts `work` as running until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = () => this.running.delete(work);
    work.then(done, done);
    return work;
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves once nothing runs, including work started while waiting. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
