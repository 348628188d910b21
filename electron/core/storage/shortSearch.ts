/**
 * The index for searches of one or two characters (桌, 门店, a1), which the trigram index cannot
 * serve: it only knows runs of three. Every character and every pair of neighbouring characters of
 * a code's search text is one token of an FTS5 table (codes_short_search), so a short search reads
 * one token's list of codes, newest first, rather than every row.
 *
 * The tokens are made here rather than by a tokenizer: FTS5's own ones split on punctuation and
 * spaces (a1 of "a1b" or "=9" of "store=9" would never be a token), and a custom tokenizer cannot be
 * registered through the binding. Each character is written as four base-36 digits, so every gram is
 * a plain ASCII word the table's `ascii` tokenizer keeps whole, whatever script it came from.
 */

/** The longest search this index serves; a longer one goes to the trigram index. */
export const SHORTEST_TRIGRAM = 3;

/** Four base-36 digits hold every code point (36⁴ > 0x10FFFF). */
const DIGITS = 4;

/** No search of one or two characters holds a space (it is trimmed), so no gram with one is kept. */
const SPACE = /\s/u;

/** A character's token digits, '' for a space; kept for the characters seen (a library uses few). */
const digitsOf = new Map<string, string>();
const MOST_KEPT = 1 << 16;

function digits(char: string): string {
  let known = digitsOf.get(char);
  if (known === undefined) {
    known = SPACE.test(char) ? '' : char.codePointAt(0)!.toString(36).padStart(DIGITS, '0');
    if (digitsOf.size < MOST_KEPT) digitsOf.set(char, known);
  }
  return known;
}

/**
 * Case is folded as the trigram index folds it, so "SHOP" and "Sh" find the same codes. Code points,
 * not UTF-16 units: an emoji is one character, as the trigram index counts it.
 */
const characters = (text: string): string[] => [...text.toLowerCase()];

/** The grams of a code's search text, each once, as the space-separated words the table takes in. */
export function shortSearchGrams(searchText: string): string {
  const grams = new Set<string>();
  let before = '';
  for (const char of searchText.toLowerCase()) {
    const one = digits(char);
    if (one) {
      grams.add(one);
      if (before) grams.add(before + one);
    }
    before = one;
  }
  return [...grams].join(' ');
}

/**
 * The characters a search of one or two characters (already trimmed) looks for, case folded as the
 * index folds it, or undefined when the search is long enough for the trigram index.
 */
export function shortSearchQuery(query: string): string[] | undefined {
  const chars = characters(query);
  return chars.length === 0 || chars.length >= SHORTEST_TRIGRAM ? undefined : chars;
}

/** The MATCH expression finding a short search in codes_short_search (see shortSearchQuery). */
export function shortSearchMatch(query: string): string | undefined {
  const chars = shortSearchQuery(query);
  return chars && `"${chars.map(digits).join('')}"`;
}
