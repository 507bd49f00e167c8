// GitHub may deliver a webhook more than once (retries after a timeout, manual redelivery keeps the
// delivery id). A delivery being handled or handled successfully is not handled again by this
// process; a failed one is forgotten, so redelivering it after an outage works.

const DEFAULT_CAPACITY = 5000;

export class DeliveryLog {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** True the first time an id is offered (until it is forgotten). */
  claim(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    // A Set iterates in insertion order, so the first entry is the oldest.
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }

  forget(id: string): void {
    this.seen.delete(id);
  }
}
