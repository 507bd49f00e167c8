// Blob contents by SHA for the life of the process. A blob SHA names its content, so an entry is
// never stale and can serve any revision or repository that lists it: the base and head of a pull
// request share almost every blob, and so do consecutive pushes. Bounded by total size (LRU).

/** What a blob turned out to be: its text, or the reason it is not used as evidence. */
export type BlobContent = { text: string } | { skipped: string };

const DEFAULT_MAX_BYTES = 128 * 1024 * 1024;
/** Bookkeeping per entry, so thousands of tiny blobs cannot slip past the byte bound. */
const ENTRY_OVERHEAD = 256;

export class BlobCache {
  private readonly entries = new Map<string, { content: BlobContent; bytes: number }>();
  private bytes = 0;

  constructor(readonly maxBytes = DEFAULT_MAX_BYTES) {}

  get(sha: string): BlobContent | undefined {
    const entry = this.entries.get(sha);
    if (!entry) return undefined;
    // Map keeps insertion order: re-inserting marks the entry as most recently used.
    this.entries.delete(sha);
    this.entries.set(sha, entry);
    return entry.content;
  }

  set(sha: string, content: BlobContent): void {
    const bytes = ENTRY_OVERHEAD + ('text' in content ? content.text.length * 2 : content.skipped.length);
    if (bytes > this.maxBytes) return;
    const previous = this.entries.get(sha);
    if (previous) {
      this.entries.delete(sha);
      this.bytes -= previous.bytes;
    }
    this.entries.set(sha, { content, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }
}

/** One cache for every installation the process serves. */
export const sharedBlobCache = new BlobCache();
