import { randomUUID } from 'node:crypto';

/**
 * What the page refers to by an id main gave it (an open sheet, a checked plan, a chosen folder),
 * kept in memory while the user works on it; past `limit`, the oldest goes first.
 */
export class KeptById<T> {
  private readonly kept = new Map<string, T>();

  constructor(private readonly limit: number) {}

  /** Keeps `value` and returns the id that names it to the page. */
  keep(value: T): string {
    const id = randomUUID();
    this.kept.set(id, value);
    for (const old of this.kept.keys()) if (this.kept.size > this.limit) this.kept.delete(old);
    return id;
  }

  get(id: string): T | undefined {
    return this.kept.get(id);
  }
}
