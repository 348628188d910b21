// The bounds of what a printed code may carry, checked by the core (compose.ts, labelText.ts) and
// by the IPC schema the form's Print section is sent through: one home, so both say the same.

export const MAX_LABEL_LINES = 6;
export const MAX_LABEL_CHARACTERS = 120;
/** A label's font size in output pixels. */
export const MIN_LABEL_SIZE = 8;
export const MAX_LABEL_SIZE = 400;
/** Pixels of margin or gap around a printed code. */
export const MAX_PRINT_MARGIN = 2000;
/** The most codes one print sheet lays out: 100 A4 pages of 4 cm codes. */
export const MAX_SHEET_CODES = 2400;
