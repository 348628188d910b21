const EXTENSION = /\.png$/i;
/** After these, a new placeholder starts a new part of the name; after anything else it gets a '-'. */
const SEPARATORS = new Set(['-', '_', ' ', '/', '.']);

/** The sheet's headers a template can name: each once, none blank, none with a brace (it would end the placeholder). */
export function placeholderHeaders(headers: readonly string[]): string[] {
  return [...new Set(headers.filter((h) => h.trim() !== '' && !/[{}]/.test(h)))];
}

/**
 * The template with `{header}` at the caret, never after the `.png` ending (it would stop ending
 * the name), and with a '-' when it would otherwise run into the text before it.
 */
export function insertPlaceholder(
  template: string,
  header: string,
  caret: number,
): { template: string; caret: number } {
  const end = EXTENSION.test(template) ? template.length - 4 : template.length;
  const at = Math.max(0, Math.min(caret, end));
  const before = template.slice(0, at);
  const joiner = before === '' || SEPARATORS.has(before.at(-1)!) ? '' : '-';
  const inserted = `${joiner}{${header}}`;
  return { template: `${before}${inserted}${template.slice(at)}`, caret: at + inserted.length };
}
