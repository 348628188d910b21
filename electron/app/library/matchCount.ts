import type { Library, LibraryFilter } from '../../core/storage/library';

/**
 * The most matches History counts exactly. Counting reads every match, so a search most of a million
 * codes match (店, 1) spends far longer on its count than on its page; past this many the user
 * learns only that there are more ("10,000+ codes").
 */
export const MOST_COUNTED = 10_000;

/** How many codes match, as History shows it: exact up to MOST_COUNTED, else MOST_COUNTED and capped. */
export function matchCount(library: Library, filter: LibraryFilter): { total: number; totalCapped?: true } {
  const counted = library.count(filter, MOST_COUNTED);
  // Exactly MOST_COUNTED + 1 is where a capped count stops (an exact one that size is shown capped too: still true).
  return counted === MOST_COUNTED + 1 ? { total: MOST_COUNTED, totalCapped: true } : { total: counted };
}
