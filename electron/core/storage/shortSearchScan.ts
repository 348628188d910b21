import { shortSearchGrams, shortSearchMatch, shortSearchQuery } from './shortSearch';

/**
 * Finding a short search (shortSearch.ts) in the codes the index does not hold yet, those the fill
 * (shortSearchFill.ts) has still to reach, by reading their search text, with the index's case
 * folding: JavaScript's toLowerCase, every script's. SQLite's LIKE and lower() fold A–Z only, and
 * the binding registers no function of ours (libsql 0.5's db.function() throws "not implemented"),
 * so the text is matched by LIKE against every spelling that lowercases to the search: é is found
 * by '%é%' or '%É%' (LIKE folds A–Z itself, so 'ki' stands for Ki, kI and KI too).
 *
 * toLowerCase maps each character on its own but for two. İ becomes two characters (i and a
 * combining dot above), which the patterns allow for. Σ becomes ς at the end of a word and σ
 * elsewhere (Unicode's Final_Sigma), which no pattern can say: a text with a Σ is found only by
 * CodeTable reading it and asking shortSearchFinds, as the index would have it.
 */

/** The one character whose lowercase depends on its neighbours. */
export const CAPITAL_SIGMA = 'Σ';

/** Each character that toLowerCase changes (Σ aside), with what it becomes, as code points. */
let lowerCase: ReadonlyMap<string, string[]> | undefined;

/**
 * The last code point toLowerCase changes lies below this: planes 2 to 16 (CJK, tags, private use)
 * hold no cased letter (none found when every code point was asked), and leaving them out makes
 * the first short search of a fill, on the app's main thread, about 8 times quicker.
 */
const CASED_PLANES_END = 0x1ffff;

/** Built on the first short search of a fill, by asking toLowerCase itself of every cased plane's code point. */
function lowerCases(): ReadonlyMap<string, string[]> {
  if (!lowerCase) {
    const changed = new Map<string, string[]>();
    for (let point = 0; point <= CASED_PLANES_END; point++) {
      // A lone surrogate is no character: no text holds one.
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const char = String.fromCodePoint(point);
      const lower = char.toLowerCase();
      if (lower !== char && char !== CAPITAL_SIGMA) changed.set(char, [...lower]);
    }
    lowerCase = changed;
  }
  return lowerCase;
}

/** The characters (Σ aside) whose lowercase passes `test`, `self` among them if it is its own lowercase. */
function spellings(self: string, test: (lower: readonly string[]) => boolean): string[] {
  const lowers = lowerCases();
  const found = lowers.has(self) || !test([self]) ? [] : [self];
  for (const [char, lower] of lowers) if (test(lower)) found.push(char);
  return found;
}

/** A spelling as LIKE sees it, A–Z folded: spellings alike in it are found by one pattern. */
const asLike = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * The LIKE patterns (with \ as the escape), any of which a search text matches when its lowercase
 * holds the search's, Σ aside; none when the search is too long for the short-search index. One
 * pattern per spelling as LIKE folds it: a GLOB per spelling (Ki, KI, kI, ki) reads the text once
 * for each, and a GLOB set ("*[Éé]*") took four times as long as a LIKE to scan the same texts.
 * Folding A–Z loses nothing: where a spelling has a letter of A–Z, its other case is a spelling too.
 */
export function shortSearchLikes(query: string): string[] {
  const chars = shortSearchQuery(query);
  if (!chars) return [];
  const [first, second] = chars as [string, string?];
  const spelled =
    second === undefined
      ? spellings(first, (lower) => lower.includes(first))
      : [
          ...spellings(first, (lower) => lower.at(-1) === first).flatMap((one) =>
            spellings(second, (lower) => lower[0] === second).map((two) => one + two),
          ),
          // A character that becomes both (İ becomes "i̇").
          ...[...lowerCases()]
            .filter(([, lower]) => lower.length > 1 && lower.join('').includes(first + second))
            .map(([char]) => char),
        ];
  return [...new Set(spelled.map(asLike))].map((text) => `%${text.replace(/[\\%_]/g, '\\$&')}%`);
}

/** Whether a text with a Σ may hold the search: only when its lowercase has a sigma, either one. */
export function searchesSigma(query: string): boolean {
  return shortSearchQuery(query)?.some((char) => char === 'σ' || char === 'ς') ?? false;
}

/** Whether the index, once it holds this search text, finds it by the search. */
export function shortSearchFinds(searchText: string, query: string): boolean {
  const gram = shortSearchMatch(query)?.slice(1, -1);
  return gram !== undefined && shortSearchGrams(searchText).split(' ').includes(gram);
}
