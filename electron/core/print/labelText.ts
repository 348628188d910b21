import { labelTooLong, labelUnknownPlaceholder } from '../../../shared/errors/print';
import { MAX_LABEL_CHARACTERS, MAX_LABEL_LINES } from '../../../shared/print/printLimits';
import { Failure } from '../../../shared/result';

export { MAX_LABEL_CHARACTERS, MAX_LABEL_LINES };

import { NAME_PLACEHOLDERS, PLACEHOLDER, placeholderValue } from '../batch/naming';
import type { PlannedRow } from '../batch/plan';

// A label's text may name values the way file names do (`{门店名称}`, `桌号 {table}`, `{name}`): the
// batch's placeholder rules (naming.ts) decide what a word means, so a label and a file name built
// from the same words agree.

/** Refuses labels that are too many, too long, or name a value no column or built-in gives. */
export function checkLabels(labels: readonly string[], headers: readonly string[]): void {
  if (
    labels.length > MAX_LABEL_LINES ||
    labels.some((text) => Array.from(text).length > MAX_LABEL_CHARACTERS)
  ) {
    throw new Failure(labelTooLong(MAX_LABEL_LINES, MAX_LABEL_CHARACTERS));
  }
  for (const text of labels) {
    for (const [, word = ''] of text.matchAll(PLACEHOLDER)) {
      if (!placeholderValue(word, headers)) {
        const known = [...NAME_PLACEHOLDERS, ...headers.filter((h) => h.trim() !== '' && !/[{}]/.test(h))];
        throw new Failure(labelUnknownPlaceholder(word, known));
      }
    }
  }
}

/** One label line for one row, its placeholders filled in (checkLabels has vouched for each). */
export function labelForRow(text: string, row: PlannedRow, headers: readonly string[]): string {
  return text.replace(PLACEHOLDER, (whole, word: string) => placeholderValue(word, headers)?.(row) ?? whole);
}
