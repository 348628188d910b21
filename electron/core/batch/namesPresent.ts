import { nameHash } from './nameHash';

// The names already in a batch's output folder when it starts, in 8 bytes each (a sorted list of
// their hashes) rather than a string each: resuming a batch of 500,000 rows into its own folder
// kept every file name in memory for the whole run.

export interface NamesPresent {
  /**
   * Whether a file of that name was there. A name not there sharing a hash with one that is makes
   * it say yes: that row then reads a file that is not there (nothing to compare: it is written),
   * or on resume counts as done though its file went missing. The chance is the number of names
   * over 2^48 for each name asked about: one in 280 million at a million names.
   */
  has(name: string): boolean;
  readonly size: number;
}

/** Gathers the names one by one (a folder listing read as it comes), then sorts them once. */
export class NamesPresentBuilder {
  private hashes = new Float64Array(1024);
  private count = 0;

  add(name: string): void {
    if (this.count === this.hashes.length) {
      const grown = new Float64Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[this.count++] = nameHash(name);
  }

  /** The names added; the builder is left empty. */
  done(): NamesPresent {
    const sorted = this.hashes.slice(0, this.count).sort();
    // Done: its room for more goes.
    this.hashes = new Float64Array(0);
    this.count = 0;
    return {
      size: sorted.length,
      has: (name) => {
        const hash = nameHash(name);
        let low = 0;
        let high = sorted.length - 1;
        while (low <= high) {
          const middle = (low + high) >>> 1;
          const at = sorted[middle]!;
          if (at === hash) return true;
          if (at < hash) low = middle + 1;
          else high = middle - 1;
        }
        return false;
      },
    };
  }
}
